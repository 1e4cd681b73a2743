import { fieldLabel, formTitlesOf } from '@/lib/i18n/labels';
import type { Lang } from '@/lib/core/vocabulary';
import { bundledFieldMap } from '@/lib/portal/bundledFieldMap';
import { fieldPathLabel } from './format';

const formTitles = formTitlesOf(bundledFieldMap);
const modelRoots = /^(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units|direction)\b/;

/**
 * A saved field by the form's label ("项目负责人职称"); a key the field map does not know (a page's own control
 * name) as its parts, rows counted from 1.
 */
export function savedFieldLabel(key: string, lang: Lang): string {
  return modelRoots.test(key) ? fieldLabel(key, lang, formTitles) : fieldPathLabel(key);
}
