import { useState } from 'react';
import type { ImportResult } from '@/lib/drafts/transfer';
import { type Backend, request } from './backend';
import { Banner } from './Banner';
import { errorMessage } from './failure';
import { ImportReportView } from './ImportReportView';
import { Text } from './Text';
import type { Bilingual } from '@/lib/core/vocabulary';

export interface DraftTransferProps {
  backend: Backend;
  includeRevisions: boolean;
  onIncludeRevisions(value: boolean): void;
  onExportAll(): void;
}

/** 导出与导入: all drafts to a file; a file merged in (transfer.ts never overwrites newer data), with its report. */
export function DraftTransfer({ backend, includeRevisions, onIncludeRevisions, onExportAll }: DraftTransferProps) {
  const [result, setResult] = useState<ImportResult>();
  const [failure, setFailure] = useState<Bilingual>();

  async function importFile(file: File) {
    setResult(undefined);
    setFailure(undefined);
    const text = await file.text().catch((error: unknown) => setFailure(errorMessage(error)));
    if (text === undefined) return;
    const imported = await request(backend, 'drafts:import', { text });
    if (imported.ok) setResult(imported.value);
    else setFailure(imported.message);
  }

  return (
    <div className="gc-transfer" data-testid="draft-transfer">
      <h3>
        <Text id="optTransfer" />
      </h3>
      <div className="gc-toolbar">
        <button type="button" data-action="export-all" onClick={onExportAll}>
          <Text id="optExportAll" />
        </button>
        <label>
          <input
            type="checkbox"
            data-testid="with-revisions"
            checked={includeRevisions}
            onChange={(e) => onIncludeRevisions(e.target.checked)}
          />
          <Text id="optWithRevisions" />
        </label>
        <label className="gc-file">
          <Text id="optImport" />
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // the same file can be chosen again
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {failure && (
        <Banner kind="error" message={failure} testId="import-failure" onClose={() => setFailure(undefined)} />
      )}
      {result && <ImportReportView result={result} onClose={() => setResult(undefined)} />}
    </div>
  );
}
