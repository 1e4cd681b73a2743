import { describe, expect, it } from 'vitest';
import { runFeedFuzz } from '../../fuzz/feedAfterSignature';

/** The short run of the fuzz after the signature; `npm run fuzz:feed` runs ≥ 20,000 cases. */
describe('fuzz after the signature (short run)', () => {
  it('600 cases: most pass the signature, none accepted wrongly, none thrown, every refusal as expected, rules never empty', {
    timeout: 300_000,
  }, async () => {
    const report = await runFeedFuzz(600, 7);
    expect(report.thrown).toEqual([]);
    expect(report.acceptedInvalid).toEqual([]);
    expect(report.wrongReason).toEqual([]);
    expect(report.emptyRules).toEqual([]);
    expect(report.passedSignature / report.cases).toBeGreaterThanOrEqual(0.4);
    for (const reason of [
      'limits',
      'schema',
      'rollback',
      'version-conflict',
      'expired',
      'key-list',
      'signature',
      'header-mismatch',
      'payload',
    ])
      expect(report.reasons[reason] ?? 0, reason).toBeGreaterThan(0);
  });
});
