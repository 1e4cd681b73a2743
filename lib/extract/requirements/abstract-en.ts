import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'abstract-en',
  examples: {
    match: ['双方申请须附有简短的（半页）项目英文摘要。'],
    noMatch: ['双方申请须有相同的英文标题。'],
  },
  match: /英文摘要/,
  draft: () => ({
    slug: 'abstract-en',
    kind: 'document',
    severity: 'error',
    section: 'attachments',
    confidence: 0.75,
    fields: ['project.abstractEn'],
    attachmentKind: 'abstractEn',
    title: t('与外方一致的半页英文摘要', 'Half-page English abstract shared with the partner'),
    explain: t(
      '双方申请须附有相同的简短（半页）项目英文摘要。',
      'Both applications must carry the same short (half-page) English abstract.',
    ),
  }),
};

export default pattern;
