import type { Handlers } from '../messages/router';
import type { DraftDb } from './db';
import { deleteProfile, saveProfile } from './profiles';
import { listRevisions } from './revisions';
import {
  deleteDraft,
  listDrafts,
  purgeDeleted,
  renameDraft,
  restoreRevision,
  UNDO_WINDOW_MS,
  undoDelete,
} from './store';
import { exportDrafts, importDrafts } from './transfer';

export type DraftRequestType =
  | 'drafts:list'
  | 'drafts:rename'
  | 'drafts:delete'
  | 'drafts:undoDelete'
  | 'drafts:purgeDeleted'
  | 'drafts:revisions'
  | 'drafts:restore'
  | 'drafts:export'
  | 'drafts:import'
  | 'profiles:save'
  | 'profiles:delete';

/**
 * The background's answers to the options page's drafts and profiles requests (the router refuses them from content
 * scripts). `drafts` opens the checked database; `changed` tells the other pages after a write.
 */
export function draftRequestHandlers(
  drafts: () => Promise<DraftDb>,
  changed: () => void,
): Pick<Handlers, DraftRequestType> {
  const writing =
    <A extends unknown[], R>(write: (db: DraftDb, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(await drafts(), ...args);
      changed();
      return result;
    };
  return {
    'drafts:list': async ({ search }) => listDrafts(await drafts(), { search }),
    'drafts:rename': ({ key, title }) => writing(renameDraft)(key, title),
    'drafts:delete': ({ key }) => writing(deleteDraft)(key),
    'drafts:undoDelete': ({ key }) => writing(undoDelete)(key),
    'drafts:purgeDeleted': () => writing((db) => purgeDeleted(db, new Date(db.now().getTime() - UNDO_WINDOW_MS)))(),
    'drafts:revisions': async ({ key }) => listRevisions(await drafts(), key),
    'drafts:restore': ({ key, revisionId, withChecklist }) =>
      writing(restoreRevision)(key, revisionId, { withChecklist }),
    'drafts:export': async ({ keys, includeRevisions }) => exportDrafts(await drafts(), { keys, includeRevisions }),
    'drafts:import': ({ text }) => writing(importDrafts)(text),
    'profiles:save': ({ profile }) => writing(saveProfile)(profile),
    'profiles:delete': ({ id }) => writing(deleteProfile)(id),
  };
}
