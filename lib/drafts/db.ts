import { Dexie, type Table } from 'dexie';
import type { FieldWriters } from './fieldWriters';
import type { Draft, Revision } from './model';
import type { Profile } from './profileModel';
import { type Bilingual, emptyChecklist, type Checklist } from '../core/vocabulary';

/** The drafts row leaves the checklist out: since schema v2 it lives in its own table (see version 2 below). */
export type DraftRow = Omit<Draft, 'checklist'> & DraftBookkeeping;

/**
 * Who wrote what, kept on the drafts row (not part of the draft's content, never exported): per field the writer
 * (one page load of the portal form) that wrote it last (`writers`, see fieldWriters.ts; rows before it kept the
 * plain map `fieldWriters`), and per recent writer the last change number committed, so a resent change is
 * recognised and a tab's own newer writes never count as another tab's.
 */
export interface DraftBookkeeping {
  writers?: FieldWriters;
  fieldWriters?: Record<string, string>;
  writerSeqs?: Record<string, number>;
}
export type ChecklistRow = Checklist & { key: string };
export interface MetaRow {
  key: string;
  value: unknown;
}

export interface DraftDbOptions {
  /** Another IndexedDB implementation (the bench passes fake-indexeddb's without touching globals). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Clock, so tests can move time (revision spacing, one per day). */
  now?: () => Date;
}

/**
 * GuideCheck's IndexedDB database. Lives in the background and extension pages only (never in a content script,
 * whose IndexedDB would belong to the portal's origin).
 */
export class DraftDb extends Dexie {
  declare drafts: Table<DraftRow, string>;
  declare checklists: Table<ChecklistRow, string>;
  declare revisions: Table<Revision, number>;
  declare profiles: Table<Profile, string>;
  declare meta: Table<MetaRow, string>;
  readonly now: () => Date;

  constructor(name: string, options: DraftDbOptions = {}) {
    super(name, {
      // Chrome's default durability may report a commit before it reaches the disk; a draft must survive a crash.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.now = options.now ?? (() => new Date());

    // v1: the checklist is a property of the draft row.
    this.version(1).stores({
      drafts: 'key, host, updatedAt, deletedAt',
      revisions: '++id, key, [key+revision]',
      profiles: 'id, kind',
      meta: 'key',
    });

    // v2: the checklist moves to its own table, so a keystroke autosave does not rewrite the team's checklist and a
    // checklist tick does not rewrite ~60 fields; drafts get a guideline index (限项 hint per guideline); revisions
    // are indexed by time, which is what pruning (last 50 + one per day) reads.
    this.version(2)
      .stores({
        drafts: 'key, host, updatedAt, deletedAt, guideline',
        checklists: 'key',
        revisions: '++id, key, [key+at]',
      })
      .upgrade(async (tx) => {
        const drafts = tx.table<DraftRow & { checklist?: unknown }, string>('drafts');
        const rows = await drafts.toArray();
        await tx
          .table<ChecklistRow, string>('checklists')
          .bulkPut(rows.map((row) => ({ ...checklistFromV1(row.checklist), key: row.key })));
        await drafts.toCollection().modify((row) => {
          delete row.checklist;
        });
      });
  }
}

/** A v1 checklist as stored; a malformed one is kept as found rather than failing the whole upgrade. */
function checklistFromV1(raw: unknown): Checklist {
  return { ...emptyChecklist(), ...(raw && typeof raw === 'object' ? (raw as Partial<Checklist>) : {}) };
}

/** IndexedDB version of our newest schema (Dexie stores version × 10). */
export const SCHEMA_VERSION = 2;
/** Our tables and their primary key paths: a database lacking one, or keyed otherwise, was written by another schema. */
const EXPECTED_KEYS: Record<string, string | null> = {
  drafts: 'key',
  checklists: 'key',
  revisions: 'id',
  profiles: 'id',
  meta: 'key',
};

export type DatabaseCheck = { state: 'absent' | 'ours' } | { state: 'newer'; why: string };

/**
 * Looks at the database before Dexie opens it. Dexie would open a newer one and silently "fix" it (recreate a missing
 * table by bumping the version, drop properties on the next write): a database from a newer GuideCheck is left
 * untouched instead, and autosave stops until the extension is updated.
 */
export async function checkDatabase(name = 'guidecheck', factory: IDBFactory = indexedDB): Promise<DatabaseCheck> {
  const names = factory.databases ? (await factory.databases()).map((d) => d.name) : undefined;
  if (names && !names.includes(name)) return { state: 'absent' };
  const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
    const open = factory.open(name);
    // Opening without a version never upgrades an existing database; on a new one we abort the creation.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = (event) => {
      if (open.error?.name === 'AbortError') {
        event.preventDefault();
        resolve(undefined);
      } else reject(open.error);
    };
  });
  if (!db) return { state: 'absent' };
  try {
    if (db.version > SCHEMA_VERSION * 10) return { state: 'newer', why: `version ${db.version / 10}` };
    if (db.version < SCHEMA_VERSION * 10) return { state: 'ours' }; // an older schema: Dexie upgrades it
    for (const [table, keyPath] of Object.entries(EXPECTED_KEYS)) {
      if (!db.objectStoreNames.contains(table)) return { state: 'newer', why: `table ${table} missing` };
      const actual = db.transaction(table).objectStore(table).keyPath;
      if (actual !== keyPath) return { state: 'newer', why: `table ${table} keyed by ${String(actual)}` };
    }
    return { state: 'ours' };
  } finally {
    db.close();
  }
}

/** The browser refuses to store more (disk full, or the origin's quota); Dexie keeps the DOMException's name. */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

export async function quotaGuard<T>(write: () => Promise<T>): Promise<T | { ok: false; error: 'quota' }> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: 'quota' };
    throw error;
  }
}

function errorName(error: unknown): string | undefined {
  const named = (e: unknown) =>
    typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string'
      ? (e as { name: string }).name
      : undefined;
  const inner = named((error as { inner?: unknown } | null)?.inner);
  const outer = named(error);
  // Dexie wraps the browser's error: the inner name says what happened (QuotaExceededError inside an AbortError).
  return inner && inner !== 'Error' ? inner : outer;
}

export type WriteFailure = 'diskFull' | 'newerDatabase' | 'storage';
export interface WriteProblem extends Bilingual {
  reason: WriteFailure;
}

/** Free space under which a failed write is taken for a full disk (Chromium reports a full disk as many things). */
const LOW_SPACE_BYTES = 50 * 1024 * 1024;

/**
 * What to tell the user about a write the database refused. A full disk shows in Chromium as QuotaExceededError,
 * AbortError, UnknownError or DataError, so the free space (navigator.storage.estimate) decides, not the name.
 */
export function describeWriteError(error: unknown, estimate?: { usage?: number; quota?: number }): WriteProblem {
  const name = errorName(error) ?? 'Error';
  const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : undefined;
  if (name === 'QuotaExceededError' || (free !== undefined && free < LOW_SPACE_BYTES))
    return {
      reason: 'diskFull',
      zh: '磁盘空间不足，草稿暂未保存。本页内容仍在，请清理磁盘后点击“重试”。',
      en: 'The disk is full; the draft is not saved yet. This page keeps your input: free some space, then click Retry.',
    };
  if (name === 'VersionError')
    return {
      reason: 'newerDatabase',
      zh: NEWER_DATABASE.zh,
      en: NEWER_DATABASE.en,
    };
  return {
    reason: 'storage',
    zh: `浏览器存储出错（${name}），草稿暂未保存。本页内容仍在，稍后自动重试，也可点击“重试”。`,
    en: `The browser's storage failed (${name}); the draft is not saved yet. This page keeps your input; GuideCheck retries shortly, or click Retry.`,
  };
}

export const NEWER_DATABASE: Bilingual = {
  zh: '草稿数据库来自较新版本，请更新 GuideCheck。自动保存已停止，本页内容未被改动。',
  en: 'The drafts database was written by a newer GuideCheck: please update the extension. Autosave has stopped; nothing was changed.',
};

export function openDraftDb(name = 'guidecheck', options: DraftDbOptions = {}): DraftDb {
  return new DraftDb(name, options);
}
