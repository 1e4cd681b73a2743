import type { Lang } from '../core/vocabulary';

export type { Lang };

/** The extension pages' language (options, popup), kept in the extension's own storage. */
const KEY = 'guidecheck:pageLang';

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

export async function readPageLang(area: Area): Promise<Lang> {
  return (await area.get(KEY))[KEY] === 'en' ? 'en' : 'zh';
}

export function writePageLang(area: Area, lang: Lang): Promise<void> {
  return area.set({ [KEY]: lang });
}
