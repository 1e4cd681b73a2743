// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { placeMarkers } from '@/lib/overlay/markers';
import { createValueSweep } from '@/lib/overlay/valueSweep';
import type { FieldMap } from '@/lib/portal/fieldMapSchema';
import { cleanUpAll, isLive } from '@/lib/portal/live';
import { type Control, locateFields, lostFields } from '@/lib/portal/locate';
import fieldMapJson from '@/rules/portal/most-gov-cn.json';

/**
 * A frame shell's menu loads the next section into the frame: in Firefox every reference the content script kept
 * into the old section page becomes a dead object that throws on any access. Relocating, sweeping, drawing markers
 * and cleaning up must treat such a control as gone, not throw (a throw there left the new section page unwatched,
 * unsaved and unrestored).
 */

const fieldMap = fieldMapJson as unknown as FieldMap;

/** What Firefox hands back for a node of an unloaded frame document. */
const dead = <T extends object>(node: T): T =>
  new Proxy(node, {
    get() {
      throw new TypeError("can't access dead object");
    },
  });

const section = (label: string, name: string) =>
  `<table><tr><td>申报编号</td><td>SQ1</td></tr><tr><td class="label">${label}</td><td><input name="${name}" value="1"></td></tr></table>`;

test('a control of a gone frame page is not live, and its field is not reported lost', () => {
  document.body.innerHTML = section('项目名称', 'xmmc');
  const before = locateFields(document, fieldMap);
  const control = before.fields[0]!.controls[0]!;
  expect(isLive(control)).toBe(true);
  expect(isLive(dead(control))).toBe(false);
  // the next section page replaces the old one, whose control is now dead
  document.body.innerHTML = section('中央财政经费（万元）', 'zyczjf');
  const now = locateFields(document, fieldMap);
  const seen = new Map<string, Control[]>([['project.nameZh', [dead(control)]]]);
  expect(lostFields(seen, now)).toEqual([]);
});

test('the value sweep and the markers pass over a dead control', () => {
  document.body.innerHTML = section('中央财政经费（万元）', 'zyczjf');
  const live = document.querySelector<HTMLInputElement>('[name=zyczjf]')!;
  const gone = dead(document.createElement('input'));
  const sweep = createValueSweep();
  const map = locateFields(document, fieldMap);
  const withGone = { ...map, fields: [{ ...map.fields[0]!, controls: [gone] }, ...map.fields] };
  sweep.remember([gone, live]);
  live.value = '450';
  expect(sweep.changed(withGone)).toEqual([live]);
  const marker = { ruleId: 'r', severity: 'warning' as const, text: '超过', paths: ['budget.central'] };
  expect(placeMarkers([marker], () => gone as Control, window)).toEqual([]);
});

test('cleaning up goes on past a listener of a gone frame document', () => {
  const done: string[] = [];
  const cleanups = [
    () => done.push('first'),
    () => {
      throw new TypeError("can't access dead object");
    },
    () => done.push('last'),
  ];
  cleanUpAll(cleanups);
  expect(done).toEqual(['first', 'last']);
  expect(cleanups).toEqual([]);
});
