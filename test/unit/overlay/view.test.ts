import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyChecklist, type Lang } from '@/lib/core/vocabulary';
import { evaluate, findDirection } from '@/lib/engine/evaluate';
import { formTitlesOf } from '@/lib/i18n/labels';
import { initialState, type OverlayState } from '@/lib/overlay/state';
import { emptyPatch } from '@/lib/portal/mapping';
import { toMarkers, toOverlayView, toPanelView } from '@/lib/overlay/view';
import { t } from '@/lib/i18n/messages';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import profileJson from '@/rules/portal/most-gov-cn.json';
import { application, pack } from '../report/fixtures';

const formTitles = formTitlesOf(profileJson as unknown as FieldMap);
const appDir = join(import.meta.dirname, '../../fixtures/applications');
const cases = ['2019-intl-1', '2020-hmt'].flatMap((packId) =>
  readdirSync(join(appDir, packId))
    .filter((f) => /^\d\.\d\..*json$/.test(f))
    .map((file) => [packId, file] as const),
);

/** The panel's view of a fixture application, as the overlay computes it. */
function viewOf(packId: string, file: string, lang: Lang = 'zh', app = application(packId, file)) {
  const rulePack = pack(packId);
  const code = file.split('.').slice(0, 2).join('.');
  const direction = findDirection(rulePack, code)!;
  const state: OverlayState = {
    ...initialState(emptyPatch('apply', 'service.most.gov.cn', '/apply')),
    phase: 'ready',
    lang,
    direction: { pack: rulePack, direction },
    findings: evaluate(rulePack, code, app),
    checklist: emptyChecklist(),
  };
  return toPanelView(state, formTitles);
}

/** Internals no applicant should read: dotted model paths and rule ids; in Chinese text, English enum values too. */
const paths = '(project|leadUnit|participants|pi|foreignPartners|budget|attachments|units|direction)\\.\\w';
const ruleIds = '\\d{4}-[a-z]+-\\d+/';
const internals = {
  en: new RegExp(`${paths}|${ruleIds}`),
  zh: new RegExp(`\\b(enterprise|university|institute)\\b|${paths}|${ruleIds}`),
};

describe.each(cases)('%s %s in the panel', (packId, file) => {
  const view = viewOf(packId, file);

  it('lists what blocks submission first: no passed check before an error, warning or 信息不全', () => {
    const order = view.items.map((i) => i.verdict);
    const firstPass = order.indexOf('pass');
    for (const blocking of ['error', 'warning', 'unknown'] as const) {
      const last = order.lastIndexOf(blocking);
      const checks = view.items.filter((i) => i.kind === 'check').map((i) => i.verdict);
      if (last >= 0 && checks.includes('pass'))
        expect(checks.lastIndexOf(blocking)).toBeLessThan(checks.indexOf('pass'));
    }
    expect(firstPass === -1 || order.slice(0, firstPass).every((v) => v !== 'pass')).toBe(true);
  });

  it('counts agree with the items', () => {
    for (const v of ['error', 'warning', 'info', 'confirm', 'unknown', 'pass'] as const)
      expect(view.counts[v]).toBe(view.items.filter((i) => i.verdict === v).length);
  });

  it.each(['zh', 'en'] as const)('says nothing internal, in %s, and explains every open item', (lang) => {
    const v = lang === 'zh' ? view : viewOf(packId, file, 'en');
    for (const item of v.items) {
      for (const text of [item.title, item.message, item.explain, ...item.missing.map((m) => m.label)])
        expect(text, item.ruleId).not.toMatch(internals[lang]);
      if (item.verdict !== 'pass') expect(item.explain, item.ruleId).not.toBe('');
    }
  });
});

describe('信息不全 names the fields to fill by the form’s labels', () => {
  it('an empty application names the lead unit’s type as the form does', () => {
    const view = viewOf('2019-intl-1', '1.6.pass.json', 'zh', application('2019-intl-1', '1.6.pass.json'));
    const emptyApp = { ...application('2019-intl-1', '1.6.pass.json'), leadUnit: {}, participants: [] };
    const empty = viewOf('2019-intl-1', '1.6.pass.json', 'zh', emptyApp as never);
    const lead = empty.items.find((i) => i.ruleId === '2019-intl-1/1.6/research-lead')!;
    expect(view.items.find((i) => i.ruleId === lead.ruleId)!.verdict).toBe('pass');
    expect(lead.verdict).toBe('unknown');
    expect(lead.missing).toEqual([{ label: '申报单位性质', paths: ['leadUnit.type'] }]);
  });

  it('an enterprise lead names 其他来源经费 for the matching rule and jumps there', () => {
    const app = application('2019-intl-1', '1.6.pass.json');
    const enterpriseLead = {
      ...app,
      leadUnit: { name: '甲公司', type: 'enterprise' as const },
      participants: [],
      budget: { central: 300 },
    };
    const item = viewOf('2019-intl-1', '1.6.pass.json', 'zh', enterpriseLead).items.find(
      (i) => i.ruleId === '2019-intl-1/1.6/enterprise-matching-funds',
    )!;
    expect(item.verdict).toBe('unknown');
    expect(item.missing).toEqual([{ label: '其他来源经费', paths: ['leadUnit.matchingFunds', 'budget.other'] }]);
  });

  it('a failing enum value reads as its name', () => {
    const app = application('2019-intl-1', '1.6.pass.json');
    const item = viewOf('2019-intl-1', '1.6.pass.json', 'zh', {
      ...app,
      leadUnit: { ...app.leadUnit, type: 'enterprise' },
    }).items.find((i) => i.ruleId === '2019-intl-1/1.6/research-lead')!;
    expect(item.message).toBe('申报单位类型为 企业，应为大学或科研院所');
  });
});

describe('fields the overlay cannot read with certainty', () => {
  const state = (lang: Lang): OverlayState => ({
    ...initialState(emptyPatch('apply', 'service.most.gov.cn', '/apply')),
    phase: 'ready',
    lang,
    ambiguous: [{ path: 'budget.central', labels: ['中央财政经费(万元)', '中央财政资金'] }],
    lostTrack: ['project.nameZh', 'project.endDate'],
  });
  it('names a field found twice and the fields a layout change lost, by their titles, in both languages', () => {
    const zh = toPanelView(state('zh'), formTitles).fieldNotes;
    expect(zh).toHaveLength(2);
    expect(zh[0]).toContain('中央财政经费(万元)、中央财政资金');
    expect(zh[0]).toContain('未读取');
    expect(zh[1]).toMatch(/页面布局已变化.*项目名称.*执行期限/);
    const en = toPanelView(state('en'), formTitles).fieldNotes;
    expect(en[0]).toContain('appears 2 times');
    expect(en[1]).toContain('changed its layout');
    for (const line of [...zh, ...en]) expect(line).not.toMatch(new RegExp(paths));
  });
});

describe('rules and marker texts kept between posts', () => {
  const rulePack = pack('2019-intl-1');
  const code = '1.7';
  const direction = { pack: rulePack, direction: findDirection(rulePack, code)! };
  const failing = cases.find(([p, f]) => p === '2019-intl-1' && f.startsWith('1.7.'))!;
  const state: OverlayState = {
    ...initialState(emptyPatch('apply', 'service.most.gov.cn', '/apply')),
    phase: 'ready',
    direction,
    findings: evaluate(rulePack, code, application(...failing)),
    checklist: emptyChecklist(),
  };
  const markersOf = (s: OverlayState) => toOverlayView(s).markers;

  it('markers and items follow the language and the rules, for the same finding objects', () => {
    const zh = markersOf(state);
    expect(zh.length).toBeGreaterThan(0);
    expect(zh).toEqual(toMarkers(state));
    const en = markersOf({ ...state, lang: 'en' });
    expect(en).toEqual(toMarkers({ ...state, lang: 'en' }));
    for (const [n, marker] of en.entries()) expect(marker.text).not.toBe(zh[n]!.text);
    expect(markersOf(state)).toEqual(zh);
    // The same findings under another pack version (reworded rules): the new rules' words, not the kept ones.
    const reworded = structuredClone(rulePack);
    for (const rule of [...reworded.rules, ...reworded.directions.flatMap((d) => d.rules)]) {
      rule.title = { zh: `新·${rule.title.zh}`, en: `New ${rule.title.en}` };
      if (rule.message) rule.message = { zh: `新·${rule.message.zh}`, en: `New ${rule.message.en}` };
    }
    const next = toOverlayView({ ...state, direction: { pack: reworded, direction: findDirection(reworded, code)! } });
    const own = next.markers.filter((m) => !m.ruleId.startsWith('input/'));
    expect(own.length).toBeGreaterThan(0);
    for (const marker of own) expect(marker.text).toMatch(/^新·/);
    const items = next.panel.items.filter((i) => !i.ruleId.startsWith('input/'));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.title).toMatch(/^新·/);
  });

  it('the rules of a direction are found again when its layers change', () => {
    const layer = structuredClone(rulePack);
    const rule = {
      ...rulePack.directions[0]!.rules[0]!,
      id: 'layer-pack/*/x',
      title: { zh: '科研处的条件', en: 'Office rule' },
    };
    Object.assign(layer, { id: 'layer-pack', directions: [], rules: [rule] });
    const findings = evaluate(rulePack, code, application(...failing), undefined, [layer]);
    const titleOf = (layers: typeof state.layers) =>
      toOverlayView({ ...state, layers, findings }).panel.items.find((i) => i.ruleId === rule.id)?.title;
    expect(titleOf([])).toBe(t('zh', 'unknownRule'));
    expect(titleOf([layer])).toBe('科研处的条件');
    expect(titleOf([])).toBe(t('zh', 'unknownRule'));
  });
});
