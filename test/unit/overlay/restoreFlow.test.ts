import { describe, expect, test } from 'vitest';
import type { FillReport } from '@/lib/portal/fill';
import { emptyPatch } from '@/lib/portal/mapping';
import { createRestoreFlow } from '@/lib/overlay/restoreFlow';
import { type OverlayState, initialState } from '@/lib/overlay/state';

/** A page of fields that exist (`onPage`) and values, filled as a portal would: only fields it has. */
function setup(onPage: string[]) {
  const page: Record<string, string> = Object.fromEntries(onPage.map((k) => [k, '']));
  let state: OverlayState = initialState(emptyPatch('test', 'portal.most.gov.cn', '/apply'));
  const posted: string[][] = [];
  const notices: unknown[] = [];
  let baselines = 0;
  let refreshes = 0;
  const flow = createRestoreFlow({
    async fill(fields): Promise<FillReport> {
      const filled: string[] = [];
      const missing: string[] = [];
      for (const [k, v] of Object.entries(fields)) {
        if (k in page) {
          page[k] = v;
          filled.push(k);
        } else missing.push(k);
      }
      return { filled, notTaken: [], missing };
    },
    readValues: () => ({ ...page }),
    sync: {
      baseline: () => {
        baselines++;
        return { ...page };
      },
      postKeys: (keys) => void posted.push(keys),
      notify: (message) => void notices.push(message),
    },
    getState: () => state,
    setState: (patch) => {
      state = { ...state, ...patch };
    },
    refresh: () => void refreshes++,
  });
  return {
    flow,
    page,
    posted,
    notices,
    state: () => state,
    counts: () => ({ baselines, refreshes }),
    setState: (patch: Partial<OverlayState>) => {
      state = { ...state, ...patch };
    },
  };
}

describe('restore flow', () => {
  test('offers the draft values the page lacks, and nothing when there are none', () => {
    const { flow } = setup(['a']);
    expect(flow.offer({ a: '1', b: '2' }, '2026-11-29T00:00:00Z')).toEqual({
      count: 2,
      updatedAt: '2026-11-29T00:00:00Z',
    });
    expect(flow.offer({}, '2026-11-29T00:00:00Z')).toBeUndefined();
  });

  test('handed-over keys leave the offer and are saved; only field keys are announced', async () => {
    const t = setup(['a', 'b']);
    t.setState({ restoreOffer: t.flow.offer({ a: 'old', b: 'old' }, 'x') });
    t.flow.adopt(['a', '~sections']);
    expect(t.state().restoreOffer).toEqual({ count: 1, updatedAt: 'x' });
    expect(t.posted).toEqual([['a', '~sections']]);
    expect(t.notices).toHaveLength(1);
    // The restore then never overwrites the handed-over field.
    await t.flow.restore();
    expect(t.page).toEqual({ a: '', b: 'old' });
    t.flow.adopt(['~labels']);
    expect(t.notices).toHaveLength(1);
  });

  test('an accepted restore fills what the page has now and the rest when its section page appears', async () => {
    const t = setup(['a']);
    t.setState({ restoreOffer: t.flow.offer({ a: '1', b: '2', c: '3' }, 'x') });
    await t.flow.restore();
    expect(t.page).toEqual({ a: '1' });
    expect(t.state().restoreOffer).toBeUndefined();
    expect(t.state().fillResult).toEqual({
      kind: 'restore',
      report: { filled: ['a'], notTaken: [], missing: ['b', 'c'] },
    });
    expect(t.counts()).toEqual({ baselines: 1, refreshes: 1 });

    // Section page with b arrives, b already typed by the user: not overwritten, and c still waits.
    t.page.b = 'typed';
    await t.flow.continueOnArrival();
    expect(t.page.b).toBe('typed');
    expect(t.counts()).toEqual({ baselines: 1, refreshes: 1 });

    // c's page arrives empty: filled, and the report grows.
    t.page.c = '';
    await t.flow.continueOnArrival();
    expect(t.page.c).toBe('3');
    expect(t.state().fillResult).toEqual({
      kind: 'restore',
      report: { filled: ['a', 'c'], notTaken: [], missing: ['b'] },
    });
    expect(t.counts()).toEqual({ baselines: 2, refreshes: 2 });
  });

  test('a frame that arrives while the restore is filling is filled too, though its arrival came before anything waited', async () => {
    const t = setup(['a']);
    t.setState({ restoreOffer: t.flow.offer({ a: '1', budget: '450' }, 'x') });
    // The fill has looked for every field (budget's frame not there yet) and not returned when the frame arrives.
    const restoring = t.flow.restore();
    t.page.budget = '';
    await t.flow.continueOnArrival();
    await restoring;
    expect(t.page).toEqual({ a: '1', budget: '450' });
    expect(t.state().fillResult).toEqual({
      kind: 'restore',
      report: { filled: ['a', 'budget'], notTaken: [], missing: [] },
    });
  });

  test('dismissing forgets the offer and what was waiting for its page', async () => {
    const t = setup(['a']);
    t.setState({ restoreOffer: t.flow.offer({ a: '1', b: '2' }, 'x') });
    await t.flow.restore();
    t.flow.dismiss();
    expect(t.state().restoreOffer).toBeUndefined();
    expect(t.state().fillResult).toBeUndefined();
    t.page.b = '';
    await t.flow.continueOnArrival();
    expect(t.page.b).toBe('');
  });
});
