import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDraft, NoDirectionError } from '@/lib/extract/extract';
import { pdfText } from '@/lib/extract/pdfText';
import { parsePack } from '@/lib/packs/parsePack';
import { minimalPdf } from './minimalPdf';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/extract', name), 'utf8');
const today = '2025-03-01';

describe('texts the extractor has never seen', () => {
  it('reads traditional characters and full-width digits', () => {
    const { pack } = extractDraft(fixture('traditional.txt'), { today });
    const [d] = pack.directions;
    expect(d).toMatchObject({
      code: '1.1',
      title: { zh: '內地與香港聯合資助研發項目' },
      plannedProjects: { min: 3, max: 3, approx: false, text: '３個' },
      totalBudget: { amount: 1000, text: '1000萬元' },
      durationText: '２年',
    });
    expect(d!.contacts).toEqual([{ name: '陳大文', phone: '+852-1234 5678', email: 'tai.man@example.hk' }]);
    expect(d!.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['2021/1.1/duration-24m', '2021/1.1/consistent-with-partner']),
    );
    expect(parsePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('invents nothing: one direction without a budget has no budget and no budget rule', () => {
    const { pack, review } = extractDraft(fixture('one-direction-no-budget.txt'), { today });
    expect(pack.directions).toHaveLength(1);
    const [d] = pack.directions;
    expect(d!.totalBudget).toBeUndefined();
    expect(d!.durationText).toBeUndefined();
    expect(d!.contacts).toEqual([]);
    expect(d!.plannedProjects).toMatchObject({ min: 15, max: 15 });
    expect(d!.rules.map((r) => r.id)).toEqual(['draft/2.3/both-sides-apply']);
    // No title or year in a fragment: said so, not made up.
    expect(review.notes.join('\n')).toMatch(/Guideline title not found/);
    expect(review.notes.join('\n')).toMatch(/Year not found/);
    expect(parsePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('reads a notice that quotes a guideline, and flags a contact not on the partner side', () => {
    const { pack, review } = extractDraft(fixture('notice-quoting.txt'), { today });
    expect(pack.title.zh).toBe('国家重点研发计划某重点专项2022年度项目申报指南');
    expect(pack.directions.map((d) => d.code)).toEqual(['1.4']);
    const [d] = pack.directions;
    expect(d).toMatchObject({
      plannedProjects: { min: 5, max: 6 },
      totalBudget: { amount: 2000 },
      durationText: '原则上不超过3年',
    });
    const contact = review.items.find((i) => i.path === 'directions[0].contacts[0]')!;
    expect(contact.confidence).toBeLessThan(0.8);
  });

  it.each([
    ['unrelated.txt', fixture('unrelated.txt')],
    ['empty', ''],
    ['binary', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))],
  ])('%s: no guideline direction found', (_name, text) => {
    expect(() => extractDraft(text, { today })).toThrow(NoDirectionError);
    expect(() => extractDraft(text, { today })).toThrow('未识别到指南方向 (no guideline direction found)');
  });
});

describe('pdfText', () => {
  it('reads the text layer of a PDF line by line, and the draft from it', async () => {
    const lines = [
      '1.4 中国和瑞典政府间科技合作项目',
      '拟支持项目数：5~6 个。',
      '— 4 —',
      '共拟支持经费：2000万元人民币。',
      '其他要求：',
      '1）项目执行期原则上不超',
      '过 3年。',
    ];
    const text = await pdfText(minimalPdf(lines));
    expect(text.split('\n')).toEqual(lines);
    const { pack } = extractDraft(text, { today });
    expect(pack.directions[0]).toMatchObject({
      code: '1.4',
      plannedProjects: { min: 5, max: 6 },
      totalBudget: { amount: 2000 },
      durationText: '原则上不超过3年',
    });
  });
});
