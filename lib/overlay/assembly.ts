import type { Application } from '../application/model';
import type { Finding } from '../engine/finding';
import { createIncrementalEvaluator, type IncrementalEvaluator } from '../engine/incremental';
import { addsTo, type PackOutline } from '../packs/origin';
import type { RulePack } from '../packs/schema';
import type { FieldMap } from '../portal/fieldMapSchema';
import { type AmbiguousField, type PageMap, changedPaths } from '../portal/locate';
import { type PageReading, readApplication, rereadPaths, setPathCopying } from '../portal/read';
import { unitOfLabel } from '../portal/parse';
import { applicationFromFields } from '../portal/fromFields';
import { type DirectionMatch, matchDirection } from './direction';
import type { Checklist } from '../core/vocabulary';

/** A value the rules read from the draft: the page now open does not show its field. */
export interface FromOtherPage {
  path: string;
  /** The heading its field was under where it was filled ("基本信息"), when known */
  section?: string;
}

export interface Assessment {
  direction?: DirectionMatch;
  directionText?: string;
  /** The other active packs adding rules to this direction (an institution's 通用条件, its `extends`) */
  layers: RulePack[];
  /**
   * Packs the direction the page shows needs (its guideline, the packs adding to it) that are not fetched yet: the
   * direction is undefined until they are.
   */
  needs: string[];
  application: Application;
  findings: Finding[];
  missing: string[];
  /** Fields found twice on the page: not read, reported */
  ambiguous: AmbiguousField[];
  fromOtherPages: FromOtherPage[];
}

export interface AssessInput {
  map: PageMap;
  vocabularies: FieldMap['vocabularies'];
  /** Every active pack: guidelines to match the direction against, and institution layers added to it */
  packs: PackSet;
  /** The direction the user chose in the panel, used when the page shows none a pack knows */
  chosen?: { packId: string; code: string };
  checklist: Checklist;
  /**
   * Paths that changed (model paths, or a list row's cell such as "participants.7.name"): only those are read again
   * and only the rules reading them run again (everything when undefined). A map other than the last one adds the
   * paths located differently on it.
   */
  changed?: string[];
  /**
   * The draft's values (every section page filled or read earlier): fields this page does not show are taken from
   * it, so on 经费预算 the rules still know the direction and the dates from 基本信息.
   */
  draft?: Record<string, string>;
  /** The field map, to read the draft's raw values as the page reader would */
  fieldMap?: FieldMap;
  /** How many keys `draft` has, when the caller keeps count (a draft object only ever gains keys) */
  draftKeys?: number;
}

/**
 * The packs in use as the content script holds them: every pack's outline (the background's getPacks index), and the
 * whole packs fetched so far (getPack, once a direction needs them).
 */
export interface PackSet {
  outlines: readonly PackOutline[];
  whole(id: string): RulePack | undefined;
}

/** The draft key holding, as JSON, the heading each field was filled under (path → "基本信息"). */
export const SECTIONS_KEY = '~sections'; // a bookkeeping field (lib/core/vocabulary.ts isBookkeepingField)

/**
 * The draft key listing, comma-separated, the amount fields and list columns ("participants.governmentFunding") whose
 * page label says 元: their raw values are read in 元 on every other page too, never as 万元.
 */
export const UNITS_KEY = '~yuan';

/** Amount fields and list columns of the page map whose label announces 元. */
export function yuanFields(map: PageMap): string[] {
  const out = map.fields
    .filter((f) => f.spec.type === 'amount' && unitOfLabel(f.label) === 'yuan')
    .map((f) => f.spec.path);
  for (const list of map.lists)
    for (const col of list.spec.columns)
      if (col.type === 'amount' && unitOfLabel(list.headers.get(col.path) ?? '') === 'yuan')
        out.push(`${list.spec.path}.${col.path}`);
  return out;
}

function sectionsOf(draft: Record<string, string>): Record<string, string> {
  try {
    return JSON.parse(draft[SECTIONS_KEY] ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The draft keys that may fill what the page lacks: its missing fields, and the rows of its missing lists. */
export function lackingKeys(draft: Record<string, string>, missing: string[]): string[] {
  const lacking = new Set(missing);
  return Object.keys(draft).filter((k) => {
    if (k === 'direction') return false;
    const list = /^([^.]+)\.\d+\./.exec(k)?.[1];
    return lacking.has(k) || (list !== undefined && lacking.has(list));
  });
}

/**
 * The page's reading completed from the draft: every field path the page lacks, and every list the page lacks,
 * takes the draft's value. What the page shows always wins. `candidates`: `lackingKeys(draft, missing)`, when the
 * caller kept them.
 */
export function completeFromDraft(
  application: Application,
  missing: string[],
  draft: Record<string, string>,
  fieldMap: FieldMap,
  candidates = lackingKeys(draft, missing),
): { application: Application; fromOtherPages: FromOtherPage[] } {
  const lacking = new Set(missing);
  const keys = candidates.filter((k) => draft[k] !== '' && draft[k] !== undefined);
  if (!keys.length) return { application, fromOtherPages: [] };
  const yuan = new Set((draft[UNITS_KEY] ?? '').split(','));
  // A value typed into a 元 field carries its unit, so it is read as 元 (a unit in the value wins).
  const raw = (k: string) =>
    yuan.has(k.replace(/\.\d+\./, '.')) && !/元\s*$/.test(draft[k]!) ? `${draft[k]}元` : draft[k]!;
  const fromDraft = applicationFromFields(Object.fromEntries(keys.map((k) => [k, raw(k)])), fieldMap) as Record<
    string,
    unknown
  >;
  // Only the objects along the paths set are copied: the page's reading (lists of 400 rows) is kept, not cloned.
  const merged = { ...application } as Record<string, unknown>;
  const used = new Set<string>();
  for (const key of keys) {
    const list = /^([^.]+)\.\d+\./.exec(key)?.[1];
    if (list && lacking.has(list)) {
      merged[list] = fromDraft[list];
      used.add(list);
      continue;
    }
    const value = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], fromDraft);
    if (value !== undefined) {
      setPathCopying(merged, key, value);
      used.add(key);
    }
  }
  const sections = sectionsOf(draft);
  return {
    application: merged as Application,
    fromOtherPages: [...used].map((path) => ({ path, section: sections[path] || undefined })),
  };
}

/** The pack direction the user chose by hand, if the packs still have it. */
export function chosenMatch<P extends { id: string; directions: readonly { code: string }[] }>(
  packs: readonly P[],
  choice: AssessInput['chosen'],
): { pack: P; direction: P['directions'][number] } | undefined {
  const pack = choice && packs.find((p) => p.id === choice.packId);
  const direction = pack?.directions.find((d) => d.code === choice!.code);
  return pack && direction ? { pack, direction } : undefined;
}

type OutlineMatch = { pack: PackOutline; direction: PackOutline['directions'][number] };

/**
 * The application the rules read and their findings. Keeps one incremental evaluator per direction, so a
 * keystroke re-runs only the rules reading what changed.
 */
export function createAssembly() {
  let evaluator: IncrementalEvaluator | undefined;
  let evaluatorKey = '';
  let lastMatched: OutlineMatch | undefined;
  /** The last reading and the page map it came from: a keystroke re-reads only its own field on the same map */
  let last: { map: PageMap; reading: PageReading } | undefined;
  /** The draft keys that may fill what the page lacks: found again only when the draft gained keys or `missing` changed */
  let lacking: { missing: string; draft: Record<string, string>; size: number; keys: string[] } | undefined;
  const lackingIn = (draft: Record<string, string>, missing: string[], size = Object.keys(draft).length) => {
    // By content: every locate after a row came has a new `missing` array, mostly with the same paths.
    const missingKey = missing.join('\n');
    if (lacking?.missing !== missingKey || lacking.draft !== draft || lacking.size !== size)
      lacking = { missing: missingKey, draft, size, keys: lackingKeys(draft, missing) };
    return lacking.keys;
  };
  /** The last assessment: a part equal to its predecessor keeps its identity, so the panel is told only of changes */
  let previous: Assessment | undefined;
  return {
    assess({
      map,
      vocabularies,
      packs,
      chosen,
      checklist,
      changed,
      draft,
      fieldMap,
      draftKeys,
    }: AssessInput): Assessment {
      if (changed && last && last.map !== map) changed = [...changed, ...changedPaths(last.map, map)];
      const located = (path: string) =>
        map.fields.some((f) => f.spec.path === path) ||
        map.lists.some((l) => l.spec.path === path || path.startsWith(`${l.spec.path}.`));
      // A field the page no longer shows is read by reading the page whole (its old value must go).
      const reading =
        changed && last && (last.map === map || changed.every(located))
          ? rereadPaths(map, vocabularies, last.reading, changed)
          : readApplication(map, vocabularies);
      const sameMap = last?.map === map ? last.reading : undefined;
      last = { map, reading };
      if (changed) changed = [...new Set(changed.map((path) => evaluatorPath(path, map, sameMap, reading)))];
      const completed =
        draft && fieldMap
          ? completeFromDraft(
              reading.application,
              map.missing,
              draft,
              fieldMap,
              lackingIn(draft, map.missing, draftKeys),
            )
          : { application: reading.application, fromOtherPages: [] };
      // A page without the direction field (a section page) keeps the direction read on another page.
      const elsewhere = map.missing.includes('direction');
      const draftDirection = elsewhere && draft?.direction ? draft.direction : undefined;
      const directionText = reading.directionText ?? draftDirection;
      const found =
        matchDirection(packs.outlines, directionText, reading.directionGroup) ??
        (elsewhere ? lastMatched : undefined) ??
        chosenMatch(packs.outlines, chosen);
      if (elsewhere && found && draft)
        completed.fromOtherPages.push({ path: 'direction', section: sectionsOf(draft).direction || undefined });
      if (!elsewhere) lastMatched = found;
      const adding = found ? packs.outlines.filter((p) => addsTo(p, found.pack.id, found.direction.code)) : [];
      const needs = found ? [found.pack, ...adding].map((p) => p.id).filter((id) => !packs.whole(id)) : [];
      const pack = found && !needs.length ? packs.whole(found.pack.id) : undefined;
      const matched = pack?.directions.find((d) => d.code === found!.direction.code);
      const direction: DirectionMatch | undefined = pack && matched ? { pack, direction: matched } : undefined;
      const layers = direction ? adding.map((p) => packs.whole(p.id)!) : [];
      const key = direction
        ? [direction.pack, ...layers].map((p) => `${p.id}@${p.version}`).join('+') + `/${direction.direction.code}`
        : '';
      if (key !== evaluatorKey) {
        evaluatorKey = key;
        evaluator = direction
          ? createIncrementalEvaluator(direction.pack, direction.direction.code, layers)
          : undefined;
        changed = undefined;
      }
      const findings = evaluator ? evaluator.update(completed.application, changed, checklist) : [];
      const before = previous;
      previous = {
        direction:
          before?.direction && direction && sameDirection(before.direction, direction) ? before.direction : direction,
        directionText,
        layers: before && sameItems(before.layers, layers) ? before.layers : layers,
        needs,
        application: completed.application,
        findings,
        missing: map.missing,
        ambiguous: map.ambiguous,
        fromOtherPages:
          before && JSON.stringify(before.fromOtherPages) === JSON.stringify(completed.fromOtherPages)
            ? before.fromOtherPages
            : completed.fromOtherPages,
      };
      return previous;
    },
  };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameDirection = (a: DirectionMatch, b: DirectionMatch) => a.pack === b.pack && a.direction === b.direction;

/** The model path a located control's path changes (a list row, or its column, changes its whole list). */
export function changedModelPath(controlPath: string): string {
  return controlPath.replace(/\.\d+(\..*)?$/, '');
}

/**
 * What a changed control tells the rules: a list cell whose row neither appeared nor went (the list's items stay the
 * same in number and order) changed that column of the items (`participants.*.name`), so only the rules reading it
 * run again; anything else changes its model path whole. `before`: the reading on the same page map, if any.
 */
export function evaluatorPath(
  controlPath: string,
  map: PageMap,
  before: PageReading | undefined,
  after: PageReading,
): string {
  const whole = changedModelPath(controlPath);
  const list = map.lists.find((l) => l.spec.path === whole);
  const cell = list && /^(\d+)\.(.+)$/.exec(controlPath.slice(whole.length + 1));
  const rows = [before?.listRows[whole], after.listRows[whole]] as const;
  if (!cell || !rows[0] || !rows[1] || rows[0].length !== rows[1].length) return whole;
  const row = Number(cell[1]);
  const filled = (r: Record<string, unknown> | undefined) => !!r && Object.keys(r).length > 0;
  return filled(rows[0][row]) === filled(rows[1][row]) ? `${whole}.*.${cell[2]}` : whole;
}
