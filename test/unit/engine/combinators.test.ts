import { describe, expect, it } from 'vitest';
import type { Condition } from '@/lib/engine/condition';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import type { ConditionStatus } from '@/lib/engine/result';

const data = { a: 1 };
const PASS: Condition = { op: 'eq', field: 'a', value: 1 };
const FAIL: Condition = { op: 'eq', field: 'a', value: 2 };
const UNKNOWN: Condition = { op: 'eq', field: 'missing', value: 1 };

const table: [string, Condition, ConditionStatus][] = [
  ['all of pass, pass', { all: [PASS, PASS] }, 'pass'],
  ['all with a fail beats unknown', { all: [UNKNOWN, FAIL, PASS] }, 'fail'],
  ['all with unknown and pass', { all: [PASS, UNKNOWN] }, 'unknown'],
  ['any with a pass beats unknown', { any: [UNKNOWN, FAIL, PASS] }, 'pass'],
  ['any with unknown and fail', { any: [FAIL, UNKNOWN] }, 'unknown'],
  ['any of fail, fail', { any: [FAIL, FAIL] }, 'fail'],
  ['not pass', { not: PASS }, 'fail'],
  ['not fail', { not: FAIL }, 'pass'],
  ['not unknown stays unknown', { not: UNKNOWN }, 'unknown'],
  ['nested', { all: [{ any: [FAIL, PASS] }, { not: { all: [PASS, FAIL] } }] }, 'pass'],
];

describe('all / any / not', () => {
  it.each(table)('%s → %s', (_, condition, status) => {
    expect(evaluateCondition(condition, rootScope(data)).status).toBe(status);
  });

  it('keeps only the deciding leaves', () => {
    const all = evaluateCondition({ all: [PASS, FAIL, UNKNOWN] }, rootScope(data));
    expect(all.deciding).toEqual([{ op: 'eq', path: 'a', status: 'fail', actual: 1, expected: 2 }]);
    const any = evaluateCondition({ any: [FAIL, UNKNOWN] }, rootScope(data));
    expect(any.deciding.map((l) => l.missing)).toEqual([['missing']]);
  });
});
