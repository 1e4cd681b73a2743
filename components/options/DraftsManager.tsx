import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DraftDb } from '@/lib/drafts/db';
import type { Draft } from '@/lib/drafts/model';
import { deleteDraft, listDrafts, purgeDeleted, renameDraft, undoDelete } from '@/lib/drafts/store';
import { t } from '@/lib/i18n/pageMessages';
import { Banner } from './Banner';
import { DraftDetail } from './DraftDetail';
import { DraftList } from './DraftList';
import { DraftTransfer } from './DraftTransfer';
import { DuplicateHints } from './DuplicateHints';
import { downloadDrafts } from './exportFile';
import { errorMessage, failureMessage } from './failure';
import { Text, useLang } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

/** A deleted draft stays restorable for a day (撤销 on the page, or the next visit), then it is purged. */
const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Notice {
  kind: 'info' | 'error';
  message: Bilingual;
  /** Set on "已删除 …": the key 撤销 brings back */
  undoKey?: string;
}

/** 草稿: the data wiring of the drafts section (live queries, writes, banners); the parts below only draw. */
export function DraftsManager({ db, doc }: { db: DraftDb; doc: Document }) {
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [openKey, setOpenKey] = useState<string>();
  const [includeRevisions, setIncludeRevisions] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const all = useLiveQuery(() => listDrafts(db), [db]);
  const shown = useLiveQuery(() => listDrafts(db, { search }), [db, search]);

  useEffect(() => {
    purgeDeleted(db, new Date(db.now().getTime() - UNDO_WINDOW_MS)).catch((error: unknown) =>
      setNotice({ kind: 'error', message: errorMessage(error) }),
    );
  }, [db]);

  /** Every write goes through here: a thrown error (closed database, disk) becomes a banner, never a blank page. */
  async function attempt(write: () => Promise<void>) {
    try {
      await write();
    } catch (error) {
      setNotice({ kind: 'error', message: errorMessage(error) });
    }
  }

  async function rename(key: string, title: string): Promise<boolean> {
    let done = false;
    await attempt(async () => {
      const result = await renameDraft(db, key, title);
      if (result.ok) done = true;
      else setNotice({ kind: 'error', message: failureMessage(result) });
    });
    return done;
  }

  const remove = (draft: Draft) =>
    attempt(async () => {
      if (!(await deleteDraft(db, draft.key))) return;
      if (openKey === draft.key) setOpenKey(undefined);
      const title = draft.title || draft.applicationId;
      setNotice({
        kind: 'info',
        message: { zh: t('zh', 'optDeleted', { title }), en: t('en', 'optDeleted', { title }) },
        undoKey: draft.key,
      });
    });

  const undo = (key: string) =>
    attempt(async () => {
      await undoDelete(db, key);
      setNotice(undefined);
    });

  const searchLabel = t(lang, 'optSearch');
  const exportDrafts = (keys?: string[]) => attempt(() => downloadDrafts(db, doc, { keys, includeRevisions }));

  return (
    <section id="drafts" data-testid="drafts-manager">
      <h2>
        <Text id="optionsDrafts" />
      </h2>
      {notice && (
        <Banner
          kind={notice.kind}
          message={notice.message}
          testId={notice.undoKey ? 'undo-banner' : 'drafts-notice'}
          onClose={() => setNotice(undefined)}
        >
          {notice.undoKey && (
            <button type="button" data-action="undo" onClick={() => void undo(notice.undoKey!)}>
              <Text id="optUndo" />
            </button>
          )}
        </Banner>
      )}
      {all && <DuplicateHints drafts={all} />}
      <DraftTransfer
        db={db}
        includeRevisions={includeRevisions}
        onIncludeRevisions={setIncludeRevisions}
        onExportAll={() => void exportDrafts()}
      />
      <div className="gc-toolbar">
        <input
          type="search"
          data-testid="drafts-search"
          placeholder={searchLabel}
          aria-label={searchLabel}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {shown === undefined ? (
        <p className="gc-muted">…</p>
      ) : shown.length === 0 ? (
        <p className="gc-muted" data-testid="drafts-empty">
          {search ? <Text id="optNoMatch" vars={{ q: search }} /> : <Text id="optNoDrafts" />}
        </p>
      ) : (
        <DraftList
          drafts={shown}
          openKey={openKey}
          onOpen={setOpenKey}
          onRename={rename}
          onDelete={(d) => void remove(d)}
          onExport={(key) => void exportDrafts([key])}
        />
      )}
      {openKey && (
        <DraftDetail
          db={db}
          draftKey={openKey}
          onClose={() => setOpenKey(undefined)}
          onMessage={(kind, message) => setNotice({ kind, message })}
        />
      )}
    </section>
  );
}
