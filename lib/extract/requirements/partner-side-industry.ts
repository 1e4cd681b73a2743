import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'partner-side-industry',
  examples: {
    match: ['挪方须包括有产业界代表的参与。', '外方须有产业界代表参与。'],
    noMatch: ['中方须有企业参与。'],
  },
  match: /(?<![中双各一])方[^。]*产业界/,
  draft: () => ({
    slug: 'partner-side-industry',
    kind: 'confirm',
    severity: 'error',
    section: 'foreignPartner',
    fields: ['foreignPartners'],
    confidence: 0.7,
    title: t('外方有产业界代表参与', 'Industry takes part on the partner side'),
    explain: t('外方须包括产业界代表的参与。', 'The partner side must include an industry representative.'),
  }),
};

export default pattern;
