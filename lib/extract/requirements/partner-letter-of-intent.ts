import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'partner-letter-of-intent',
  examples: {
    match: [
      '挪方须包括有产业界代表的参与，并向挪威研究理事会提供合作意向书。',
      '中方申报单位须提供外方合作单位出具的合作意向书。',
    ],
    noMatch: ['中方申报单位须提交与波方合作单位签署的合作意向书。'],
  },
  match: /提供(?:合作)?意向书|(?:外方|[\u4e00-\u9fff]方)(?:合作)?(?:单位|伙伴)?出具的?(?:合作)?意向书/,
  draft: () => ({
    slug: 'partner-letter-of-intent',
    kind: 'document',
    severity: 'warning',
    section: 'attachments',
    confidence: 0.7,
    fields: ['attachments'],
    attachmentKind: 'partnerLetterOfIntent',
    title: t('外方合作意向书', 'Partner’s letter of intent'),
    explain: t(
      '外方须向其资助机构提供合作意向书；如需随申请提交，请上传。',
      'The partner must give its agency a letter of intent; attach it if it goes with the application.',
    ),
  }),
};

export default pattern;
