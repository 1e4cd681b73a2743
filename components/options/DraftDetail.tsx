import { useLiveQuery } from 'dexie-react-hooks';
import type { DraftDb } from '@/lib/drafts/db';
import { listRevisions } from '@/lib/drafts/revisions';
import { getDraft, restoreRevision } from '@/lib/drafts/store';
import { t } from '@/lib/i18n/pageMessages';
import { ChecklistState } from './ChecklistState';
import { DraftHistory } from './DraftHistory';
import { errorMessage, failureMessage } from './failure';
import { savedFieldLabel } from './fieldNames';
import { Text, useLang } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

export interface DraftDetailProps {
  db: DraftDb;
  draftKey: string;
  onClose(): void;
  onMessage(kind: 'info' | 'error', message: Bilingual): void;
}

/** One draft opened: its fields, its checklist state and its history, live from the database. */
export function DraftDetail({ db, draftKey, onClose, onMessage }: DraftDetailProps) {
  const lang = useLang();
  const draft = useLiveQuery(() => getDraft(db, draftKey), [db, draftKey]);
  const revisions = useLiveQuery(() => listRevisions(db, draftKey), [db, draftKey], []);
  if (!draft) return null;

  async function restore(id: number, revision: number, withChecklist: boolean) {
    try {
      const result = await restoreRevision(db, draftKey, id, { withChecklist });
      if (result.ok)
        onMessage('info', { zh: t('zh', 'optRestored', { n: revision }), en: t('en', 'optRestored', { n: revision }) });
      else onMessage('error', failureMessage(result));
    } catch (error) {
      onMessage('error', errorMessage(error));
    }
  }

  const fields = Object.entries(draft.fields).sort(([a], [b]) => a.localeCompare(b));
  return (
    <article className="gc-draft-detail" data-testid="draft-detail" data-key={draft.key}>
      <header>
        <h3>{draft.title || draft.applicationId}</h3>
        <button type="button" onClick={onClose}>
          <Text id="optClose" />
        </button>
      </header>
      <p className="gc-muted">
        {draft.key} · {draft.guideline ?? '—'} · {draft.direction ?? '—'}
      </p>
      <h4>
        <Text id="optDetailFields" />
      </h4>
      <table data-testid="draft-fields">
        <thead>
          <tr>
            <th>
              <Text id="optField" />
            </th>
            <th>
              <Text id="optValue" />
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map(([key, value]) => (
            <tr key={key} data-field={key}>
              <td>{savedFieldLabel(key, lang)}</td>
              <td className="gc-value">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChecklistState checklist={draft.checklist} />
      <DraftHistory
        current={draft}
        revisions={revisions}
        onRestore={(r, withChecklist) => void restore(r.id!, r.revision, withChecklist)}
      />
    </article>
  );
}
