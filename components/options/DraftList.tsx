import { isBookkeepingField } from '@/lib/core/vocabulary';
import { useState } from 'react';
import type { Draft } from '@/lib/drafts/model';
import { HeadRow, Text } from './Text';
import { formatTime } from './format';

export interface DraftListProps {
  drafts: Draft[];
  openKey?: string;
  onOpen(key: string): void;
  /** Resolves false when the rename failed (the container shows why); the input stays open then. */
  onRename(key: string, title: string): Promise<boolean>;
  onDelete(draft: Draft): void;
  onExport(key: string): void;
}

/** The drafts table: one row per application, newest first, with its actions. */
export function DraftList({ drafts, openKey, onOpen, onRename, onDelete, onExport }: DraftListProps) {
  return (
    <table data-testid="drafts-table">
      <HeadRow
        ids={[
          'optColTitle',
          'optColApplication',
          'optColDirection',
          'optColFields',
          'optColUpdated',
          'optColRevision',
          'optColActions',
        ]}
      />
      <tbody>
        {drafts.map((d) => (
          <DraftRow
            key={d.key}
            draft={d}
            open={d.key === openKey}
            onOpen={onOpen}
            onRename={onRename}
            onDelete={onDelete}
            onExport={onExport}
          />
        ))}
      </tbody>
    </table>
  );
}

function DraftRow({
  draft,
  open,
  onOpen,
  onRename,
  onDelete,
  onExport,
}: { draft: Draft; open: boolean } & Omit<DraftListProps, 'drafts' | 'openKey'>) {
  const [editing, setEditing] = useState<string>();
  async function commit() {
    if (editing === undefined) return;
    if (await onRename(draft.key, editing.trim())) setEditing(undefined);
  }
  return (
    <tr data-key={draft.key} className={open ? 'gc-selected' : undefined}>
      <td>
        {editing === undefined ? (
          <span data-testid="draft-title">{draft.title || draft.applicationId}</span>
        ) : (
          <form
            className="gc-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void commit();
            }}
          >
            <input
              aria-label="项目名称 Title"
              data-testid="rename-input"
              value={editing}
              maxLength={500}
              // biome-ignore lint/a11y/noAutofocus: the field appears on the user's 重命名 click; focus follows that action
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">
              <Text id="optSave" />
            </button>
            <button type="button" onClick={() => setEditing(undefined)}>
              <Text id="optCancel" />
            </button>
          </form>
        )}
      </td>
      <td>
        {draft.applicationId}
        <div className="gc-muted">{draft.host}</div>
      </td>
      <td>{draft.direction ?? '—'}</td>
      <td>{Object.keys(draft.fields).filter((key) => !isBookkeepingField(key)).length}</td>
      <td>{formatTime(draft.updatedAt)}</td>
      <td>{draft.revision}</td>
      <td className="gc-actions">
        <button type="button" data-action="open" onClick={() => onOpen(draft.key)}>
          <Text id="optOpen" />
        </button>
        <button type="button" data-action="rename" onClick={() => setEditing(draft.title)}>
          <Text id="optRename" />
        </button>
        <button type="button" data-action="export" onClick={() => onExport(draft.key)}>
          <Text id="optExport" />
        </button>
        <button type="button" data-action="delete" className="gc-danger" onClick={() => onDelete(draft)}>
          <Text id="optDelete" />
        </button>
      </td>
    </tr>
  );
}
