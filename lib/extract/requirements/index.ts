import abstractEn from './abstract-en';
import balancedContribution from './balanced-contribution';
import bothSidesApply from './both-sides-apply';
import budgetMax from './budget-max';
import budgetWithinPartnerBudget from './budget-within-partner-budget';
import consistentWithPartner from './consistent-with-partner';
import continuationOfEarlierTasks from './continuation-of-earlier-tasks';
import cooperationAgreementIp from './cooperation-agreement-ip';
import dataManagementPlan from './data-management-plan';
import divisionOfWork from './division-of-work';
import enterpriseInTeam from './enterprise-in-team';
import enterpriseMatchingFunds from './enterprise-matching-funds';
import exchangeArrangement from './exchange-arrangement';
import foreignPartnerPresent from './foreign-partner-present';
import h2020BudgetZh from './h2020-budget-zh';
import h2020Participant from './h2020-participant';
import h2020ProposalEn from './h2020-proposal-en';
import ipAgreement from './ip-agreement';
import jointPartnerCall from './joint-partner-call';
import leadUnitEnterprise from './lead-unit-enterprise';
import leadUnitNotEnterprise from './lead-unit-not-enterprise';
import leadUnitResearch from './lead-unit-research';
import oneApplicationPerJointProject from './one-application-per-joint-project';
import partnerCountriesMin from './partner-countries-min';
import partnerEligibility from './partner-eligibility';
import partnerLetterOfIntent from './partner-letter-of-intent';
import partnerMember from './partner-member';
import partnerSideIndustry from './partner-side-industry';
import partnerSideTwoPlusTwo from './partner-side-two-plus-two';
import piApplicationsMax from './pi-applications-max';
import piBornOnOrAfter from './pi-born-on-or-after';
import piDegree from './pi-degree';
import piMonthsPerYear from './pi-months-per-year';
import piTitle from './pi-title';
import priorCooperation from './prior-cooperation';
import proposalContents from './proposal-contents';
import registration from './registration';
import requiredDocument from './required-document';
import researchUnitInTeam from './research-unit-in-team';
import sameEnglishTitlePartners from './same-english-title-partners';
import signedCooperationAgreement from './signed-cooperation-agreement';
import unaffiliatedUnitsMin from './unaffiliated-units-min';
import unitsMax from './units-max';
import type { RequirementPattern, RuleDraft } from './pattern';
import { clauseAround } from './pattern';

export type { RequirementPattern, RuleDraft } from './pattern';

/** Every requirement pattern, one file each; a sentence may match several. */
export const requirementPatterns: RequirementPattern[] = [
  bothSidesApply,
  enterpriseMatchingFunds,
  budgetMax,
  enterpriseInTeam,
  researchUnitInTeam,
  partnerSideTwoPlusTwo,
  unaffiliatedUnitsMin,
  unitsMax,
  leadUnitResearch,
  leadUnitEnterprise,
  leadUnitNotEnterprise,
  ipAgreement,
  cooperationAgreementIp,
  signedCooperationAgreement,
  partnerLetterOfIntent,
  sameEnglishTitlePartners,
  abstractEn,
  consistentWithPartner,
  partnerMember,
  partnerEligibility,
  registration,
  partnerSideIndustry,
  foreignPartnerPresent,
  partnerCountriesMin,
  h2020Participant,
  h2020ProposalEn,
  h2020BudgetZh,
  budgetWithinPartnerBudget,
  dataManagementPlan,
  exchangeArrangement,
  balancedContribution,
  priorCooperation,
  divisionOfWork,
  oneApplicationPerJointProject,
  jointPartnerCall,
  continuationOfEarlierTasks,
  proposalContents,
  piMonthsPerYear,
  piApplicationsMax,
  piTitle,
  piDegree,
  piBornOnOrAfter,
  requiredDocument,
];

/** An encouraging or preferential clause states a wish, not a requirement. */
export const WISH = /鼓励|优先支持|优先资助|优先考虑|欢迎/;
/** "原则上" (in principle) and "一般" (as a rule) allow exceptions: a breach warns rather than blocks. */
const SOFT = /原则上|一般/;

/** A rule drafted from a sentence, with the span of the folded sentence it was read from. */
export interface FoundRule {
  draft: RuleDraft;
  start: number;
  end: number;
}

/** Rules for one folded sentence; empty when no pattern applies. */
export function requirementRules(foldedSentence: string): FoundRule[] {
  return requirementPatterns.flatMap((p) => {
    // The first match outside an encouraging clause: "鼓励企业参与…，须有企业参与" is still a requirement.
    const all = new RegExp(p.match.source, `${p.match.flags}g`);
    const m = [...foldedSentence.matchAll(all)].find((x) => !WISH.test(clauseAround(foldedSentence, x.index).text));
    if (!m) return [];
    const clause = clauseAround(foldedSentence, m.index);
    const drafted = p.draft(m);
    if (!drafted) return [];
    const start = Math.min(m.index, clause.start);
    const end = Math.max(m.index + m[0].length, clause.end);
    return [drafted].flat().map(({ at, ...draft }) => {
      const own = at === undefined ? { ...clause, start, end } : clauseAround(foldedSentence, at);
      return {
        draft: SOFT.test(own.text) && draft.severity === 'error' ? { ...draft, severity: 'warning' as const } : draft,
        start: own.start,
        end: own.end,
      };
    });
  });
}
