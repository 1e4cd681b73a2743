import type { RulePack } from '../packs/schema';
import { PACK_SCHEMA_VERSION } from '../packs/schema';
import { splitDirections } from './blocks';
import { readDirection } from './direction';
import { readGeneralPart } from './general';
import { readGuideline } from './guideline';
import type { GuidelineFacts } from './guideline';
import { readNumber } from './phrases/number';
import { toParagraphs } from './paragraphs';
import type { ExtractReview } from './review';

export interface ExtractOptions {
  /** Pack id; default from the guideline: `<year>-<batch>` ("2019年度第一批" → "2019-1"), `<year>`, or `draft`. */
  id?: string;
  /** Where the text came from, for the review file. */
  source?: string;
  /** Today, ISO; the schema needs a publication date the text does not give. */
  today: string;
}

export interface DraftExtraction {
  pack: RulePack;
  review: ExtractReview;
}

export class NoDirectionError extends Error {
  constructor() {
    super('未识别到指南方向 (no guideline direction found)');
  }
}

/** "2019年度第一批" → "2019-1"; no year → "draft". */
export function packIdOf(guideline: GuidelineFacts): string {
  if (!guideline.year) return 'draft';
  const batch = guideline.batch && readNumber(guideline.batch.replace(/^第|批$/g, ''));
  return batch && Number.isInteger(batch) ? `${guideline.year}-${batch}` : String(guideline.year);
}

function addYear(isoDate: string): string {
  const [y, rest] = [Number(isoDate.slice(0, 4)), isoDate.slice(4)];
  return `${y + 1}${rest === '-02-29' ? '-02-28' : rest}`;
}

/**
 * Guideline text (as extracted from the PDF) → a draft rule pack and what a person must review.
 * Nothing is invented: a figure the text does not state stays absent, and the placeholders the schema
 * forces (English titles, dates) are listed in `review.notes`. Throws NoDirectionError when no direction is found.
 */
export function extractDraft(text: string, options: ExtractOptions): DraftExtraction {
  const blocks = splitDirections(toParagraphs(text));
  if (blocks.directions.length === 0) throw new NoDirectionError();
  const guideline = readGuideline(blocks.preamble);
  const id = options.id ?? packIdOf(guideline);
  const review: ExtractReview = {
    source: options.source ?? '',
    items: [],
    unmapped: [],
    sentences: [],
    batch: guideline.batchFacts,
    notes: [],
    placeholders: { published: options.today, expires: addYear(options.today) },
  };

  const directions = blocks.directions.map((block, i) => {
    const read = readDirection(block, i, id);
    review.items.push(...read.items);
    review.unmapped.push(...read.unmapped);
    review.sentences.push(...read.sentences);
    return read.direction;
  });
  const general = readGeneralPart([...blocks.preamble, ...blocks.trailer], guideline.title, id, directions);
  review.items.push(...general.items);
  review.unmapped.push(...general.unmapped);
  review.sentences.push(...general.sentences);

  const title = guideline.title ?? '未识别的指南标题 (title not found)';
  if (!guideline.title) review.notes.push('标题未识别 Guideline title not found: set title.zh and source.title.');
  if (!guideline.year) review.notes.push('年度未识别 Year not found: source.year is this year.');
  if (!guideline.issuer) review.notes.push('发布机构未识别 Issuer not found: set source.issuer.');
  review.notes.push(
    `发布日期和有效期为占位值 published/expires are placeholders (${options.today} + 1 year): set them from the notice.`,
    '英文标题为占位值 English titles start with "[to translate]": translate them.',
  );
  const count = guideline.batchFacts.directionCount?.value;
  if (count !== undefined && count !== directions.length) {
    review.notes.push(
      `指南称设立 ${count} 个方向，提取到 ${directions.length} 个 The guideline announces ${count} directions; ${directions.length} were found.`,
    );
  }

  const pack: RulePack = {
    schema: PACK_SCHEMA_VERSION,
    id,
    version: 1,
    title: { zh: title, en: `[to translate] ${title}` },
    source: {
      title,
      issuer: guideline.issuer ?? '',
      year: guideline.year ?? Number(options.today.slice(0, 4)),
      ...(guideline.batch ? { batch: guideline.batch } : {}),
    },
    published: options.today,
    expires: addYear(options.today),
    directions,
    rules: general.rules,
  };
  return { pack, review };
}
