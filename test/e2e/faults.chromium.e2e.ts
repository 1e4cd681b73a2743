import { expect, test } from 'vitest';
import { faultKinds, faultTable, runFaults } from '@/scripts/support/faults';

/**
 * The short version of `npm run faults` for CI: one trial of each fault kind (the full run does 20). In
 * `npm run faults` only: the disk-full kind (it mounts a tmpfs and needs root) and the newer-database kinds (they
 * replace the database under a running browser; a worker started in between still opens it: a race of the harness,
 * not yet settled, see docs/drafts.md).
 */
test(
  'faults: no keystroke lost, no false alarm, the user told what happened',
  async () => {
    const kinds = faultKinds.filter((k) => !k.profile && !k.name.startsWith('database from a newer version'));
    const rows = await runFaults(kinds, 1, () => {});
    console.log(faultTable(rows));
    for (const row of rows)
      expect({ fault: row.fault, lost: row.keysLost, falseAlarms: row.falseAlarms }).toEqual({
        fault: row.fault,
        lost: 0,
        falseAlarms: 0,
      });
    expect(rows.find((r) => r.fault.includes('three tabs'))!.saw.join()).toContain('另一个标签页也修改了 1 个字段');
  },
  15 * 60_000,
);
