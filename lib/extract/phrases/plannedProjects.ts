import { firstRead } from './match';
import type { PhraseMatch } from './match';
import { NUMBER, readNumber } from './number';

export interface PlannedProjectsPhrase {
  min: number;
  max: number;
  approx: boolean;
  text: string;
}

// "3个", "2-3个", "5~6 个", "20个项目左右", "3项", "约10个", "35-40个左右", "３個"
const PLANNED = new RegExp(
  `(约|大约)?\\s*(${NUMBER})\\s*(?:[-~—–至到]\\s*(${NUMBER})\\s*)?(?:个|项)(?:项目|课题)?\\s*(左右)?`,
);

/** The first count of projects in `text` ("2-3个" → 2..3), or undefined when there is none. */
export function parsePlannedProjects(text: string): PlannedProjectsPhrase | undefined {
  return firstRead(text, PLANNED, read);
}

function read(m: PhraseMatch): PlannedProjectsPhrase | undefined {
  const [about, first, second, around] = m.groups;
  const min = readNumber(first!);
  const max = second === undefined ? min : readNumber(second);
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) return undefined;
  return { min, max, approx: Boolean(about || around), text: m.text };
}
