import { fold } from './fold';
import { parseBudget } from './phrases/budget';
import { parseDuration } from './phrases/duration';
import { NUMBER, readNumber } from './phrases/number';
import { parsePlannedProjects } from './phrases/plannedProjects';
import type { BatchFacts } from './review';

/** What the text before the first direction says about the guideline as a whole. */
export interface GuidelineFacts {
  title?: string;
  year?: number;
  batch?: string;
  issuer?: string;
  batchFacts: BatchFacts;
}

/** "国家重点研发计划…重点专项 2019年度第一批项目申报指南建议", without "附件 2：" or a notice's "关于转发《". */
const TITLE = /^(?:附件\s*\d+\s*:?\s*)?(?:关于[^《]{0,10}《)?(.{4,120}?指南(?:建议|\(征求意见稿\))?)/;

/** Read the preamble. Batch figures are found by their wording and never attached to a direction. */
export function readGuideline(preamble: string[]): GuidelineFacts {
  const text = preamble.join('\n');
  const folded = fold(text);
  const facts: GuidelineFacts = { batchFacts: {} };
  const title = TITLE.exec(folded.replace(/\n/g, ''));
  if (title) {
    const start = title[0].length - title[1]!.length;
    facts.title = text.replace(/\n/g, '').slice(start, title[0].length).trim();
    const year = /(\d{4})\s*年/.exec(title[1]!);
    if (year) facts.year = Number(year[1]);
    const batch = /第[一二三四五六七八九十\d]+批/.exec(facts.title);
    if (batch) facts.batch = batch[0];
  }
  if (/科技部|科学技术部/.test(folded)) facts.issuer = '科学技术部 (Ministry of Science and Technology)';

  const count = new RegExp(`设立\\s*(${NUMBER})\\s*个\\s*指南方向`).exec(folded);
  if (count) facts.batchFacts.directionCount = { value: readNumber(count[1]!), text: count[0] };
  const planned = /(?:项目任务数|拟支持项目数)[^。]*/.exec(folded);
  if (planned)
    facts.batchFacts.plannedProjects = parsePlannedProjects(
      text.slice(planned.index, planned.index + planned[0].length),
    );
  const budget = /(?:经费总概算|拟支持经费|总经费)[^。]*/.exec(folded);
  if (budget) facts.batchFacts.totalBudget = parseBudget(text.slice(budget.index, budget.index + budget[0].length));
  const duration = /(?:实施周期|执行期|实施期)[^。]*/.exec(folded);
  if (duration)
    facts.batchFacts.durationText = parseDuration(
      text.slice(duration.index, duration.index + duration[0].length),
    )?.text;
  return facts;
}
