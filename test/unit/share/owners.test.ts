import { expect, test } from 'vitest';
import { assignOwner, filterMine } from '@/lib/share/owners';
import { emptyChecklist } from '@/lib/core/vocabulary';

test('assigning an owner sets, replaces and clears a name without touching the original', () => {
  const empty = emptyChecklist();
  const one = assignOwner(empty, 'r1', ' 王芳 ');
  expect(one.owners).toEqual({ r1: '王芳' });
  expect(empty.owners).toEqual({});
  expect(assignOwner(one, 'r1', '李娜').owners).toEqual({ r1: '李娜' });
  expect(assignOwner(one, 'r1', '  ').owners).toEqual({});
});

const items = [
  { ruleId: 'a', owner: '王芳' },
  { ruleId: 'b', owner: '李娜' },
  { ruleId: 'c' },
  { ruleId: 'd', owner: ' 王芳' },
  { ruleId: 'e', owner: 'Anna Berg' },
];

test.each([
  ['王芳', ['a', 'd']],
  ['王芳 ', ['a', 'd']],
  ['李娜', ['b']],
  ['anna berg', ['e']],
  ['ＡＮＮＡ ＢＥＲＧ', ['e']],
  ['张伟', []],
  ['', []],
])('"mine" for %j: %j', (name, expected) => {
  expect(filterMine(items, name).map((i) => i.ruleId)).toEqual(expected);
});
