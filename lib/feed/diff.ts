import type { Rule, RulePack } from '../packs/schema';

/** Rule ids added, changed and removed between two versions of a pack: what an admin reviews before publishing and what applicants are told after an update. */
export interface PackDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

function rulesById(pack: RulePack): Map<string, Rule> {
  return new Map([...pack.rules, ...pack.directions.flatMap((d) => d.rules)].map((r) => [r.id, r]));
}

/** JSON with sorted keys, so re-ordered keys in a hand-edited file do not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function diffPacks(before: RulePack | undefined, after: RulePack): PackDiff {
  const old = before ? rulesById(before) : new Map<string, Rule>();
  const now = rulesById(after);
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, rule] of now) {
    const was = old.get(id);
    if (!was) added.push(id);
    else if (canonical(was) !== canonical(rule)) changed.push(id);
  }
  const removed = [...old.keys()].filter((id) => !now.has(id));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
