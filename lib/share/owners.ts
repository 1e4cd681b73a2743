import type { Checklist } from '../core/vocabulary';

/** Assigns a checklist item to a team member by name; an empty name removes the assignment. Returns a copy. */
export function assignOwner(checklist: Checklist, ruleId: string, name: string): Checklist {
  const owners = { ...checklist.owners };
  const trimmed = name.trim();
  if (trimmed) owners[ruleId] = trimmed;
  else delete owners[ruleId];
  return { ...checklist, owners };
}

/**
 * The "mine" filter: items whose owner is `name`. Names are compared as people type them in two browsers:
 * full-width and half-width forms, case and surrounding spaces do not matter. An empty name matches nothing.
 */
export function filterMine<T extends { owner?: string }>(items: T[], name: string): T[] {
  const me = sameName(name);
  if (!me) return [];
  return items.filter((item) => item.owner !== undefined && sameName(item.owner) === me);
}

function sameName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}
