import { describe, expect, it } from 'vitest';
import { Application } from '@/lib/application/model';
import { evaluate } from '@/lib/engine/evaluate';
import { readPackFile } from '@/lib/packs/fromDisk';
import { join } from 'node:path';
import type { RulePack } from '@/lib/packs/schema';

/**
 * Two 1.6 requirements as the standard portal form can meet them: it has no abstract field (an attachment of the
 * abstract's kind satisfies it) and no funds fields for the lead unit (the budget's totals stand for them).
 */
const loaded = readPackFile(join(import.meta.dirname, '..', '..', '..', 'rules', '2019-intl-1.json'));
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const pack: RulePack = loaded.pack;
const statusOf = (application: object, rule: string) =>
  evaluate(pack, '1.6', Application.parse({ direction: '1.6', ...application })).find(
    (f) => f.ruleId === `2019-intl-1/1.6/${rule}`,
  )?.status;

describe('1.6 on the standard form', () => {
  it.each([
    [{}, 'fail'],
    [{ attachments: [{ kind: 'abstractEn', name: 'abstract.pdf' }] }, 'pass'],
    [{ attachments: [{ kind: 'ipAgreement', name: 'ip.pdf' }] }, 'fail'],
    [{ project: { abstractEn: 'Half a page.' } }, 'pass'],
  ])('English abstract with %o: %s', (application, status) => {
    expect(statusOf(application, 'english-abstract')).toBe(status);
  });

  it.each([
    [{ central: 300, other: 300 }, 'pass'],
    [{ central: 300, other: 299 }, 'fail'],
    [{ central: 300 }, 'unknown'],
  ])('enterprise lead, no participants, budget %o: matching funds %s', (budget, status) => {
    const application = { leadUnit: { name: '甲公司', type: 'enterprise' }, budget };
    expect(statusOf(application, 'enterprise-matching-funds')).toBe(status);
  });

  it('a participant enterprise keeps its own figures while the lead takes what the totals leave', () => {
    const participants = [{ name: '乙公司', type: 'enterprise', governmentFunding: 100, matchingFunds: 100 }];
    const leadUnit = { name: '甲公司', type: 'enterprise' };
    // The lead's share: 300 − 100 government funding, 250 − 100 matching, 150 < 200.
    expect(
      statusOf({ leadUnit, participants, budget: { central: 300, other: 250 } }, 'enterprise-matching-funds'),
    ).toBe('fail');
    expect(
      statusOf({ leadUnit, participants, budget: { central: 300, other: 300 } }, 'enterprise-matching-funds'),
    ).toBe('pass');
  });
});
