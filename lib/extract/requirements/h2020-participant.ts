import { t } from './pattern';
import type { RequirementPattern } from './pattern';

const pattern: RequirementPattern = {
  name: 'h2020-participant',
  examples: {
    match: ['中方申报单位须为其参与地平线2020项目的正式合作伙伴。'],
    noMatch: ['中方申报单位须为法人单位。'],
  },
  match: /正式合作伙伴|[“"]participants[”"]/,
  draft: () => ({
    slug: 'h2020-participant',
    kind: 'confirm',
    severity: 'error',
    section: 'leadUnit',
    fields: ['leadUnit.name'],
    confidence: 0.8,
    title: t(
      '中方申报单位是地平线2020项目的正式合作伙伴',
      'The Chinese applicant is an official Horizon 2020 participant',
    ),
    explain: t(
      '中方申报单位须列入其参与的地平线2020项目的“participants”名单。',
      'The Chinese applicant must be on the "participants" list of its Horizon 2020 project.',
    ),
  }),
};

export default pattern;
