import { useEffect, useState } from 'react';
import type { Draft } from '@/lib/drafts/model';
import { t } from '@/lib/i18n/pageMessages';
import { type Backend, type Outcome, request, useRequest, write } from './backend';
import { Banner } from './Banner';
import { DraftDetail } from './DraftDetail';
import { DraftList } from './DraftList';
import { DraftTransfer } from './DraftTransfer';
import { DuplicateHints } from './DuplicateHints';
import { downloadDrafts } from './exportFile';
import { Text, useLang } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

interface Notice {
  kind: 'info' | 'error';
  message: Bilingual;
  /** Set on "已删除 …": the key 撤销 brings back */
  undoKey?: string;
}

/** 草稿: the data wiring of the drafts section (requests to the background, banners); the parts below only draw. */
export function DraftsManager({ backend, doc }: { backend: Backend; doc: Document }) {
  const lang = useLang();
  const [search, setSearch] = useState('');
  const [openKey, setOpenKey] = useState<string>();
  const [includeRevisions, setIncludeRevisions] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const all = useRequest(backend, 'drafts:list', {}, '').outcome;
  const shown = useRequest(backend, 'drafts:list', { search }, search).outcome;

  useEffect(() => {
    void request(backend, 'drafts:purgeDeleted', {}).then(
      (purged) => purged.ok || setNotice({ kind: 'error', message: purged.message }),
    );
  }, [backend]);

  /** Every request ends here: a failure (closed database, disk, refused write) becomes a banner, never a blank page. */
  async function settle<T>(pending: Promise<Outcome<T>>): Promise<Outcome<T>> {
    const outcome = await pending;
    if (!outcome.ok) setNotice({ kind: 'error', message: outcome.message });
    return outcome;
  }

  const rename = async (key: string, title: string) =>
    (await settle(write(backend, 'drafts:rename', { key, title }))).ok;

  async function remove(draft: Draft) {
    const deleted = await settle(write(backend, 'drafts:delete', { key: draft.key }));
    if (!deleted.ok || !deleted.value) return;
    if (openKey === draft.key) setOpenKey(undefined);
    const title = draft.title || draft.applicationId;
    setNotice({
      kind: 'info',
      message: { zh: t('zh', 'optDeleted', { title }), en: t('en', 'optDeleted', { title }) },
      undoKey: draft.key,
    });
  }

  async function undo(key: string) {
    if ((await settle(write(backend, 'drafts:undoDelete', { key }))).ok) setNotice(undefined);
  }

  async function exportDrafts(keys?: string[]) {
    const file = await settle(request(backend, 'drafts:export', { keys, includeRevisions }));
    if (file.ok) downloadDrafts(doc, file.value);
  }

  const searchLabel = t(lang, 'optSearch');

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
      {all?.ok && <DuplicateHints drafts={all.value} />}
      <DraftTransfer
        backend={backend}
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
      {!shown ? (
        <p className="gc-muted">…</p>
      ) : !shown.ok ? (
        <Banner kind="error" message={shown.message} testId="drafts-unreadable" />
      ) : shown.value.length === 0 ? (
        <p className="gc-muted" data-testid="drafts-empty">
          {search ? <Text id="optNoMatch" vars={{ q: search }} /> : <Text id="optNoDrafts" />}
        </p>
      ) : (
        <DraftList
          drafts={shown.value}
          openKey={openKey}
          onOpen={setOpenKey}
          onRename={rename}
          onDelete={(d) => void remove(d)}
          onExport={(key) => void exportDrafts([key])}
        />
      )}
      {openKey && (
        <DraftDetail
          backend={backend}
          draftKey={openKey}
          onClose={() => setOpenKey(undefined)}
          onMessage={(kind, message) => setNotice({ kind, message })}
        />
      )}
    </section>
  );
}
