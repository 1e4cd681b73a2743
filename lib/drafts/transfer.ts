import { z } from 'zod';
import { sameContent } from './content';
import { Draft, Revision } from './model';
import { parseWithProblems, type Problem } from '../core/issues';
import { latestRevision, listRevisions, recordRevision } from './revisions';
import { readDraft, writeDraft } from './rows';
import { commitDraft, listDrafts } from './store';
import { type DraftDb, quotaGuard } from './db';
import type { Bilingual } from '../core/vocabulary';
import { CLOCK_SKEW_MS, EARLIEST_TIME_MS, LATEST_TIME_MS } from '../clock/skew';

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
  /**
   * Existing drafts whose imported copy is dated after the export was made or after now (beyond the clock skew):
   * nobody can tell which is newer, so the local draft stays and the imported one is kept as a revision to choose
   */
  conflicts: { key: string; reason: Bilingual }[];
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
  const report: ImportReport = { added: 0, updated: 0, keptNewer: 0, unchanged: 0, conflicts: [], refused: [] };
  const accepted = new Map<string, ExportedDraft>();
  envelope.drafts.forEach((raw, i) => {
    const key = keyOf(raw) ?? `drafts[${i}]`;
    const parsed = parseWithProblems(ExportedDraft, raw, `drafts[${i}]`);
    const badTime = parsed.success ? outOfRangeTime(parsed.data, `drafts[${i}]`) : undefined;
    if (!parsed.success) {
      report.refused.push({ key, reason: joinProblems(parsed.problems) });
    } else if (badTime) {
      report.refused.push({ key, reason: badTime });
    } else if (accepted.has(key)) {
      report.refused.push({
        key,
        reason: { zh: `drafts[${i}]：文件中重复的草稿`, en: `drafts[${i}]: the file holds this draft twice` },
      });
    } else accepted.set(key, parsed.data);
  });

  const written = await quotaGuard(() =>
    db.transaction('rw', [db.drafts, db.checklists, db.revisions], async () => {
      const latest = Math.min(Date.parse(envelope.exportedAt), db.now().getTime()) + CLOCK_SKEW_MS;
      for (const imported of accepted.values()) {
        const outcome = await mergeOne(db, imported, latest);
        if (outcome === 'conflict') report.conflicts.push({ key: imported.key, reason: futureReason(imported) });
        else report[outcome]++;
      }
      return { ok: true as const };
    }),
  );
  if (!written.ok)
    return { ok: false, reason: { zh: '存储空间不足，未导入任何草稿', en: 'Storage is full; no draft was imported' } };
  return { ok: true, report };
}

/**
 * `latest`: the latest time (ms) an imported draft may carry and still be ordered against ours, the export's own
 * time or now, plus the clock skew. A later one (a draft dated 2099) is not believed: against a local draft it is a
 * conflict; a new draft is added with its time brought back to that limit, so it cannot win later merges either.
 */
async function mergeOne(
  db: DraftDb,
  imported: ExportedDraft,
  latest: number,
): Promise<'added' | 'updated' | 'keptNewer' | 'unchanged' | 'conflict'> {
  // Deleted-state is local housekeeping: an imported draft is one somebody wants.
  const { revisions, deletedAt: _deletedAt, ...dated } = imported;
  const future = Date.parse(dated.updatedAt) > latest;
  const draft = future ? { ...dated, updatedAt: new Date(latest - CLOCK_SKEW_MS).toISOString() } : dated;
  const current = await readDraft(db, draft.key);
  if (!current) {
    await writeDraft(db, draft);
    if (revisions?.length) await db.revisions.bulkAdd(revisions);
    if (!revisions?.some((r) => r.revision === draft.revision)) await recordRevision(db, draft, 'import');
    return 'added';
  }
  if (sameContent(current, draft)) return 'unchanged';
  if (future) {
    await recordRevision(db, draft, 'import');
    return 'conflict';
  }
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

const inRange = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
};

/** The first time of a draft (or of its revisions) that is no date or outside 2000–2200, as a refusal reason. */
function outOfRangeTime(draft: ExportedDraft, path: string): Bilingual | undefined {
  const times: [string, string][] = [
    [`${path}.createdAt`, draft.createdAt],
    [`${path}.updatedAt`, draft.updatedAt],
    ...(draft.revisions ?? []).map((r, i): [string, string] => [`${path}.revisions[${i}].at`, r.at]),
  ];
  const bad = times.find(([, at]) => !inRange(at));
  return (
    bad && {
      zh: `${bad[0]}：时间“${bad[1]}”无效或不在 2000–2200 年之间`,
      en: `${bad[0]}: the time "${bad[1]}" is invalid or outside the years 2000–2200`,
    }
  );
}

function futureReason(draft: ExportedDraft): Bilingual {
  return {
    zh: `导入的草稿时间（${draft.updatedAt}）晚于导出时间或当前时间，无法判断哪一份较新：本机草稿未改动，导入的内容已存为修订记录，可在“历史”中比较并选择恢复`,
    en: `The imported draft is dated ${draft.updatedAt}, after the export was made or after now, so which copy is newer cannot be told: the local draft is unchanged and the imported one is kept as a revision to compare and restore under History`,
  };
}

function readEnvelope(
  text: string,
): { ok: true; drafts: unknown[]; exportedAt: string } | { ok: false; reason: Bilingual } {
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
  if (!inRange(body.data.exportedAt))
    return refuse(
      `导出时间“${body.data.exportedAt}”无效或不在 2000–2200 年之间`,
      `The export time "${body.data.exportedAt}" is invalid or outside the years 2000–2200`,
    );
  return { ok: true, drafts: body.data.drafts, exportedAt: body.data.exportedAt };
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
