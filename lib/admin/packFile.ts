// Node-only: how the admin CLI reads a pack file, says what a wrong file is, and what a draft still needs.
import { existsSync, readFileSync } from 'node:fs';
import { BadInput, readJson, readText } from '../feed/cliIo';
import { ENVELOPE_FORMAT } from '../feed/envelope';
import { FEED_FORMAT } from '../feed/feedIndex';
import { KEYS_FORMAT } from '../feed/keys';
import type { ExtractReview } from '../extract/review';
import { REVIEW_THRESHOLD } from '../extract/review';
import { parsePack } from '../packs/parsePack';
import type { RulePack, Text } from '../packs/schema';

/** `draft/x.json` → `draft/x.review.json`, as `extract` writes them. */
export const reviewPathOf = (packPath: string): string => packPath.replace(/(\.json)?$/, '.review.json');

/** What a JSON file that is not a pack is, so the message can say so; undefined when it does not look like any of ours. */
export function kindOfFile(json: unknown, path: string): { zh: string; en: string } | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.items) && Array.isArray(o.unmapped) && 'batch' in o) {
    const pack = path.replace(/\.review\.json$/, '.json');
    return {
      zh: `这是提取生成的复核清单（.review.json），不是规则包；请校验旁边的草稿 ${pack}`,
      en: `this is the extraction's review list (.review.json), not a rule pack; validate the draft beside it: ${pack}`,
    };
  }
  if (o.format === ENVELOPE_FORMAT)
    return {
      zh: '这是签名后的规则包（信封），请用 verify 检查',
      en: 'this is a signed envelope; check it with verify',
    };
  if (o.format === KEYS_FORMAT) return { zh: '这是签名的密钥列表', en: 'this is a signed key list' };
  if (o.format === FEED_FORMAT) return { zh: '这是规则源的 index.json', en: 'this is a feed index.json' };
  if (o.kty === 'ed25519') return { zh: '这是密钥文件', en: 'this is a key file' };
  return undefined;
}

/** lib/packs writes `path: English（中文）`; admins read Chinese first. */
export function chineseFirst(line: string): string {
  const m = /^(\S+): (.*)（([^（）]*)）$/.exec(line);
  return m ? `${m[1]}：${m[3]}\n      ${m[2]}` : line;
}

/** A pack file validated (schema + conventions), with its exact text; BadInput with Chinese-first lines otherwise. */
export function readAdminPack(path: string): { pack: RulePack; text: string } {
  const text = readText(path);
  const json = readJson(path);
  const kind = kindOfFile(json, path);
  if (kind) throw new BadInput({ zh: `${path} 不是规则包：${kind.zh}`, en: `${path} is not a rule pack: ${kind.en}` });
  const parsed = parsePack(json);
  if (!parsed.ok)
    throw new BadInput({
      zh: `${path} 不是有效的规则包，共 ${parsed.errors.length} 处错误：\n    ${parsed.errors.map(chineseFirst).join('\n    ')}`,
      en: `${path} is not a valid rule pack (${parsed.errors.length} error(s), listed above)`,
    });
  return { pack: parsed.pack, text };
}

const PLACEHOLDER = '[to translate]';

/**
 * What in a draft still needs a person: placeholder English texts and issuer, and, when the extraction's
 * review list sits beside the pack, its low-confidence items, unencoded sentences and placeholder dates
 * not yet marked `"resolved": true`. Empty for a reviewed pack.
 */
export function pendingReview(pack: RulePack, packPath: string): string[] {
  const pending: string[] = [];
  const texts: [string, Text][] = [
    ['title', pack.title],
    ...pack.directions.map((d, i) => [`directions[${i}].title`, d.title] as [string, Text]),
    ...pack.rules.map((r, i) => [`rules[${i}].title`, r.title] as [string, Text]),
    ...pack.directions.flatMap((d, i) =>
      d.rules.map((r, j) => [`directions[${i}].rules[${j}].title`, r.title] as [string, Text]),
    ),
  ];
  for (const [at, text] of texts)
    if (text.en.startsWith(PLACEHOLDER)) pending.push(`${at}.en：英文待翻译 English still "${PLACEHOLDER}"`);
  if (!pack.source.issuer) pending.push('source.issuer：发布机构为空 issuer is empty');

  const reviewPath = reviewPathOf(packPath);
  if (!existsSync(reviewPath)) return pending;
  let review: Partial<ExtractReview>;
  try {
    review = JSON.parse(readFileSync(reviewPath, 'utf8'));
  } catch {
    return [...pending, `${reviewPath}：复核清单无法读取 review list unreadable`];
  }
  const placeholders = review.placeholders;
  if (placeholders?.published === pack.published)
    pending.push(`published：发布日期仍为占位值 still the placeholder ${pack.published}`);
  if (placeholders?.expires === pack.expires)
    pending.push(`expires：有效期仍为占位值 still the placeholder ${pack.expires}`);
  for (const item of review.items ?? [])
    if (item.confidence < REVIEW_THRESHOLD && !item.resolved)
      pending.push(`${item.path}：低置信度 low confidence ${item.confidence.toFixed(2)} — ${item.what}`);
  for (const u of review.unmapped ?? [])
    if (!u.resolved) pending.push(`${u.direction} 未编码的要求 not encoded (${u.reason})：${u.sentence.slice(0, 50)}`);
  return pending;
}
