import type { Draft } from '../drafts/model';
import type { Finding } from '../engine/finding';
import { findDirection, rulesFor } from '../engine/evaluate';
import { countFindings } from '../engine/counts';
import type { RulePack } from '../packs/schema';
import { itemOf } from './items';
import { SHARE_FORMAT, SHARE_VERSION } from './format';
import type { Share, ShareItem } from './model';
import { toIsoSeconds } from './time';

export interface BuildShareInput {
  draft: Pick<Draft, 'direction' | 'fields' | 'checklist'>;
  pack: RulePack;
  /** Institution layers adding rules to the direction (lib/packs/origin.ts layersFor): their items travel too */
  layers?: readonly RulePack[];
  /** The current findings of the draft's direction (for each item's status and the counts) */
  findings: Finding[];
  sharedBy?: string;
  /** Field keys the sharer ticked in; every other field content stays out of the share */
  include: { fields: string[] };
  /** When the share is made (tests pass a fixed time) */
  now?: Date;
}

/**
 * A share of the draft's direction: every rule of the direction is an item with its status, and with the
 * confirmation, document status, acknowledgement and owner the team recorded. Field contents appear only when ticked.
 */
export function buildShare({
  draft,
  pack,
  layers,
  findings,
  sharedBy,
  include,
  now = new Date(),
}: BuildShareInput): Share {
  const direction = draft.direction ? findDirection(pack, draft.direction) : undefined;
  if (!direction) {
    throw new Error(
      `草稿的指南方向 "${draft.direction ?? ''}" 不在规则包 ${pack.id} 中 / The draft's direction "${draft.direction ?? ''}" is not in pack ${pack.id}`,
    );
  }
  const statusOf = new Map(findings.map((f) => [f.ruleId, f.status]));
  const items: Record<string, ShareItem> = {};
  for (const rule of rulesFor(pack, direction, layers)) {
    const status = statusOf.get(rule.id);
    items[rule.id] = { ...(status ? { status } : {}), ...itemOf(draft.checklist, rule.id) };
  }
  const fields: Record<string, string> = {};
  for (const key of include.fields) if (Object.hasOwn(draft.fields, key)) fields[key] = draft.fields[key]!;
  const owner = sharedBy?.trim();
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    packId: pack.id,
    packVersion: pack.version,
    direction: direction.code,
    ...(owner ? { sharedBy: owner } : {}),
    sharedAt: toIsoSeconds(now.toISOString()),
    items,
    findingsSummary: summaryCounts(countFindings(findings, draft.checklist.acknowledgements)),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

/**
 * Field keys that hold personal data or money (ID number, phone, e-mail, budget and funding figures), plus any the
 * caller marks: the tick list shows these with a warning. Keys are compared without separators or case, so
 * "pi.idNumber", "piIdNumber" and "participants.0.matchingFunds" are all caught.
 */
export function personalFieldKeys(fields: Record<string, string> | string[], marked: string[] = []): string[] {
  const keys = Array.isArray(fields) ? fields : Object.keys(fields);
  return keys.filter((key) => marked.includes(key) || isPersonalKey(key));
}

const PERSONAL_PARTS = ['idnumber', 'phone', 'mobile', 'email', 'funding', 'matchingfunds'];

function isPersonalKey(key: string): boolean {
  const flat = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return flat.startsWith('budget') || PERSONAL_PARTS.some((part) => flat.includes(part));
}

/** The counts a share carries (its format fixes these four). */
function summaryCounts({ error, warning, info, confirm }: ReturnType<typeof countFindings>) {
  return { error, warning, info, confirm };
}
