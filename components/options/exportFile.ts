import type { ExportFile } from '@/lib/drafts/transfer';
import { downloadText } from '@/lib/overlay/download';
import { exportFileName } from './format';

/** Downloads an export of one draft or of all live drafts as guidecheck-drafts-YYYYMMDD.json (the day of the export). */
export function downloadDrafts(doc: Document, file: ExportFile): void {
  downloadText(doc, exportFileName(new Date(file.exportedAt)), JSON.stringify(file, null, 2), 'application/json');
}
