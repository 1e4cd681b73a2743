import { z } from 'zod';
import { sameContent } from './content';
import { Draft, Revision } from './model';
import { parseWithProblems, type Problem } from '../core/issues';
import { latestRevision, listRevisions, recordRevision } from './revisions';
import { readDraft, writeDraft } from './rows';
import { commitDraft, listDrafts } from './store';
import { type DraftDb, quotaGuard } from './db';
import type { Bilingual } from '../core/vocabulary';

/** Export files: `{ format: "guidecheck-drafts", version: 1, exportedAt, drafts: [...] }`. */
export const EXPORT_FORMAT = 'guidecheck-drafts';
export const EXPORT_VERSION = 1;

const ExportedRevision = Revision.omit({ id: true });
export const ExportedDraft = Draft.extend({ revisions: z.array(ExportedRevision).optional() }).refine(
  (d) => (d.revisions ?? []).every((r) => r.key === d.key),
  { message: '修订记录属于另一份草稿 / a revision of another draft', path: ['revisions'] },
);
export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  drafts: z.array(ExportedDraft),
});
export type ExportedDraft = z.infer<typeof ExportedDraft>;
export type ExportFile = z.infer<typeof ExportFile>;

/** One draft (`keys`) or all live drafts, ready for `JSON.stringify`. Revisions only when asked (they multiply the size). */
export async function exportDrafts(
  db: DraftDb,
  options: { keys?: string[]; includeRevisions?: boolean } = {},
): Promise<ExportFile> {
  const all = await listDrafts(db, { includeDeleted: Boolean(options.keys) });
  const drafts = options.keys ? all.filter((d) => options.keys!.includes(d.key)) : all;
  const exported: ExportedDraft[] = [];
  for (const draft of drafts) {
    // Deleted-state is local housekeeping; an exported draft is one somebody wants.
    const { deletedAt: _deletedAt, ...live } = draft;
    exported.push(
      options.includeRevisions
        ? { ...live, revisions: (await listRevisions(db, draft.key)).map(({ id: _id, ...r }) => r) }
        : live,
    );
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: db.now().toISOString(), drafts: exported };
}

export interface ImportReport {
  added: number;
  /** Existing drafts replaced by a newer imported one (the local state is kept as a revision) */
  updated: number;
  /** Existing drafts newer than the imported one (the imported one is kept as a revision) */
  keptNewer: number;
  /** Imported drafts identical in content to the local ones */
  unchanged: number;
  refused: { key: string; reason: Bilingual }[];
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; reason: Bilingual };

/**
 * Merges an export file into the database, never silently overwriting newer data:
 * - a draft that does not exist is added (with its revisions, if the file has them);
 * - for one that exists, the newer by updatedAt (then revision) becomes the draft and the other is kept as a revision;
 * - an invalid draft entry is refused (with the path of the error) and the others are imported.
 * A file that is not ours, not JSON, or from a newer format version is refused as a whole. All writes happen in one
 * transaction: if any fails (e.g. quota), nothing changes.
 */
export async function importDrafts(db: DraftDb, text: string): Promise<ImportResult> {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return envelope;
  const report: ImportReport = { added: 0, updated: 0, keptNewer: 0, unchanged: 0, refused: [] };
  const accepted = new Map<string, ExportedDraft>();
  envelope.drafts.forEach((raw, i) => {
    const key = keyOf(raw) ?? `drafts[${i}]`;
    const parsed = parseWithProblems(ExportedDraft, raw, `drafts[${i}]`);
    if (!parsed.success) {
      report.refused.push({ key, reason: joinProblems(parsed.problems) });
    } else if (accepted.has(key)) {
      report.refused.push({
        key,
        reason: { zh: `drafts[${i}]：文件中重复的草稿`, en: `drafts[${i}]: the file holds this draft twice` },
      });
    } else accepted.set(key, parsed.data);
  });

  const written = await quotaGuard(() =>
    db.transaction('rw', [db.drafts, db.checklists, db.revisions], async () => {
      for (const imported of accepted.values()) report[await mergeOne(db, imported)]++;
      return { ok: true as const };
    }),
  );
  if (!written.ok)
    return { ok: false, reason: { zh: '存储空间不足，未导入任何草稿', en: 'Storage is full; no draft was imported' } };
  return { ok: true, report };
}

async function mergeOne(
  db: DraftDb,
  imported: ExportedDraft,
): Promise<'added' | 'updated' | 'keptNewer' | 'unchanged'> {
  // Deleted-state is local housekeeping: an imported draft is one somebody wants.
  const { revisions, deletedAt: _deletedAt, ...draft } = imported;
  const current = await readDraft(db, draft.key);
  if (!current) {
    await writeDraft(db, draft);
    if (revisions?.length) await db.revisions.bulkAdd(revisions);
    if (!revisions?.some((r) => r.revision === draft.revision)) await recordRevision(db, draft, 'import');
    return 'added';
  }
  if (sameContent(current, draft)) return 'unchanged';
  if (isNewer(draft, current)) {
    if ((await latestRevision(db, current.key))?.revision !== current.revision)
      await recordRevision(db, current, 'save');
    const next = await commitDraft(db, current, { ...current, ...draft }, draft.updatedAt);
    await recordRevision(db, next, 'import');
    return 'updated';
  }
  await recordRevision(db, draft, 'import');
  return 'keptNewer';
}

function isNewer(a: Draft, b: Draft): boolean {
  const at = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  return at > 0 || (at === 0 && a.revision > b.revision);
}

function readEnvelope(text: string): { ok: true; drafts: unknown[] } | { ok: false; reason: Bilingual } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`文件不是有效的 JSON（${detail}）`, `The file is not valid JSON (${detail})`);
  }
  const head = z.object({ format: z.literal(EXPORT_FORMAT), version: z.number() }).safeParse(data);
  if (!head.success) return refuse('这不是 GuideCheck 草稿导出文件', 'This is not a GuideCheck drafts export file');
  if (head.data.version > EXPORT_VERSION)
    return refuse(
      `此文件由更新版本的 GuideCheck 导出（格式版本 ${head.data.version}），请先更新扩展`,
      `This file comes from a newer GuideCheck (format version ${head.data.version}); update the extension first`,
    );
  const body = parseWithProblems(ExportFile.extend({ drafts: z.array(z.unknown()) }), data);
  if (!body.success) {
    const problems = joinProblems(body.problems);
    return refuse(`文件格式有误：${problems.zh}`, `The file is malformed: ${problems.en}`);
  }
  return { ok: true, drafts: body.data.drafts };
}

function joinProblems(problems: Problem[]): Bilingual {
  return { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
}

function refuse(zh: string, en: string): { ok: false; reason: Bilingual } {
  return { ok: false, reason: { zh, en } };
}

function keyOf(raw: unknown): string | undefined {
  const key = (raw as { key?: unknown } | null)?.key;
  return typeof key === 'string' && key ? key : undefined;
}
