import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { listRevisions } from '@/lib/drafts/revisions';
import { getDraft, listDrafts, saveDraft } from '@/lib/drafts/store';
import { exportDrafts, importDrafts } from '@/lib/drafts/transfer';
import { freshDb } from '@/test/fixtures/drafts/sample';

const a = { key: 'h|A', host: 'h', applicationId: 'A' };
const b = { key: 'h|B', host: 'h', applicationId: 'B' };

/** An export from another browser: A edited at `at` with `value`, and B. */
async function otherBrowserExport(at: string, value: string, includeRevisions = false): Promise<string> {
  const { db } = freshDb(at);
  await saveDraft(db, { ...a, fields: { x: value }, checklist: { owners: { r1: '李四' } } });
  await saveDraft(db, { ...b, fields: { y: 'b' } });
  return JSON.stringify(await exportDrafts(db, { includeRevisions }));
}

describe('export', () => {
  it('writes our format, one or all live drafts, revisions only when asked', async () => {
    const { db } = freshDb();
    await saveDraft(db, { ...a, fields: { x: '1' } });
    await saveDraft(db, { ...b, fields: { y: '1' } });
    const all = await exportDrafts(db);
    expect(all).toMatchObject({ format: 'guidecheck-drafts', version: 1, exportedAt: '2024-03-01T02:00:00.000Z' });
    expect(all.drafts.map((d) => d.key).sort()).toEqual(['h|A', 'h|B']);
    expect(all.drafts[0]).not.toHaveProperty('revisions');
    const one = await exportDrafts(db, { keys: ['h|A'], includeRevisions: true });
    expect(one.drafts).toMatchObject([{ key: 'h|A', revisions: [{ key: 'h|A', revision: 1, fields: { x: '1' } }] }]);
    expect(one.drafts[0]!.revisions![0]).not.toHaveProperty('id');
  });
});

describe('import', () => {
  it('adds drafts that do not exist, with their revisions', async () => {
    const { db } = freshDb('2024-03-06T00:00:00.000Z');
    const result = await importDrafts(db, await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs', true));
    expect(result).toEqual({
      ok: true,
      report: { added: 2, updated: 0, keptNewer: 0, unchanged: 0, conflicts: [], refused: [] },
    });
    expect(await getDraft(db, 'h|A')).toMatchObject({
      fields: { x: 'theirs' },
      checklist: { owners: { r1: '李四' } },
      updatedAt: '2024-03-05T00:00:00.000Z',
    });
    expect(await listRevisions(db, 'h|A')).toMatchObject([{ reason: 'save', fields: { x: 'theirs' } }]);
  });

  it('a newer imported draft replaces the local one, which is kept as a revision', async () => {
    const { db, clock } = freshDb('2024-03-01T00:00:00.000Z');
    await saveDraft(db, { ...a, fields: { x: 'mine' } });
    clock.advance(6 * 86_400_000); // imported on 03-07, after the export of 03-05
    const result = await importDrafts(db, await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
    expect(result).toMatchObject({ ok: true, report: { added: 1, updated: 1, keptNewer: 0 } });
    expect(await getDraft(db, 'h|A')).toMatchObject({
      revision: 2,
      fields: { x: 'theirs' },
      updatedAt: '2024-03-05T00:00:00.000Z',
    });
    expect((await listRevisions(db, 'h|A')).map((r) => [r.reason, r.fields.x])).toEqual([
      ['import', 'theirs'],
      ['save', 'mine'],
    ]);
  });

  it('an older imported draft never overwrites the local one; it is kept as a revision', async () => {
    const { db } = freshDb('2024-03-09T00:00:00.000Z');
    await saveDraft(db, { ...a, fields: { x: 'mine' } });
    const result = await importDrafts(db, await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
    expect(result).toMatchObject({ ok: true, report: { added: 1, updated: 0, keptNewer: 1 } });
    expect(await getDraft(db, 'h|A')).toMatchObject({ revision: 1, fields: { x: 'mine' } });
    expect((await listRevisions(db, 'h|A')).map((r) => [r.reason, r.fields.x, r.at])).toEqual([
      ['save', 'mine', '2024-03-09T00:00:00.000Z'],
      ['import', 'theirs', '2024-03-05T00:00:00.000Z'],
    ]);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { db } = freshDb();
    const file = await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs');
    await importDrafts(db, file);
    const before = { drafts: await listDrafts(db), revisions: await db.revisions.count() };
    expect(await importDrafts(db, file)).toMatchObject({
      ok: true,
      report: { added: 0, updated: 0, keptNewer: 0, unchanged: 2 },
    });
    expect({ drafts: await listDrafts(db), revisions: await db.revisions.count() }).toEqual(before);
  });

  it('imports a draft marked deleted in the file as a live one (deleted-state stays local)', async () => {
    const { db } = freshDb();
    const file = JSON.parse(await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
    for (const draft of file.drafts) draft.deletedAt = '2024-03-06T00:00:00.000Z';
    await importDrafts(db, JSON.stringify(file));
    expect(await listDrafts(db)).toHaveLength(2);
  });

  describe('times in the file (issue 13: a draft dated 2099 must not win every merge)', () => {
    /** An export whose draft A says it changed at `draftAt`, the file itself made at `exportedAt`. */
    async function dated(draftAt: string, exportedAt = '2024-03-05T00:00:00.000Z'): Promise<string> {
      const file = JSON.parse(await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
      file.exportedAt = exportedAt;
      for (const d of file.drafts) if (d.key === a.key) d.updatedAt = draftAt;
      return JSON.stringify(file);
    }

    it.each([
      ['after the export was made (beyond the clock skew)', '2024-03-05T02:00:00.000Z', '2024-03-05T00:00:00.000Z'],
      ['after now, in a file claiming to be made later still', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z'],
    ])(
      'an imported draft dated %s is a conflict to choose: the local one stays, theirs is a revision',
      async (_, at, exportedAt) => {
        const { db, clock } = freshDb('2024-03-01T00:00:00.000Z');
        await saveDraft(db, { ...a, fields: { x: 'mine' } });
        clock.advance(6 * 86_400_000);
        const result = await importDrafts(db, await dated(at, exportedAt));
        expect(result).toMatchObject({ ok: true, report: { added: 1, updated: 0, keptNewer: 0 } });
        const conflicts = result.ok ? result.report.conflicts : [];
        expect(conflicts.map((c) => c.key)).toEqual([a.key]);
        expect(conflicts[0]!.reason.zh).toMatch(/^导入的草稿时间（.+）晚于导出时间或当前时间，无法判断哪一份较新/);
        expect(await getDraft(db, a.key)).toMatchObject({ revision: 1, fields: { x: 'mine' } });
        expect((await listRevisions(db, a.key)).map((r) => [r.reason, r.fields.x])).toContainEqual([
          'import',
          'theirs',
        ]);
      },
    );

    it('within the clock skew it is ordered as usual; a new draft dated in the future is added at the export’s time', async () => {
      const { db, clock } = freshDb('2024-03-01T00:00:00.000Z');
      await saveDraft(db, { ...a, fields: { x: 'mine' } });
      clock.advance(6 * 86_400_000);
      const skewed = await importDrafts(db, await dated('2024-03-05T00:30:00.000Z'));
      expect(skewed).toMatchObject({ ok: true, report: { updated: 1, conflicts: [] } });
      const { db: empty } = freshDb('2024-03-07T00:00:00.000Z');
      expect(await importDrafts(empty, await dated('2099-01-01T00:00:00.000Z'))).toMatchObject({
        ok: true,
        report: { added: 2, conflicts: [] },
      });
      expect((await getDraft(empty, a.key))?.updatedAt).toBe('2024-03-05T00:00:00.000Z');
    });

    it.each([
      ['updatedAt', (d: Record<string, unknown>) => (d.updatedAt = '+275760-09-13T00:00:00.000Z'), 'updatedAt'],
      ['createdAt', (d: Record<string, unknown>) => (d.createdAt = '1970-01-01T00:00:00.000Z'), 'createdAt'],
      [
        'a revision',
        (d: Record<string, unknown>) => (d.revisions = [{ ...(d as object), at: 'yesterday', reason: 'save' }]),
        'revisions[0].at',
      ],
    ])(
      'refuses a draft whose %s is no date or out of range, with the reason, and imports the rest',
      async (_, edit, field) => {
        const { db } = freshDb('2024-03-07T00:00:00.000Z');
        const file = JSON.parse(await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
        const i = file.drafts.findIndex((d: { key: string }) => d.key === a.key);
        const { revisions: _r, ...plain } = file.drafts[i];
        file.drafts[i] = { ...plain };
        edit(file.drafts[i]);
        const result = await importDrafts(db, JSON.stringify(file));
        expect(result).toMatchObject({ ok: true, report: { added: 1, refused: [{ key: a.key }] } });
        const reason = result.ok ? result.report.refused[0]!.reason : { zh: '', en: '' };
        expect(reason.zh).toMatch(
          new RegExp(`^drafts\\[${i}\\]\\.${field.replace(/[[\].]/g, '\\$&')}：时间“.+”无效或不在 2000–2200 年之间$`),
        );
        expect(reason.en).toContain('is invalid or outside the years 2000–2200');
        expect(await getDraft(db, a.key)).toBeUndefined();
      },
    );

    it('refuses a file whose own export time is out of range, changing nothing', async () => {
      const { db } = freshDb('2024-03-07T00:00:00.000Z');
      const result = await importDrafts(db, await dated('2024-03-05T00:00:00.000Z', '3000-01-01T00:00:00.000Z'));
      expect(result).toEqual({
        ok: false,
        reason: {
          zh: '导出时间“3000-01-01T00:00:00.000Z”无效或不在 2000–2200 年之间',
          en: 'The export time "3000-01-01T00:00:00.000Z" is invalid or outside the years 2000–2200',
        },
      });
      expect(await listDrafts(db)).toEqual([]);
    });
  });

  it('refuses an invalid draft entry with the path of the error and imports the rest', async () => {
    const { db } = freshDb();
    const file = JSON.parse(await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs'));
    file.drafts.sort((x: { key: string }, y: { key: string }) => x.key.localeCompare(y.key));
    file.drafts[0].fields.x = 42; // h|A
    file.drafts.push({ ...file.drafts[1] }); // h|B twice
    const result = await importDrafts(db, JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, report: { added: 1, refused: [{ key: 'h|A' }, { key: 'h|B' }] } });
    const refused = result.ok ? result.report.refused : [];
    expect(refused[0]!.reason.en).toContain('drafts[0].fields.x');
    expect(refused[0]!.reason.zh).toContain('drafts[0].fields.x：类型错误，应为 string');
    expect(refused[1]!.reason.en).toBe('drafts[2]: the file holds this draft twice');
    expect(await getDraft(db, 'h|A')).toBeUndefined();
  });

  it.each([
    ['corrupt JSON', '{"format": "guidecheck-drafts", ', 'not valid JSON', '不是有效的 JSON'],
    [
      "somebody else's file",
      JSON.stringify({ format: 'other-app', version: 1, drafts: [] }),
      'not a GuideCheck drafts export',
      '不是 GuideCheck',
    ],
    ['a JSON array', '[]', 'not a GuideCheck drafts export', '不是 GuideCheck'],
    [
      'a newer format version',
      JSON.stringify({ format: 'guidecheck-drafts', version: 2, exportedAt: 'x', drafts: [] }),
      'newer GuideCheck (format version 2)',
      '更新版本',
    ],
    [
      'drafts not a list',
      JSON.stringify({ format: 'guidecheck-drafts', version: 1, exportedAt: 'x', drafts: {} }),
      'malformed: drafts',
      '文件格式有误：drafts',
    ],
  ])('refuses %s as a whole, changing nothing', async (_, text, en, zh) => {
    const { db } = freshDb();
    await saveDraft(db, { ...a, fields: { x: 'mine' } });
    const result = await importDrafts(db, text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.en).toContain(en);
    expect(!result.ok && result.reason.zh).toContain(zh);
    expect(await listDrafts(db)).toMatchObject([{ fields: { x: 'mine' } }]);
  });

  it('is all-or-nothing: a quota error part-way leaves the database as it was', async () => {
    const { db } = freshDb();
    const file = await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs');
    const put = db.checklists.put.bind(db.checklists);
    let calls = 0;
    // the first draft is written, the second hits the quota
    vi.spyOn(db.checklists, 'put').mockImplementation((...args) =>
      ++calls === 2 ? Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')) : put(...args),
    );
    const result = await importDrafts(db, file);
    vi.restoreAllMocks();
    expect(result).toEqual({
      ok: false,
      reason: { zh: '存储空间不足，未导入任何草稿', en: 'Storage is full; no draft was imported' },
    });
    expect(await db.drafts.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });
});
