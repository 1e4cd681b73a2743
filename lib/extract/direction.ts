import type { Contact, Direction } from '../packs/schema';
import { leadingName, parseAreaItem, parseInlineAreas } from './areas';
import type { AreaDraft } from './areas';
import type { DirectionBlock } from './blocks';
import { CONTACT_LABEL, parseContacts } from './contacts';
import { fold } from './fold';
import { AREA_ITEM, BUDGET_LABELS, ITEM, LABEL, labelName, SUB_ITEM } from './paragraphs';
import { parseBudget } from './phrases/budget';
import { parsePlannedProjects } from './phrases/plannedProjects';
import { placeRules, readSentence, sentences } from './sentences';
import type { DraftWithQuote } from './sentences';
import type { RuleDraft } from './requirements';
import type { AccountedSentence, ReviewItem, UnmappedSentence } from './review';

export interface DirectionRead {
  direction: Direction;
  items: ReviewItem[];
  unmapped: UnmappedSentence[];
  sentences: AccountedSentence[];
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

/** Text after the first "：" of a label paragraph. */
function afterLabel(paragraph: string): string {
  return paragraph.slice(LABEL.exec(fold(paragraph))![0].length).trim();
}

/** The paragraph without its leading "1）" / "（1）" / "1." marker. */
export function withoutMarker(paragraph: string): string {
  const folded = fold(paragraph);
  const m = /^(?:\d{1,2}\s*[).]|\(\d{1,2}\))\s*/.exec(folded);
  return m ? paragraph.slice(m[0].length) : paragraph;
}

function agreementsOf(text: string): string[] {
  const titles = text.match(/《[^》]+》(?:[（(]\d{4}年?[）)])?/g);
  if (titles) return titles;
  const plain = text.replace(/[。\s]+$/, '');
  return plain ? [plain] : [];
}

/**
 * The direction's budget over its planned projects is the funding per project; a request above it is pointed
 * out (info). How far above should block is the guideline's to say, not ours: a stated cap is `budget-max-*`.
 */
function budgetRule(): RuleDraft {
  return {
    slug: 'budget-near-funding-per-project',
    kind: 'check',
    severity: 'info',
    section: 'budget',
    confidence: 0.7,
    fields: ['budget.central'],
    title: {
      zh: '申请经费与本方向单项目平均资助相称',
      en: 'Requested funding in line with the direction’s funding per project',
    },
    explain: {
      zh: '共拟支持经费除以拟支持项目数即单项目平均资助；申请中央财政经费高于它时提示。',
      en: 'Total budget divided by planned projects gives the funding per project; a request above it is pointed out.',
    },
    message: {
      zh: '申请 {actual} 万元，高于单项目平均资助 {max} 万元。',
      en: 'Requested {actual} 万元, above the funding per project ({max} 万元).',
    },
    check: { op: 'lte', field: 'budget.central', value: { fact: 'direction.fundingPerProject' } },
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
  /** Paragraphs read sentence by sentence; `all`: every sentence is accounted for (其他要求), not only requirement-bearing ones. */
  const requirementItems: { text: string; all: boolean }[] = [];
  const drafts: DraftWithQuote[] = [];
  const accounted: AccountedSentence[] = [];

  for (const paragraph of block.paragraphs) {
    const folded = fold(paragraph);
    const label = labelName(folded);
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
    } else if (label && BUDGET_LABELS.includes(label)) {
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
      if (context === 'requirements' && inline) requirementItems.push({ text: inline, all: true });
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
      const last = requirementItems.at(-1);
      if (ITEM.test(folded) || SUB_ITEM.test(folded) || !last?.all)
        requirementItems.push({ text: withoutMarker(paragraph), all: true });
      else last.text += paragraph;
    } else if (context === 'none') {
      // Outside any label ("项目须由企业牵头申报。" after the budget line): requirement-bearing sentences only.
      requirementItems.push({ text: withoutMarker(paragraph), all: false });
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

  for (const { text: item, all } of requirementItems) {
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
      const read = readSentence(sentence, code, all);
      if (read.duration)
        // "为 2 年" → "2年": the verb and the PDF's spaces are not part of the limit.
        direction.durationText ??= read.duration.text.replace(/^[为為]\s*/, '').replace(/\s+/g, '');
      drafts.push(...read.drafts);
      unmapped.push(...read.listed);
      if (read.accounted) accounted.push(read.accounted);
    }
  }

  placeRules(drafts, {
    idPrefix: `${packId}/${code}`,
    rules: direction.rules,
    items,
    accounted,
    path: `${at}.rules`,
    direction: code,
  });
  return { direction, items, unmapped, sentences: accounted };
}
