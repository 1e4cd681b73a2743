import type { ShareItem } from './model';
import { toIsoSeconds, toSeconds } from './time';
import type { Checklist } from '../core/vocabulary';

/** The parts of an item that a merge carries: everything but the sharer's status and the derived `changedAt`. */
export type ItemParts = Pick<ShareItem, 'confirmation' | 'document' | 'acknowledgement' | 'owner'>;

/** One rule's entries of a draft checklist as a share item (times to whole seconds, empty names left out). */
export function itemOf(checklist: Checklist, ruleId: string): ShareItem {
  const c = checklist.confirmations[ruleId];
  const d = checklist.documents[ruleId];
  const a = checklist.acknowledgements[ruleId];
  const owner = checklist.owners[ruleId]?.trim();
  const item: ShareItem = {
    ...(c
      ? {
          confirmation: {
            ...(c.by?.trim() ? { by: c.by.trim() } : {}),
            at: toIsoSeconds(c.at),
            ...(c.note ? { note: c.note } : {}),
          },
        }
      : {}),
    ...(d ? { document: { ready: d.ready, at: toIsoSeconds(d.at) } } : {}),
    ...(a
      ? { acknowledgement: { reason: a.reason, ...(a.by?.trim() ? { by: a.by.trim() } : {}), at: toIsoSeconds(a.at) } }
      : {}),
    ...(owner ? { owner } : {}),
  };
  const changedAt = changedAtOf(item);
  return changedAt ? { ...item, changedAt } : item;
}

/** The latest `at` of the item's parts, or undefined when it has none (nothing, or only an owner). */
export function changedAtOf(item: ItemParts): string | undefined {
  const times = [item.confirmation?.at, item.document?.at, item.acknowledgement?.at].filter((t) => t !== undefined);
  if (times.length === 0) return undefined;
  return toIsoSeconds(new Date(Math.max(...times.map((t) => toSeconds(t) * 1000))).toISOString());
}

export function partsOf(item: ShareItem): ItemParts {
  const { confirmation, document, acknowledgement, owner } = item;
  return {
    ...(confirmation ? { confirmation } : {}),
    ...(document ? { document } : {}),
    ...(acknowledgement ? { acknowledgement } : {}),
    ...(owner ? { owner } : {}),
  };
}

export function isEmpty(parts: ItemParts): boolean {
  return !parts.confirmation && !parts.document && !parts.acknowledgement && !parts.owner;
}

export const PART_NAMES = ['confirmation', 'document', 'acknowledgement', 'owner'] as const;
export type PartName = (typeof PART_NAMES)[number];

export function samePart(a: ItemParts[PartName], b: ItemParts[PartName]): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so two equal parts compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

/** Writes the given parts of an item into a checklist (a copy); parts the item lacks are left as they are. */
export function writeParts(checklist: Checklist, ruleId: string, parts: ItemParts): Checklist {
  const next: Checklist = {
    confirmations: { ...checklist.confirmations },
    documents: { ...checklist.documents },
    acknowledgements: { ...checklist.acknowledgements },
    owners: { ...checklist.owners },
  };
  if (parts.confirmation) next.confirmations[ruleId] = { ...parts.confirmation };
  if (parts.document) next.documents[ruleId] = { ...parts.document };
  if (parts.acknowledgement) next.acknowledgements[ruleId] = { ...parts.acknowledgement };
  if (parts.owner) next.owners[ruleId] = parts.owner;
  return next;
}
