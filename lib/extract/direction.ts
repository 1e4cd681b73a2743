import type { Condition } from '../engine/condition';
import type { Contact, Direction, Rule } from '../packs/schema';
import { leadingName, parseAreaItem, parseInlineAreas } from './areas';
import type { AreaDraft } from './areas';
import type { DirectionBlock } from './blocks';
import { CONTACT_LABEL, parseContacts } from './contacts';
import { fold } from './fold';
import { AREA_ITEM, ITEM, LABEL, SUB_ITEM } from './paragraphs';
import { parseBudget } from './phrases/budget';
import { parseDuration } from './phrases/duration';
import type { DurationPhrase } from './phrases/duration';
import { parsePlannedProjects } from './phrases/plannedProjects';
import { requirementRules, unmappedReason } from './requirements';
import type { RuleDraft } from './requirements';
import type { ReviewItem, UnmappedSentence } from './review';

export interface DirectionRead {
  direction: Direction;
  items: ReviewItem[];
  unmapped: UnmappedSentence[];
}

type Context = 'none' | 'agreements' | 'areas' | 'content' | 'requirements';

const labelContext: Record<string, Context> = {
  合作协议: 'agreements',
  领域方向: 'areas',
  研究领域包括: 'areas',
  研究内容包括: 'content',
  主要内容: 'content',
  预期考核指标: 'content',
  考核指标: 'content',
  其他要求: 'requirements',
  其它要求: 'requirements',
};

const DURATION_WORDS = /执行期|实施期|实施周期|执行期限|项目周期|执行年限|研究期限/;
/** The budget rule warns at this multiple of the funding per project; a default the admin should confirm. */
const FAR_ABOVE = 1.5;

/** Text after the first "：" of a label paragraph. */
function afterLabel(paragraph: string): string {
  return paragraph.slice(LABEL.exec(fold(paragraph))![0].length).trim();
}

/** The paragraph without its leading "1）" / "（1）" / "1." marker. */
function withoutMarker(paragraph: string): string {
  const folded = fold(paragraph);
  const m = /^(?:\d{1,2}\s*[).]|\(\d{1,2}\))\s*/.exec(folded);
  return m ? paragraph.slice(m[0].length) : paragraph;
}

/** Sentences ending in "。", as printed. */
function sentences(text: string): string[] {
  return (text.match(/[^。]+。?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。，,；;\s]/g, '').length >= 2);
}

function agreementsOf(text: string): string[] {
  const titles = text.match(/《[^》]+》(?:[（(]\d{4}年?[）)])?/g);
  if (titles) return titles;
  const plain = text.replace(/[。\s]+$/, '');
  return plain ? [plain] : [];
}

function durationRule(phrase: DurationPhrase): RuleDraft {
  const { minMonths: min, maxMonths: max } = phrase;
  const field = 'project.durationMonths';
  let slug: string;
  let check: Condition;
  let zh: string;
  let en: string;
  if (min !== undefined && max !== undefined && min === max) {
    [slug, check, zh, en] = [
      `duration-${max}m`,
      { op: 'between', field, min, max },
      `执行期为 ${max} 个月`,
      `Duration is ${max} months`,
    ];
  } else if (min !== undefined && max !== undefined) {
    [slug, check, zh, en] = [
      `duration-${min}-${max}m`,
      { op: 'between', field, min, max },
      `执行期 ${min}–${max} 个月`,
      `Duration ${min}–${max} months`,
    ];
  } else if (max !== undefined) {
    [slug, check, zh, en] = [
      `duration-max-${max}m`,
      { op: 'lte', field, value: max },
      `执行期不超过 ${max} 个月`,
      `Duration at most ${max} months`,
    ];
  } else {
    [slug, check, zh, en] = [
      `duration-min-${min}m`,
      { op: 'gte', field, value: min! },
      `执行期不少于 ${min} 个月`,
      `Duration at least ${min} months`,
    ];
  }
  return {
    slug,
    kind: 'check',
    section: 'basic',
    check,
    confidence: 0.9,
    // "原则上" (in principle) allows exceptions: warn rather than block.
    severity: phrase.inPrinciple ? 'warning' : 'error',
    fields: ['project.startDate', 'project.endDate'],
    title: { zh, en },
    explain: {
      zh: `指南规定项目执行期${phrase.text}。`,
      en: `The guideline sets the project duration: ${phrase.text}.`,
    },
    message: {
      zh: '执行期为 {actual} 个月，要求：{expected}。',
      en: 'Duration is {actual} months; required: {expected}.',
    },
  };
}

function budgetRule(): RuleDraft {
  return {
    slug: 'budget-near-funding-per-project',
    kind: 'check',
    severity: 'warning',
    section: 'budget',
    confidence: 0.6,
    fields: ['budget.central'],
    title: {
      zh: '申请经费与本方向单项目平均资助相称',
      en: 'Requested funding in line with the direction’s funding per project',
    },
    explain: {
      zh: `共拟支持经费除以拟支持项目数即单项目平均资助；申请中央财政经费超过其 ${FAR_ABOVE} 倍时提醒。`,
      en: `Total budget divided by planned projects gives the funding per project; a request above ${FAR_ABOVE}× that is flagged.`,
    },
    message: {
      zh: '申请 {actual} 万元，远高于单项目平均资助（上限参考 {max} 万元）。',
      en: 'Requested {actual} 万元, far above the funding per project (reference {max} 万元).',
    },
    check: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject', times: FAR_ABOVE } },
  };
}

function toArea(a: AreaDraft): Direction['areas'][number] {
  return { name: a.name, subAreas: a.subAreas };
}

/** Read one direction's facts, rules and contacts. `packId` prefixes rule ids. */
export function readDirection(block: DirectionBlock, index: number, packId: string): DirectionRead {
  const { code } = block;
  const at = `directions[${index}]`;
  const items: ReviewItem[] = [];
  const unmapped: UnmappedSentence[] = [];
  const complete = /(项目|计划)$/.test(fold(block.title));
  const direction: Direction = {
    code,
    title: { zh: block.title, en: `[to translate] ${block.title}` },
    agreements: [],
    areas: [],
    contacts: [],
    rules: [],
  };
  items.push({
    path: `${at}.title`,
    direction: code,
    what: `${code} ${block.title}`,
    confidence: complete ? 0.95 : 0.6,
    quote: block.title,
    note: complete ? undefined : 'title does not end in 项目/计划: check where it ends',
  });

  let context: Context = 'none';
  let inlineAreas = '';
  const areaItems: AreaDraft[] = [];
  const requirementItems: string[] = [];
  const drafts: { draft: RuleDraft; quote: string }[] = [];

  for (const paragraph of block.paragraphs) {
    const folded = fold(paragraph);
    const label = LABEL.exec(folded)?.[1];
    if (label === '拟支持项目数') {
      const planned = parsePlannedProjects(afterLabel(paragraph));
      if (planned) {
        direction.plannedProjects = planned;
        items.push({
          path: `${at}.plannedProjects`,
          direction: code,
          what: `planned projects ${planned.text}`,
          confidence: 0.95,
          quote: paragraph,
        });
      } else
        items.push({
          path: `${at}.plannedProjects`,
          direction: code,
          what: 'planned projects not read',
          confidence: 0,
          quote: paragraph,
        });
      context = 'none';
    } else if (label === '共拟支持经费' || label === '拟支持经费') {
      const budget = parseBudget(afterLabel(paragraph));
      if (budget) {
        direction.totalBudget = budget;
        items.push({
          path: `${at}.totalBudget`,
          direction: code,
          what: `total budget ${budget.amount} 万元`,
          confidence: 0.95,
          quote: paragraph,
        });
        if (direction.plannedProjects) drafts.push({ draft: budgetRule(), quote: paragraph });
      } else
        items.push({
          path: `${at}.totalBudget`,
          direction: code,
          what: 'total budget not read',
          confidence: 0,
          quote: paragraph,
        });
      context = 'none';
    } else if (label) {
      context = labelContext[label] ?? 'none';
      const inline = afterLabel(paragraph);
      if (context === 'agreements') direction.agreements.push(...agreementsOf(inline));
      if (context === 'areas' && label === '领域方向') inlineAreas = inline;
      if (context === 'requirements' && inline) requirementItems.push(inline);
    } else if (context === 'agreements') {
      direction.agreements.push(...agreementsOf(paragraph));
    } else if (
      (context === 'areas' || context === 'content') &&
      AREA_ITEM.test(folded) &&
      requirementItems.length === 0
    ) {
      areaItems.push(parseAreaItem(withoutMarker(paragraph)));
      context = 'areas';
    } else if (context === 'areas' && SUB_ITEM.test(folded) && areaItems.length > 0) {
      const sub = leadingName(withoutMarker(paragraph));
      if (sub) areaItems.at(-1)!.subAreas.push(sub);
    } else if (context === 'requirements') {
      if (ITEM.test(folded) || requirementItems.length === 0) requirementItems.push(withoutMarker(paragraph));
      else requirementItems[requirementItems.length - 1] += paragraph;
    }
  }

  direction.areas = (areaItems.length ? areaItems : parseInlineAreas(inlineAreas)).map(toArea);
  if (direction.areas.length) {
    items.push({
      path: `${at}.areas`,
      direction: code,
      what: `${direction.areas.length} areas: ${direction.areas.map((a) => a.name).join('；')}`,
      confidence: areaItems.length ? 0.85 : 0.75,
    });
  }
  if (direction.agreements.length) {
    items.push({
      path: `${at}.agreements`,
      direction: code,
      what: `${direction.agreements.length} agreements`,
      confidence: 0.9,
    });
  }

  for (const item of requirementItems) {
    const label = CONTACT_LABEL.exec(fold(item));
    const rulesPart = label ? item.slice(0, label.index) : item;
    if (label) {
      for (const contact of parseContacts(item.slice(label.index + label[0].length))) {
        // "瑞方联系人" names the partner side; "科研处联系人" in a forwarding notice is someone else.
        const partnerSide = /方联系/.test(label[0]);
        const named = Boolean(contact.name);
        const confidence = !partnerSide ? 0.6 : named && (contact.email || contact.phone) ? 0.85 : 0.5;
        // No person named ("欧方联系方式：<email>"): the printed label stands in for the name.
        if (!contact.name)
          contact.name = item.slice(label.index, label.index + label[0].length).replace(/[为為:：\s]+$/, '');
        direction.contacts.push(contact satisfies Contact);
        items.push({
          path: `${at}.contacts[${direction.contacts.length - 1}]`,
          direction: code,
          confidence,
          what: `contact ${contact.name || '(no name)'} ${contact.email ?? ''} ${contact.phone ?? ''}`.trim(),
          quote: item.slice(label.index),
          note: !partnerSide
            ? 'not marked as the partner side (X方联系人)'
            : named
              ? undefined
              : 'no person named: the label stands in for the name',
        });
      }
    }
    for (const sentence of sentences(rulesPart)) {
      const foldedSentence = fold(sentence);
      const found = requirementRules(foldedSentence);
      if (DURATION_WORDS.test(foldedSentence)) {
        const phrase = parseDuration(sentence);
        if (phrase) {
          // "为 2 年" → "2年": the verb and the PDF's spaces are not part of the limit.
          direction.durationText ??= phrase.text.replace(/^[为為]\s*/, '').replace(/\s+/g, '');
          found.push(durationRule(phrase));
        }
      }
      if (found.length === 0) unmapped.push({ direction: code, sentence, reason: unmappedReason(foldedSentence) });
      for (const draft of found) drafts.push({ draft, quote: sentence });
    }
  }

  const seen = new Set<string>();
  for (const { draft, quote } of drafts) {
    if (seen.has(draft.slug) || quote.length < 4) continue;
    seen.add(draft.slug);
    const { slug, confidence, ...rest } = draft;
    const rule: Rule = { id: `${packId}/${code}/${slug}`, quote, ...rest };
    direction.rules.push(rule);
    items.push({
      path: `${at}.rules[${direction.rules.length - 1}]`,
      direction: code,
      what: `${rule.kind} ${slug}`,
      confidence,
      quote,
      note:
        slug === 'budget-near-funding-per-project'
          ? `warning threshold ${FAR_ABOVE}× funding per project is a default`
          : undefined,
    });
  }
  return { direction, items, unmapped };
}
