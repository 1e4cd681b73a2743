import { t } from '@/lib/i18n/pageMessages';
import { ShareImport, type ShareImportProps } from './share/ShareImport';
import { ShareOut, type ShareOutProps } from './share/ShareOut';

export type SharePanelProps = ShareOutProps & ShareImportProps;

/** Team sharing, collapsed until opened: make a share of this checklist, or merge a teammate's. */
export function SharePanel(props: SharePanelProps) {
  return (
    <details className="gc-share" data-testid="gc-share">
      <summary>{t(props.lang, 'shareSection')}</summary>
      <ShareOut {...props} />
      <ShareImport {...props} />
    </details>
  );
}
