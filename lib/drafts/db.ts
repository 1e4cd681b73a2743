import { Dexie, type Table } from 'dexie';
import type { Draft, Revision } from './model';
import type { Profile } from './profiles';
import { emptyChecklist, type Checklist } from '../core/vocabulary';

/** The drafts row leaves the checklist out: since schema v2 it lives in its own table (see version 2 below). */
export type DraftRow = Omit<Draft, 'checklist'>;
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

export function openDraftDb(name = 'guidecheck', options: DraftDbOptions = {}): DraftDb {
  return new DraftDb(name, options);
}
