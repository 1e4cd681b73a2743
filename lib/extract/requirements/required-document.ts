import type { RequirementPattern } from './pattern';
import { t } from './pattern';

/** Documents with a pattern of their own (agreements, letters of intent, plans, H2020 papers) are left to it. */
const OWN_PATTERN = /意向书|合作协议|知识产权协议|数据管理|申请书的?英文版|中文翻译|英文摘要/;

/** A stable slug for a document named only in Chinese: "required-document-" + a short hash of its name. */
function slugOf(name: string): string {
  let h = 5381;
  for (const c of name) h = ((h * 33) ^ c.codePointAt(0)!) >>> 0;
  return `required-document-${h.toString(16).padStart(8, '0').slice(0, 6)}`;
}

const pattern: RequirementPattern = {
  name: 'required-document',
  examples: {
    match: ['中方申报单位须提交所在单位出具的推荐函。', '申报时须附外方合作单位的法人登记证书复印件。'],
    noMatch: ['中方申报单位须提交与波方合作单位签署的合作意向书。', '项目须提交数据管理计划。', '鼓励提交推荐函。'],
  },
  match:
    /(?:须|应|需|必须)(?:同时)?(?:提交|提供|附|附上|上传)([^。,;]{2,30}?(?:证明|证书|函|承诺书|复印件|扫描件|批文|推荐信))/,
  draft: (m) => {
    const name = m[1]!.replace(/^\s+|\s+$/g, '');
    if (OWN_PATTERN.test(name)) return undefined;
    return {
      slug: slugOf(name),
      kind: 'document',
      severity: 'error',
      section: 'attachments',
      confidence: 0.7,
      fields: ['attachments'],
      attachmentKind: 'other',
      title: t(`提交${name}`, 'A document the guideline asks for (see the quote)'),
      explain: t(`指南要求提交${name}。`, 'The guideline asks for this document; its name is in the quote.'),
    };
  },
};

export default pattern;
