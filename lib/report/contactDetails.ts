import { t } from '../i18n/pageMessages';
import type { Contact } from '../packs/schema';
import type { Lang } from '../core/vocabulary';

/** A contact's reachable details as label/value pairs (raw text; renderers escape). */
export function contactDetails(contact: Contact, lang: Lang): { label: string; value: string }[] {
  const details: { label: string; value: string }[] = [];
  if (contact.email) details.push({ label: t(lang, 'reportEmail'), value: contact.email });
  if (contact.phone) details.push({ label: t(lang, 'reportPhone'), value: contact.phone });
  if (contact.fax) details.push({ label: t(lang, 'reportFax'), value: contact.fax });
  if (contact.website) details.push({ label: t(lang, 'reportWebsite'), value: contact.website });
  return details;
}
