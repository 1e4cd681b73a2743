import type { DraftDb } from '@/lib/drafts/db';
import { exportDrafts } from '@/lib/drafts/transfer';
import { downloadText } from '@/lib/overlay/download';
import { exportFileName } from './format';

/** Downloads one draft (`keys`) or all live drafts as guidecheck-drafts-YYYYMMDD.json. */
export async function downloadDrafts(
  db: DraftDb,
  doc: Document,
  options: { keys?: string[]; includeRevisions: boolean },
): Promise<void> {
  const file = await exportDrafts(db, options);
  downloadText(doc, exportFileName(db.now()), JSON.stringify(file, null, 2), 'application/json');
}
