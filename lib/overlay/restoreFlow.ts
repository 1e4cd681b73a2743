import { handedOverMessage } from '../autosave/handover';
import type { FillReport } from '../portal/fill';
import type { DraftSync } from './draftSync';
import type { OverlayState } from './state';

export interface RestoreFlowOptions {
  /** Fills values through the page's own events and says what it did not take */
  fill(fields: Record<string, string>): Promise<FillReport>;
  /** The page's values as the draft keeps them */
  readValues(): Record<string, string>;
  sync: Pick<DraftSync, 'baseline' | 'postKeys' | 'notify'>;
  getState(): OverlayState;
  setState(patch: Partial<OverlayState>): void;
  /** Evaluates every rule again (restored values change what they read) */
  refresh(): void;
}

/**
 * The saved draft's restore: offered when the page lacks values the draft has, performed on the user's click, and
 * continued on each section page as it appears. Values an old content script handed over are newer than the draft's
 * and never offered for overwriting.
 */
export function createRestoreFlow({ fill, readValues, sync, getState, setState, refresh }: RestoreFlowOptions) {
  /** Draft values the page lacks, while a restore is on offer */
  let restorable: Record<string, string> = {};
  /** Accepted restore values whose section page has not appeared yet: filled as soon as their fields do */
  let pending: Record<string, string> = {};

  /** A section page appeared: its empty fields get the accepted restore's values, added to the report. */
  async function continueOnArrival() {
    if (!Object.keys(pending).length) return;
    const now = readValues();
    const here = Object.entries(pending).filter(([k]) => now[k] === '');
    if (!here.length) return;
    for (const [k] of here) delete pending[k];
    const report = await fill(Object.fromEntries(here));
    sync.baseline();
    const fillResult = getState().fillResult;
    const before = fillResult?.kind === 'restore' ? fillResult.report : undefined;
    setState({
      fillResult: {
        kind: 'restore',
        report: {
          filled: [...(before?.filled ?? []), ...report.filled],
          notTaken: [...(before?.notTaken ?? []), ...report.notTaken],
          missing: Object.keys(pending),
        },
      },
    });
    refresh();
  }

  return {
    /** The draft's values the page lacks are on offer: the panel's offer, or undefined when there are none. */
    offer(fields: Record<string, string>, updatedAt: string): OverlayState['restoreOffer'] {
      restorable = fields;
      const count = Object.keys(fields).length;
      return count ? { count, updatedAt } : undefined;
    },

    /** Keys handed over by an old content script: saved from the page, taken out of the offer. */
    adopt(keys: string[]) {
      if (!keys.length) return;
      for (const k of keys) delete restorable[k];
      const left = Object.keys(restorable).length;
      const offer = getState().restoreOffer;
      setState({ restoreOffer: left && offer ? { ...offer, count: left } : undefined });
      sync.postKeys(keys);
      // Keys starting with ~ are the draft's own entries (sections, identity), not fields the user typed.
      const fields = keys.filter((k) => !k.startsWith('~')).length;
      if (fields) sync.notify(handedOverMessage(fields));
    },

    /** Fills the page with the offered values; fields of section pages not open now wait for their page. */
    async restore() {
      const report = await fill(restorable);
      pending = Object.fromEntries(report.missing.map((k) => [k, restorable[k]!]));
      restorable = {};
      sync.baseline();
      setState({ restoreOffer: undefined, fillResult: { kind: 'restore', report } });
      refresh();
      // A frame that arrived while the fill ran found nothing pending yet, and arrives no more: fill it now.
      await continueOnArrival();
    },

    dismiss() {
      restorable = {};
      pending = {};
      setState({ restoreOffer: undefined, fillResult: undefined });
    },

    continueOnArrival,
  };
}
