import { expect, test } from 'vitest';
import { faultKinds, faultTable, runFaults } from '@/scripts/support/faults';

/**
 * The short version of `npm run faults` for CI: one trial of each fault kind (the full run does 20). The disk-full kind
 * mounts a tmpfs and needs root, so it runs in `npm run faults` only.
 */
test(
  'faults: no keystroke lost, no false alarm, the user told what happened',
  async () => {
    const kinds = faultKinds.filter((k) => !k.profile);
    const rows = await runFaults(kinds, 1, () => {});
    console.log(faultTable(rows));
    for (const row of rows)
      expect({ fault: row.fault, lost: row.keysLost, falseAlarms: row.falseAlarms }).toEqual({
        fault: row.fault,
        lost: 0,
        falseAlarms: 0,
      });
    for (const row of rows.filter((r) => r.fault.startsWith('database from a newer version')))
      expect(row.saw.join()).toContain('草稿数据库来自较新版本，请更新 GuideCheck');
    expect(rows.find((r) => r.fault.includes('three tabs'))!.saw.join()).toContain('另一个标签页也修改了 1 个字段');
  },
  15 * 60_000,
);
