import type { Direction, RulePack, Text } from '../packs/schema';
import { parseDirectionText } from '../portal/parse';
import { normalizeLabel } from '../portal/text';

export interface DirectionMatch {
  pack: RulePack;
  direction: Direction;
}

/** What matching reads of a pack: a whole pack, or its outline (lib/packs/origin.ts) before its rules arrive. */
interface Matchable {
  source: { year: number };
  directions: readonly { code: string; title: Text }[];
}

/**
 * Which pack and direction the page's "1.4 中国和瑞典…" means. Codes repeat across guidelines (1.1 is in
 * both seeds), so the title decides, then the guideline group the option is listed under.
 */
export function matchDirection<P extends Matchable>(
  packs: readonly P[],
  text: string | undefined,
  group?: string,
): { pack: P; direction: P['directions'][number] } | undefined {
  const parsed = text ? parseDirectionText(text) : undefined;
  if (!parsed) return undefined;
  const title = normalizeLabel(parsed.title);
  const candidates = packs.flatMap((pack) =>
    pack.directions.filter((d) => d.code === parsed.code).map((direction) => ({ pack, direction })),
  );
  const byTitle = candidates.filter(({ direction }) => {
    const zh = normalizeLabel(direction.title.zh);
    return title !== '' && (zh === title || zh.includes(title) || title.includes(zh));
  });
  const pool = byTitle.length ? byTitle : title === '' ? candidates : [];
  if (pool.length <= 1 || !group) return pool[0];
  const g = normalizeLabel(group);
  return pool.find(({ pack }) => g.includes(String(pack.source.year))) ?? pool[0];
}
