import type { RequirementPattern } from './pattern';
import { clauseAround, enterprise, t } from './pattern';

const pattern: RequirementPattern = {
  name: 'enterprise-matching-funds',
  examples: {
    match: [
      '参与企业应提供至少与其获得的政府资助等额的配套出资。',
      '参与企业配套出资应不低于其申请的中央财政经费的1.5倍。',
    ],
    noMatch: ['鼓励企业参与联合申报项目。', '项目总经费由中央财政经费和其他来源经费组成。'],
  },
  match: /配套出资|等额[^。]{0,6}配套/,
  draft: (m) => {
    // "不低于…的 1.5 倍": the factor is the sentence's own; "等额" or no factor means 1×.
    const factor = /(\d+(?:\.\d+)?)\s*倍/.exec(clauseAround(m.input, m.index).text)?.[1];
    if (factor && Number(factor) !== 1) {
      // The rule language compares two fields of a unit without a factor: a person confirms it.
      return {
        slug: `enterprise-matching-funds-${Number(factor)}x`,
        kind: 'confirm',
        severity: 'error',
        section: 'budget',
        confidence: 0.8,
        fields: ['participants.matchingFunds', 'participants.governmentFunding'],
        title: t(
          `参与企业配套出资不低于其中央财政经费的 ${Number(factor)} 倍`,
          `Enterprises put in at least ${Number(factor)}× their central funding`,
        ),
        explain: t(
          `指南要求参与企业的配套出资不低于其获得的中央财政经费的 ${Number(factor)} 倍；请逐家核对。`,
          `Each participating enterprise's own money must be at least ${Number(factor)}× its central funding; check each one.`,
        ),
      };
    }
    return {
      slug: 'enterprise-matching-funds',
      kind: 'check',
      severity: 'error',
      section: 'budget',
      confidence: 0.9,
      fields: ['participants.matchingFunds', 'participants.governmentFunding'],
      title: t('参与企业配套出资不少于其获得的政府资助', 'Enterprises match their government funding'),
      explain: t(
        '参与企业应提供至少与其获得的政府资助等额的配套出资。',
        'Each participating enterprise must put in at least as much of its own money as the government funding it receives.',
      ),
      message: t(
        '有企业的配套出资低于其国拨经费。',
        'An enterprise’s matching funds are below its government funding.',
      ),
      check: {
        op: 'every',
        list: 'units',
        where: enterprise,
        check: { op: 'compareFields', field: 'matchingFunds', cmp: 'gte', otherField: 'governmentFunding' },
      },
    };
  },
};

export default pattern;
