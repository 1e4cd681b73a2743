import { useState } from 'react';
import { diffRevisions } from '@/lib/drafts/diff';
import type { Draft, Revision } from '@/lib/drafts/model';
import { historyEntries } from '@/lib/drafts/revisionPolicy';
import { savedFieldLabel, savedFieldValue, savedLabels } from './fieldNames';
import { formatTime } from './format';
import { HeadRow, Text, useLang } from './Text';

/**
 * A draft's history, newest first, the current state on top: only entries that differ in meaning. Tick two to see
 * the field changes; restore any one after a confirmation, keeping the checklist unless asked otherwise.
 */
export function DraftHistory({
  current,
  revisions,
  onRestore,
}: {
  current: Draft;
  revisions: Revision[];
  onRestore(revision: Revision, withChecklist: boolean): void;
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const [confirming, setConfirming] = useState<number>();
  const [withChecklist, setWithChecklist] = useState(false);
  const entries = historyEntries(current, revisions);
  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  // Older first, whatever order they were ticked in: the diff reads as "what happened since".
  const pair = revisions.filter((r) => r.id !== undefined && selected.includes(r.id)).reverse();

  return (
    <div className="gc-history" data-testid="draft-history">
      <h4>
        <Text id="optHistory" />
      </h4>
      <p className="gc-muted">
        <Text id="optHistoryHint" />
      </p>
      <ul className="gc-revisions">
        {entries.map((e) =>
          e.current ? (
            <li key="current" data-revision={e.revision} data-current="true">
              <Text id="optCurrentState" /> · {formatTime(e.at)}
            </li>
          ) : (
            revisionEntry(e.entry)
          ),
        )}
      </ul>
      {pair.length === 2 && <RevisionDiff older={pair[0]!} newer={pair[1]!} />}
    </div>
  );

  function revisionEntry(r: Revision) {
    return (
      <li key={r.id} data-revision={r.revision} data-reason={r.reason}>
        <label>
          <input type="checkbox" checked={selected.includes(r.id!)} onChange={() => toggle(r.id!)} />
          <Text id="optRevisionLabel" vars={{ n: r.revision }} /> · {formatTime(r.at)} ·{' '}
          <Text id={`optReason_${r.reason}`} />
        </label>
        {confirming === r.id ? (
          <span className="gc-confirm-restore" data-testid="restore-confirm">
            <Text id="optRestoreConfirm" vars={{ n: r.revision }} />
            <label>
              <input
                type="checkbox"
                checked={withChecklist}
                onChange={(e) => setWithChecklist(e.target.checked)}
                data-testid="restore-with-checklist"
              />{' '}
              <Text id="optRestoreWithChecklist" />
            </label>
            <button
              type="button"
              data-action="confirm-restore"
              onClick={() => {
                setConfirming(undefined);
                onRestore(r, withChecklist);
              }}
            >
              <Text id="optConfirm" />
            </button>
            <button type="button" onClick={() => setConfirming(undefined)}>
              <Text id="optCancel" />
            </button>
          </span>
        ) : (
          <button type="button" data-action="restore" onClick={() => setConfirming(r.id)}>
            <Text id="optRestore" />
          </button>
        )}
      </li>
    );
  }
}

function RevisionDiff({ older, newer }: { older: Revision; newer: Revision }) {
  const lang = useLang();
  const changes = diffRevisions(older, newer);
  const labels = { ...savedLabels(older.fields), ...savedLabels(newer.fields) };
  const absent = (
    <span className="gc-muted">
      <Text id="optAbsent" />
    </span>
  );
  return (
    <div data-testid="revision-diff">
      <h4>
        <Text id="optDiffTitle" vars={{ a: older.revision, b: newer.revision }} />
      </h4>
      {changes.length === 0 ? (
        <p className="gc-muted">
          <Text id="optDiffNone" />
        </p>
      ) : (
        <table>
          <HeadRow ids={['optField', 'optBefore', 'optAfter']} />
          <tbody>
            {changes.map((c) => (
              <tr key={c.key} data-field={c.key}>
                <td>{savedFieldLabel(c.key, lang, labels)}</td>
                <td className="gc-before">{c.before === undefined ? absent : savedFieldValue(c.key, c.before)}</td>
                <td className="gc-after">{c.after === undefined ? absent : savedFieldValue(c.key, c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
