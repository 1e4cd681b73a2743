import type { ImportResult } from '@/lib/drafts/transfer';
import { t } from '@/lib/i18n/pageMessages';
import { Banner } from './Banner';
import { Text, useLang } from './Text';

/** What an import did: counts per outcome and each refused entry with its reason; a refused file says why. */
export function ImportReportView({ result, onClose }: { result: ImportResult; onClose(): void }) {
  const lang = useLang();
  if (!result.ok) {
    return (
      <Banner
        kind="error"
        testId="import-refused"
        message={{
          zh: `${t('zh', 'optImportRefused')}${result.reason.zh}`,
          en: `${t('en', 'optImportRefused')} ${result.reason.en}`,
        }}
        onClose={onClose}
      />
    );
  }
  const { report } = result;
  const vars = {
    added: report.added,
    updated: report.updated,
    keptNewer: report.keptNewer,
    unchanged: report.unchanged,
    conflicts: report.conflicts.length,
    refused: report.refused.length,
  };
  return (
    <div data-testid="import-report">
      <Banner
        kind={report.refused.length || report.conflicts.length ? 'error' : 'info'}
        testId="import-summary"
        message={{ zh: t('zh', 'optImportReport', vars), en: t('en', 'optImportReport', vars) }}
        onClose={onClose}
      />
      {report.conflicts.length > 0 && (
        <ul className="gc-refused" data-testid="import-conflicts">
          {report.conflicts.map((c) => (
            <li key={c.key} data-key={c.key}>
              <Text id="optImportConflictEntry" /> <code>{c.key}</code>：{c.reason[lang]}
            </li>
          ))}
        </ul>
      )}
      {report.refused.length > 0 && (
        <ul className="gc-refused">
          {report.refused.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
            <li key={i} data-key={r.key}>
              <Text id="optImportRefusedEntry" /> <code>{r.key}</code>：{r.reason[lang]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
