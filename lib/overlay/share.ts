import { t } from '../i18n/pageMessages';
import { buildShare, personalFieldKeys } from '../share/build';
import type { ItemParts } from '../share/items';
import type { Share } from '../share/model';
import { filterMine } from '../share/owners';
import type { ReadShare } from '../share/preview';
import type { OverlayState } from './state';
import type { Lang, Checklist } from '../core/vocabulary';

/**
 * Glue between the overlay's state and lib/share: the share of what the panel shows, the file names, the owner filter
 * and the lines of an import preview (the merge itself is lib/share/preview.ts). Pure: the panel calls these and renders.
 */

type ShareState = Pick<OverlayState, 'direction' | 'findings' | 'checklist'> & Partial<Pick<OverlayState, 'layers'>>;

/** One row of the "include field contents" tick list. */
export interface FieldChoice {
  key: string;
  value: string;
  /** Personal data or a budget figure: the list warns before it is ticked */
  personal: boolean;
}

/** The page's non-empty field contents, personal ones flagged, in the page's order. */
export function fieldChoices(fields: Record<string, string>): FieldChoice[] {
  const filled = Object.entries(fields).filter(([, value]) => value.trim() !== '');
  const personal = new Set(personalFieldKeys(filled.map(([key]) => key)));
  return filled.map(([key, value]) => ({ key, value, personal: personal.has(key) }));
}

export interface ShareChoices {
  sharedBy: string;
  /** Field keys ticked in; everything else stays out */
  include: string[];
  now?: Date;
}

/** The share of the current direction, or undefined while the panel knows no direction. */
export function shareOfState(
  state: ShareState,
  fields: Record<string, string>,
  { sharedBy, include, now }: ShareChoices,
): Share | undefined {
  const match = state.direction;
  if (!match) return undefined;
  return buildShare({
    draft: { direction: match.direction.code, fields, checklist: state.checklist },
    pack: match.pack,
    layers: state.layers,
    findings: state.findings,
    sharedBy,
    include: { fields: include },
    now,
  });
}

/** File names of a share and of its summary: direction, sharer and date, nothing a file system refuses. */
export function shareFileName(share: Share, kind: 'json' | 'md'): string {
  const who = share.sharedBy ? `-${share.sharedBy}` : '';
  const name = `guidecheck-share-${share.direction}${who}-${share.sharedAt.slice(0, 10).replace(/-/g, '')}`;
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.${kind}`;
}

/** The codec runs in the background: decoding validates with zod, which stays out of the content script. */
export interface ShareCodec {
  /** The code, the file and the Markdown summary of a share */
  encode(share: Share, lang: Lang): Promise<{ code: string; file: string; summary: string }>;
  decode(text: string): Promise<ReadShare>;
}

/**
 * The "only mine" filter of the panel: rule ids assigned to someone other than `myName`. Items nobody owns stay
 * visible (they are everyone's); an empty name hides nothing.
 */
export function hiddenByOwner(owners: Checklist['owners'], myName: string): Set<string> {
  if (!myName.trim()) return new Set();
  const assigned = Object.entries(owners).map(([ruleId, owner]) => ({ ruleId, owner }));
  const mine = new Set(filterMine(assigned, myName).map((a) => a.ruleId));
  return new Set(assigned.filter((a) => !mine.has(a.ruleId)).map((a) => a.ruleId));
}

/** An item's parts as lines for the import preview and the conflict table (shown as text, never markup). */
export function describeParts(parts: ItemParts, lang: Lang): string[] {
  const at = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' });
  const by = (name: string | undefined) => name ?? t(lang, 'shareSummaryAnonymous');
  const lines: string[] = [];
  const { confirmation: c, document: d, acknowledgement: a, owner } = parts;
  if (c) lines.push(t(lang, 'sharePartConfirmation', { by: by(c.by), at: at(c.at), note: c.note ?? '' }).trim());
  if (d)
    lines.push(
      t(lang, 'sharePartDocument', {
        state: t(lang, d.ready ? 'shareSummaryDocumentReady' : 'shareSummaryDocumentNotReady'),
        at: at(d.at),
      }),
    );
  if (a) lines.push(t(lang, 'sharePartAcknowledgement', { reason: a.reason, by: by(a.by), at: at(a.at) }));
  if (owner) lines.push(t(lang, 'sharePartOwner', { owner }));
  return lines;
}
