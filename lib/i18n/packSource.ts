import type { Lang } from '../core/vocabulary';
import type { PackSummary } from '../packs/origin';
import { type MessageId, t } from './messages';

/** 扩展内置, or 单位规则源「科研处规则源」: the origin with the feed's own name. */
export function originLabel(pack: PackSummary, lang: Lang): string {
  const origin = t(lang, `origin_${pack.origin}` as MessageId);
  return pack.origin === 'bundled' ? origin : t(lang, 'originNamed', { origin, name: pack.sourceName });
}

/** One line naming a pack: its title, version and origin. */
export function packLine(pack: PackSummary, lang: Lang): string {
  return t(lang, 'packLine', { title: pack.title[lang], version: pack.version, origin: originLabel(pack, lang) });
}

/** What is wrong with a pack's currency: expired, or its feed stale. Empty when current. */
export function packWarnings(pack: PackSummary, lang: Lang): string[] {
  return [
    ...(pack.expired ? [t(lang, 'packExpired', { expires: pack.expires })] : []),
    ...(pack.stale ? [t(lang, 'packStale', { days: pack.staleDays })] : []),
  ];
}
