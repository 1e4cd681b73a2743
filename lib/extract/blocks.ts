import { fold } from './fold';
import { HEADING, LABEL, SECTION } from './paragraphs';

/** The paragraphs of one direction, from its heading to the next heading or section. */
export interface DirectionBlock {
  code: string;
  /** The heading paragraph after the code, as printed. */
  title: string;
  paragraphs: string[];
}

export interface GuidelineBlocks {
  /** Text before the first direction: the title and the batch-level facts. */
  preamble: string[];
  directions: DirectionBlock[];
  /** Paragraphs after the directions' section (e.g. "三、申报要求"), not read into directions. */
  trailer: string[];
}

/**
 * Cut paragraphs into directions. A heading counts only if a direction label (拟支持项目数, 领域方向 …)
 * follows before the next heading: "1.5 倍" in running text, or a numbered list in an unrelated
 * document, is not a direction.
 */
export function splitDirections(paragraphs: string[]): GuidelineBlocks {
  const folded = paragraphs.map(fold);
  const candidates = folded.flatMap((p, i) => (HEADING.test(p) ? [i] : []));
  const headings = candidates.filter((start, k) => {
    const end = candidates[k + 1] ?? folded.length;
    return folded.slice(start + 1, end).some((p) => LABEL.test(p));
  });

  const blocks: GuidelineBlocks = {
    preamble: paragraphs.slice(0, headings[0] ?? paragraphs.length),
    directions: [],
    trailer: [],
  };
  headings.forEach((start, k) => {
    let end = headings[k + 1] ?? paragraphs.length;
    const section = folded.slice(start + 1, end).findIndex((p) => SECTION.test(p));
    if (section >= 0) {
      blocks.trailer.push(...paragraphs.slice(start + 1 + section, end));
      end = start + 1 + section;
    }
    const heading = HEADING.exec(folded[start]!)!;
    blocks.directions.push({
      code: `${Number(heading[1])}.${Number(heading[2])}`,
      title: paragraphs[start]!.slice(heading[0].length).trim(),
      paragraphs: paragraphs.slice(start + 1, end),
    });
  });
  return blocks;
}
