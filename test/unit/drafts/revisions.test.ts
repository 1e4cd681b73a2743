import { describe, expect, it } from 'vitest';
import { historyEntries, isRevisionWorthy, KEEP_LAST, revisionsToPrune } from '@/lib/drafts/revisionPolicy';
import { listRevisions } from '@/lib/drafts/revisions';
import { getDraft, restoreRevision, saveDraft } from '@/lib/drafts/store';
import { freshDb } from '@/test/fixtures/drafts/sample';
import { emptyChecklist } from '@/lib/core/vocabulary';

const base = { key: 'h|1', host: 'h', applicationId: '1' };
const last = {
  at: '2024-03-01T00:00:00.000Z',
  title: 't',
  direction: '1.1',
  fields: { a: '1' },
  checklist: emptyChecklist(),
};
const secondsLater = (s: number) => new Date(Date.parse(last.at) + s * 1000);

describe('isRevisionWorthy', () => {
  it.each([
    ['first save', undefined, last, secondsLater(0), true],
    ['no change, even much later', last, { ...last }, secondsLater(3600), false],
    ['a keystroke 5 s later', last, { ...last, fields: { a: '12' } }, secondsLater(5), false],
    ['a change 30 s later', last, { ...last, fields: { a: '12' } }, secondsLater(30), true],
    // Filling the form field after field is typing: no revision per newly filled field
    [
      'a field filled for the first time 1 s later',
      last,
      { ...last, fields: { a: '1', b: 'x' } },
      secondsLater(1),
      false,
    ],
    [
      'a field filled for the first time 30 s later',
      last,
      { ...last, fields: { a: '1', b: 'x' } },
      secondsLater(30),
      true,
    ],
    // The page showing an empty field, or spaces around a value, is no change a person would see.
    ['an empty field added', last, { ...last, fields: { a: '1', b: '' } }, secondsLater(60), false],
    ['spaces around a value', last, { ...last, fields: { a: ' 1 ' } }, secondsLater(60), false],
    ['a field removed', last, { ...last, fields: {} }, secondsLater(1), true],
    ['a field emptied', last, { ...last, fields: { a: '' } }, secondsLater(1), true],
    ['a field left with spaces only', last, { ...last, fields: { a: '  ' } }, secondsLater(1), true],
    ['a field that only had spaces removed', { ...last, fields: { a: '1', b: ' ' } }, last, secondsLater(1), false],
    ['direction changed', last, { ...last, direction: '1.2' }, secondsLater(1), true],
    [
      'checklist ticked',
      last,
      { ...last, checklist: { ...emptyChecklist(), owners: { r: '李四' } } },
      secondsLater(1),
      true,
    ],
    ['title typed', last, { ...last, title: 'tt' }, secondsLater(1), false],
  ])('%s', (_, previous, next, now, expected) => {
    expect(isRevisionWorthy(previous, next, now)).toBe(expected);
  });
});

describe('revisionsToPrune', () => {
  const revs = (days: number[]) =>
    days.map((d, i) => ({ id: i + 1, at: new Date(Date.UTC(2024, 0, d, 4, 0, i)).toISOString() }));

  it('keeps everything within the bound', () => {
    expect(revisionsToPrune(revs([1, 1, 1]), 3)).toEqual([]);
  });

  it('beyond the last N keeps the latest revision of each earlier day', () => {
    // ids 1-3 on day 1, 4-5 on day 2, 6-8 on day 3; keep the last 2 (7, 8) + the latest of days 1 and 2 (3, 5) + 8.
    expect(revisionsToPrune(revs([1, 1, 1, 2, 2, 3, 3, 3]), 2)).toEqual([1, 2, 4, 6]);
  });
});

describe('revision history in the store', () => {
  it('records meaningful changes only, and stays bounded to the last 50 plus one per day', async () => {
    const { db, clock } = freshDb();
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 40; i++) {
        await saveDraft(db, { ...base, fields: { text: `day ${day} edit ${i}` } });
        // a burst of keystrokes within 30 s adds no revision
        clock.advance(1000);
        await saveDraft(db, { ...base, fields: { text: `day ${day} edit ${i}!` } });
        clock.advance(30_000);
      }
      clock.advance(24 * 3600_000);
    }
    const revisions = await listRevisions(db, base.key);
    // The draft row holds every keystroke; history holds the 120 saves that came 30 s after the previous revision,
    // bounded to the last 50 (all 40 of the third day, the last 10 of the second) + the last one of the first day.
    expect(await getDraft(db, base.key)).toMatchObject({ revision: 240, fields: { text: 'day 2 edit 39!' } });
    expect(revisions).toHaveLength(KEEP_LAST + 1);
    expect(revisions[0]!.fields.text).toBe('day 2 edit 39');
    expect(revisions.at(-1)!.fields.text).toBe('day 0 edit 39');
    expect(revisions.at(-2)!.fields.text).toBe('day 1 edit 30');
    // 240 saves through fake IndexedDB: seconds on a loaded machine, so more than the default 5 s.
  }, 60_000);

  it('two minutes of filling 25 fields one after another: one entry per 30 s, the newest entry is the draft now', async () => {
    const { db, clock } = freshDb();
    const fields: Record<string, string> = {};
    for (let field = 0; field < 25; field++) {
      for (const typed of ['张', '张三', '张三丰']) {
        fields[`f${field}`] = typed;
        await saveDraft(db, { ...base, fields: { ...fields } });
        clock.advance(1600); // 25 fields × 3 bursts × 1.6 s = 2 minutes
      }
    }
    const revisions = await listRevisions(db, base.key);
    expect(revisions.length).toBeLessThanOrEqual(5); // the first save and one per 30 s, not 25
    const current = (await getDraft(db, base.key))!;
    const entries = historyEntries(current, revisions);
    expect(entries[0]).toMatchObject({ current: true, revision: current.revision });
    expect(current.fields).toEqual(fields);
  }, 60_000);

  it('restoring a revision creates a new one and keeps every earlier one', async () => {
    const { db, clock } = freshDb();
    await saveDraft(db, { ...base, fields: { a: 'first' } });
    clock.advance(60_000);
    await saveDraft(db, { ...base, fields: { a: 'second' } });
    clock.advance(1000);
    await saveDraft(db, { ...base, fields: { a: 'second, typed on' } }); // within 30 s: not a revision yet
    const oldest = (await listRevisions(db, base.key)).at(-1)!;
    expect(oldest.fields.a).toBe('first');

    clock.advance(1000);
    const restored = await restoreRevision(db, base.key, oldest.id!);
    expect(restored).toMatchObject({ ok: true, draft: { revision: 4, fields: { a: 'first' } } });
    const history = await listRevisions(db, base.key);
    expect(history.map((r) => [r.reason, r.fields.a])).toEqual([
      ['restore', 'first'],
      ['beforeRestore', 'second, typed on'],
      ['save', 'second'],
      ['save', 'first'],
    ]);
  });

  it("restoring an unknown revision or another draft's revision is refused", async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...base, fields: { a: '1' } });
    await saveDraft(db, { key: 'h|2', host: 'h', applicationId: '2', fields: { b: '1' } });
    const [other] = await listRevisions(db, 'h|2');
    expect(await restoreRevision(db, base.key, other!.id!)).toEqual({ ok: false, error: 'notFound' });
    expect(await restoreRevision(db, base.key, 9999)).toEqual({ ok: false, error: 'notFound' });
  });

  it('restoring keeps the checklist of now unless the revision’s is asked for', async () => {
    const { db, clock } = freshDb();
    await saveDraft(db, { ...base, fields: { a: 'first' } });
    const [first] = await listRevisions(db, base.key);
    clock.advance(60_000);
    const ticked = { ...emptyChecklist(), confirmations: { r: { by: '张三', at: '2024-03-01T01:00:00.000Z' } } };
    await saveDraft(db, { ...base, fields: { a: 'second' }, checklist: ticked });
    clock.advance(1000);
    expect(await restoreRevision(db, base.key, first!.id!)).toMatchObject({
      ok: true,
      draft: { fields: { a: 'first' }, checklist: ticked },
    });
    clock.advance(1000);
    expect(await restoreRevision(db, base.key, first!.id!, { withChecklist: true })).toMatchObject({
      ok: true,
      draft: { fields: { a: 'first' }, checklist: emptyChecklist() },
    });
  });
});

describe('history as the user reads it', () => {
  const entry = (revision: number, a: string) => ({ ...last, revision, fields: { a } });
  it('puts the current state on top and leaves out entries that read the same as the one above', () => {
    const current = { ...entry(9, 'c'), updatedAt: '2024-03-02T00:00:00.000Z' };
    const shown = historyEntries(current, [
      entry(8, 'c'),
      entry(7, ' c '),
      entry(6, 'b'),
      entry(5, 'b'),
      entry(4, 'a'),
    ]);
    expect(shown.map((e) => (e.current ? 'now' : e.entry.revision))).toEqual(['now', 6, 4]);
  });
});
