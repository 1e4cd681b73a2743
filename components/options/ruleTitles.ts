import type { Lang } from '@/lib/core/vocabulary';
import { t } from '@/lib/i18n/pageMessages';
import { loadBuiltInPacks } from '@/lib/packs/inExtension';
import type { RulePack, Rule } from '@/lib/packs/schema';

let packs: Map<string, RulePack> | undefined;
let rules: Map<string, Rule> | undefined;

const builtIn = () => (packs ??= new Map(loadBuiltInPacks().map((p) => [p.id, p])));

/** A checklist entry's requirement by its title in the built-in packs, never its id. */
export function ruleTitle(id: string, lang: Lang): string {
  rules ??= new Map(
    [...builtIn().values()].flatMap((p) => [...p.rules, ...p.directions.flatMap((d) => d.rules)].map((r) => [r.id, r])),
  );
  return rules.get(id)?.title[lang] ?? t(lang, 'unknownRule');
}

/** A draft's guideline by the pack's title ("2019年度…重点专项"), never its id; one not built in is named as such. */
export function guidelineTitle(id: string, lang: Lang): string {
  return builtIn().get(id)?.title[lang] ?? t(lang, 'optOtherGuideline');
}

/** "1.7 中国和奥地利…": a draft's direction by code and the pack's title for it, else the code alone. */
export function directionTitle(guideline: string | undefined, code: string, lang: Lang): string {
  const title = guideline
    ? builtIn()
        .get(guideline)
        ?.directions.find((d) => d.code === code)?.title[lang]
    : undefined;
  return title ? `${code} ${title}` : code;
}
