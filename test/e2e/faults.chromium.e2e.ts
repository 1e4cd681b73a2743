import { expect, test } from 'vitest';
import { faultKinds, faultTable, runFaults } from '@/scripts/support/faults';

/**
 * The short version of `npm run faults` for CI: one trial of each fault kind (the full run does 20), except the
 * disk-full kind (it mounts a tmpfs and needs root: `npm run faults` only).
 */
test(
  'faults: no keystroke lost, no false alarm, the user told what happened',
  async () => {
    const rows = await runFaults(
      faultKinds.filter((k) => !k.needsRoot),
      1,
      () => {},
    );
    console.log(faultTable(rows));
    for (const row of rows)
      expect({ fault: row.fault, lost: row.keysLost, falseAlarms: row.falseAlarms }).toEqual({
        fault: row.fault,
        lost: 0,
        falseAlarms: 0,
      });
    const saw = (part: string) => rows.find((r) => r.fault.includes(part))!.saw.join();
    expect(saw('three tabs')).toContain('另一个标签页也修改了 1 个字段');
    expect(saw('a changed key path')).toContain('草稿数据库来自较新版本，请更新 GuideCheck');
  },
  6 * 60_000,
);
