import { firstRead } from './match';
import type { PhraseMatch } from './match';
import { NUMBER, readNumber } from './number';

export interface PlannedProjectsPhrase {
  min: number;
  max: number;
  approx: boolean;
  text: string;
}

// "3个", "2-3个", "5~6 个", "20个项目左右", "3项", "约10个", "35-40个左右", "３個", "不超过 6 个", "6个以内"
const PLANNED = new RegExp(
  `(约|大约|不超过|不多于|最多|至多)?\\s*(${NUMBER})\\s*(?:[-~—–至到]\\s*(${NUMBER})\\s*)?(?:个|项)(?:项目|课题)?\\s*(左右|以内|以下)?`,
);
const AT_MOST = /^(?:不超过|不多于|最多|至多|以内|以下)$/;

/** The first count of projects in `text` ("2-3个" → 2..3), or undefined when there is none. */
export function parsePlannedProjects(text: string): PlannedProjectsPhrase | undefined {
  return firstRead(text, PLANNED, read);
}

function read(m: PhraseMatch): PlannedProjectsPhrase | undefined {
  const [before, first, second, after] = m.groups;
  const max = readNumber(second ?? first!);
  // "不超过 6 个" is at most 6, not exactly 6: no lower bound is stated.
  const atMost = AT_MOST.test(before ?? '') || AT_MOST.test(after ?? '');
  const min = atMost ? 0 : readNumber(first!);
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) return undefined;
  const approx = !atMost && Boolean(before || after);
  return { min, max, approx, text: m.text };
}
