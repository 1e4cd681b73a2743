import { expect, it } from 'vitest';
import type { Condition } from '@/lib/engine/condition';
import { evaluateCondition, rootScope } from '@/lib/engine/evaluateCondition';
import type { ConditionStatus, LeafResult } from '@/lib/engine/result';

/** The context every operator folder's case table runs against (lib/operators/<folder>/<folder>.test.ts). */
export const data = {
  project: {
    startDate: '2020-01-01',
    endDate: '2021-12-31',
    nameZh: '量子 通信',
    nameEn: 'Quantum  Networks ',
    badDate: '2021-02-30',
  },
  budget: { central: 300, other: '120', text: 'abc' },
  pi: { name: '张三', email: '' },
  leadUnit: { type: 'university', name: 'Ａ大学', governmentFunding: 200, matchingFunds: 250 },
  direction: { fundingPerProject: 200 },
  partner: { memberships: ['RIKEN', 'FME'], none: [] as string[], institution: 'Norwegian University of Science' },
  units: [
    { name: 'A', type: 'university', affiliation: 'MOE', governmentFunding: 100, matchingFunds: 0 },
    { name: 'B', type: 'enterprise', affiliation: 'B', governmentFunding: 50, matchingFunds: 60 },
    { name: 'C', type: 'enterprise', affiliation: 'moe ', governmentFunding: 40, matchingFunds: 10 },
  ],
  halfFilled: [{ name: 'X', type: 'enterprise', governmentFunding: 10 }, { name: 'Y' }],
  empty: [] as unknown[],
};

/**
 * One case of an operator's table: its name, the status the condition must give against the context and, when
 * given, values of the leaf that decided it. One row a line, so a table reads like the operator's spec.
 */
export type Row = [name: string, status: ConditionStatus, condition: Condition, expect?: Partial<LeafResult>];

/** The one runner of every operator folder's table (lib/operators/<folder>/<folder>.test.ts): one test per row. */
export function operatorCases(rows: Row[], context: unknown = data): void {
  it.each(rows)('%s → %s', (_name, status, condition, expected) => {
    const result = evaluateCondition(condition, rootScope(context));
    expect(result.status).toBe(status);
    if (expected) expect(result.deciding[0]).toMatchObject(expected);
  });
}
