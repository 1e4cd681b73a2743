import type { Draft } from './model';

/**
 * 限项 hint: guidelines limit how many applications one principal investigator or lead unit may submit in a batch.
 * Drafts only know portal field keys, which differ per portal profile, so the caller extracts who applies.
 */
export interface Applicants {
  piName?: string;
  piId?: string;
  leadUnitName?: string;
  leadUnitCode?: string;
}

export interface DuplicateGroup {
  kind: 'principalInvestigator' | 'leadUnit';
  /** The name (and id number or credit code) as first seen, for display */
  label: string;
  /** Draft keys, in the order given */
  keys: string[];
}

/**
 * Groups of live drafts of guideline `guidelineId` that share a principal investigator or a lead unit. It is a hint,
 * so a missing identifier leans towards warning: a PI is the same person by name, unless both drafts carry different
 * id numbers; a lead unit is the same by credit code, and a draft without a code joins the unit whose name it shares.
 */
export function findDuplicateApplicants(
  drafts: readonly Draft[],
  guidelineId: string,
  extract: (draft: Draft) => Applicants,
): DuplicateGroup[] {
  const people: Entry[] = [];
  const units: Entry[] = [];
  for (const draft of drafts) {
    if (draft.deletedAt || draft.guideline !== guidelineId) continue;
    const who = extract(draft);
    if (normaliseName(who.piName)) people.push({ key: draft.key, name: who.piName!, id: normaliseCode(who.piId) });
    if (normaliseName(who.leadUnitName) || normaliseCode(who.leadUnitCode))
      units.push({ key: draft.key, name: who.leadUnitName ?? '', id: normaliseCode(who.leadUnitCode) });
  }
  return [...groupPeople(people), ...groupUnits(units)].filter((g) => g.keys.length > 1);
}

interface Entry {
  key: string;
  name: string;
  /** Normalised id number or credit code; '' when unknown */
  id: string;
}

function groupPeople(entries: Entry[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  for (const sameName of groupBy(entries, (e) => normaliseName(e.name)).values()) {
    const ids = [...new Set(sameName.map((e) => e.id).filter(Boolean))];
    if (ids.length <= 1)
      groups.push({
        kind: 'principalInvestigator',
        label: labelOf(sameName[0]!.name, ids[0] && maskIdNumber(ids[0])),
        keys: sameName.map((e) => e.key),
      });
    // Different id numbers: different people, each possibly the one behind the drafts without an id.
    else
      for (const id of ids)
        groups.push({
          kind: 'principalInvestigator',
          label: labelOf(sameName[0]!.name, maskIdNumber(id)),
          keys: sameName.filter((e) => e.id === id || !e.id).map((e) => e.key),
        });
  }
  return groups;
}

function groupUnits(entries: Entry[]): DuplicateGroup[] {
  const codeOfName = new Map(entries.filter((e) => e.id && e.name).map((e) => [normaliseName(e.name), e.id]));
  const identity = (e: Entry) =>
    e.id
      ? `code:${e.id}`
      : codeOfName.has(normaliseName(e.name))
        ? `code:${codeOfName.get(normaliseName(e.name))}`
        : `name:${normaliseName(e.name)}`;
  return [...groupBy(entries, identity).values()].map((same) => {
    const coded = same.find((e) => e.id);
    return {
      kind: 'leadUnit' as const,
      label: labelOf(coded?.name || same[0]!.name, coded?.id),
      keys: same.map((e) => e.key),
    };
  });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * A personal ID number as the hint shows it: enough to tell two people apart (the first 3 and last 4 characters),
 * never the whole number on screen.
 */
export function maskIdNumber(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

function labelOf(name: string, id: string | undefined): string {
  return name && id ? `${name} (${id})` : name || id || '';
}

/** Full-width forms, spaces and case vary in how people type a name: （北京） vs (北京). */
function normaliseName(name: string | undefined): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function normaliseCode(code: string | undefined): string {
  return (code ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
