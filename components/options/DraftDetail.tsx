import { isBookkeepingField } from '@/lib/core/vocabulary';
import { t } from '@/lib/i18n/pageMessages';
import { type Backend, useRequest, write } from './backend';
import { Banner } from './Banner';
import { ChecklistState } from './ChecklistState';
import { DraftHistory } from './DraftHistory';
import { compareSavedFields, savedFieldLabel, savedFieldValue, savedLabels } from './fieldNames';
import { directionTitle, guidelineTitle } from './ruleTitles';
import { HeadRow, Text, useLang } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

export interface DraftDetailProps {
  backend: Backend;
  draftKey: string;
  onClose(): void;
  onMessage(kind: 'info' | 'error', message: Bilingual): void;
}

/** One draft opened: its fields, its checklist state and its history, asked again whenever drafts change. */
export function DraftDetail({ backend, draftKey, onClose, onMessage }: DraftDetailProps) {
  const lang = useLang();
  const found = useRequest(backend, 'getDraft', { key: draftKey }, draftKey).outcome;
  const revisions = useRequest(backend, 'drafts:revisions', { key: draftKey }, draftKey).outcome;
  if (found && !found.ok) return <Banner kind="error" message={found.message} testId="draft-unreadable" />;
  const draft = found?.value;
  if (!draft) return null;

  async function restore(revisionId: number, revision: number, withChecklist: boolean) {
    const restored = await write(backend, 'drafts:restore', { key: draftKey, revisionId, withChecklist });
    if (restored.ok)
      onMessage('info', { zh: t('zh', 'optRestored', { n: revision }), en: t('en', 'optRestored', { n: revision }) });
    else onMessage('error', restored.message);
  }

  const labels = savedLabels(draft.fields);
  const fields = Object.entries(draft.fields)
    .filter(([key]) => !isBookkeepingField(key))
    .sort(([a], [b]) => compareSavedFields(a, b));
  return (
    <article className="gc-draft-detail" data-testid="draft-detail" data-key={draft.key}>
      <header>
        <h3>{draft.title || draft.applicationId}</h3>
        <button type="button" onClick={onClose}>
          <Text id="optClose" />
        </button>
      </header>
      <p className="gc-muted">
        {draft.applicationId}
        {draft.guideline && ` · ${guidelineTitle(draft.guideline, lang)}`}
        {draft.direction && ` · ${directionTitle(draft.guideline, draft.direction, lang)}`}
      </p>
      <h4>
        <Text id="optDetailFields" />
      </h4>
      <table data-testid="draft-fields">
        <HeadRow ids={['optField', 'optValue']} />
        <tbody>
          {fields.map(([key, value]) => (
            <tr key={key} data-field={key}>
              <td>{savedFieldLabel(key, lang, labels)}</td>
              <td className="gc-value">{savedFieldValue(key, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChecklistState checklist={draft.checklist} />
      {revisions && !revisions.ok && <Banner kind="error" message={revisions.message} testId="history-unreadable" />}
      <DraftHistory
        current={draft}
        revisions={revisions?.ok ? revisions.value : []}
        onRestore={(r, withChecklist) => void restore(r.id!, r.revision, withChecklist)}
      />
    </article>
  );
}
