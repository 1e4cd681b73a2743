import type { Application, ForeignPartner, Person, Unit } from '../application/model';
import type { Direction } from '../packs/schema';
import { spanBetween, spanInMonths } from './dates';
import { canonicalCountry, degreeLevelOf, titleLevelOf } from './vocabulary';

/** The direction's figures a rule can compare against (`direction.*` paths). Amounts in 万元. */
export interface DirectionFacts {
  code: string;
  totalBudget?: number;
  /** The exact number, or the top of a range ("2-3个" → 3). */
  plannedProjects?: number;
  /** totalBudget ÷ planned projects, taking the middle of a range ("2-3个" → 2.5). */
  fundingPerProject?: number;
}

/**
 * What rule paths read: the application plus derived facts. The application's own `direction`
 * (a code string) is replaced by the direction's facts, which include the code.
 */
export type EvaluationContext = Omit<Application, 'direction' | 'project'> & {
  project: Application['project'] & { durationMonths?: number };
  units: Unit[];
  direction: DirectionFacts;
};

/**
 * Derived paths and the application paths they are computed from, so that a change to a source
 * re-evaluates rules that read the derived fact. Direction facts come from the pack and never change.
 */
export const derivedFacts = {
  'project.durationMonths': ['project.startDate', 'project.endDate'],
  'pi.titleLevel': ['pi.title', 'pi.titleLevel'],
  'pi.degreeLevel': ['pi.degree', 'pi.degreeLevel'],
  units: ['leadUnit', 'participants', 'budget'],
  'direction.code': [],
  'direction.totalBudget': [],
  'direction.plannedProjects': [],
  'direction.fundingPerProject': [],
} as const satisfies Record<string, readonly string[]>;

/**
 * Derived lists, item by item: the context's `units` are the lead unit (its funds what the budget's totals leave after
 * the participants') followed by the participants, each its own affiliation when it declares none. A rule reading a
 * column of `units` reads that column of the participants (`affiliation` also their `name`) and the lead unit whole.
 */
export const derivedLists: Record<string, { items: string; whole: string[]; columns: Record<string, string[]> }> = {
  units: { items: 'participants', whole: ['leadUnit', 'budget'], columns: { affiliation: ['affiliation', 'name'] } },
};

export function buildContext(application: Application, direction: Direction): EvaluationContext {
  const { direction: _code, project, ...rest } = application;
  const span = spanBetween(project.startDate, project.endDate);
  return {
    ...rest,
    project: span ? { ...project, durationMonths: spanInMonths(span) } : { ...project },
    pi: withLevels(application.pi),
    foreignPartners: application.foreignPartners.map(withCanonicalCountry),
    units: [leadUnitWithFunds(application), ...application.participants].map(withAffiliation),
    direction: directionFacts(direction),
  };
}

/**
 * The standard form asks the lead unit's money only as the budget's totals (中央财政经费, 其他来源经费), so
 * without funds fields of its own the lead unit's share is what the totals leave after the participants'.
 */
function leadUnitWithFunds({ leadUnit, participants, budget }: Application): Unit {
  const rest = (total: number | undefined, key: 'governmentFunding' | 'matchingFunds') =>
    total === undefined ? undefined : total - participants.reduce((sum, p) => sum + (p[key] ?? 0), 0);
  const governmentFunding = leadUnit.governmentFunding ?? rest(budget.central, 'governmentFunding');
  const matchingFunds = leadUnit.matchingFunds ?? rest(budget.other, 'matchingFunds');
  return {
    ...leadUnit,
    ...(governmentFunding === undefined ? {} : { governmentFunding }),
    ...(matchingFunds === undefined ? {} : { matchingFunds }),
  };
}

/** The PI's title and degree levels, from the vocabularies when the form gives only the words. */
function withLevels(pi: Person): Person {
  const titleLevel = pi.titleLevel ?? titleLevelOf(pi.title);
  const degreeLevel = pi.degreeLevel ?? degreeLevelOf(pi.degree);
  return { ...pi, ...(titleLevel ? { titleLevel } : {}), ...(degreeLevel ? { degreeLevel } : {}) };
}

/** "Norge" / "Kingdom of Norway" / "挪威" → "Norway", so a rule names a country once. */
function withCanonicalCountry(partner: ForeignPartner): ForeignPartner {
  return partner.country ? { ...partner, country: canonicalCountry(partner.country) } : partner;
}

/** A unit without a declared affiliation belongs to itself (lib/application/model.ts). */
function withAffiliation(unit: Unit): Unit {
  return unit.affiliation || !unit.name ? unit : { ...unit, affiliation: unit.name };
}

export function directionFacts(direction: Direction): DirectionFacts {
  const facts: DirectionFacts = { code: direction.code };
  const total = direction.totalBudget?.amount;
  const planned = direction.plannedProjects;
  if (total !== undefined) facts.totalBudget = total;
  if (planned) facts.plannedProjects = planned.max;
  const middle = planned ? (planned.min + planned.max) / 2 : 0;
  if (total !== undefined && middle > 0) facts.fundingPerProject = total / middle;
  return facts;
}
