import type { Lang } from '@/lib/core/vocabulary';
import { t } from '@/lib/i18n/pageMessages';
import { loadBuiltInPacks } from '@/lib/packs/inExtension';
import type { Rule } from '@/lib/packs/schema';

let rules: Map<string, Rule> | undefined;

/** A checklist entry's requirement by its title in the built-in packs, never its id. */
export function ruleTitle(id: string, lang: Lang): string {
  rules ??= new Map(
    loadBuiltInPacks().flatMap((p) => [...p.rules, ...p.directions.flatMap((d) => d.rules)].map((r) => [r.id, r])),
  );
  return rules.get(id)?.title[lang] ?? t(lang, 'unknownRule');
}
