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
    const { db } = freshDb();
    const result = await importDrafts(db, await otherBrowserExport('2024-03-05T00:00:00.000Z', 'theirs', true));
    expect(result).toEqual({ ok: true, report: { added: 2, updated: 0, keptNewer: 0, unchanged: 0, refused: [] } });
    expect(await getDraft(db, 'h|A')).toMatchObject({
      fields: { x: 'theirs' },
      checklist: { owners: { r1: '李四' } },
      updatedAt: '2024-03-05T00:00:00.000Z',
    });
    expect(await listRevisions(db, 'h|A')).toMatchObject([{ reason: 'save', fields: { x: 'theirs' } }]);
  });

  it('a newer imported draft replaces the local one, which is kept as a revision', async () => {
    const { db } = freshDb('2024-03-01T00:00:00.000Z');
    await saveDraft(db, { ...a, fields: { x: 'mine' } });
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
