import { expect, test } from 'vitest';
import { createChangeNotice } from '@/lib/messages/changeNotice';

function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => due.push({ fn, ms }),
    due,
    fire: () => {
      for (const { fn } of due.splice(0)) fn();
    },
  };
}

test('a burst of changes is told once, after the delay; a change after that is told again', () => {
  const timers = manualTimers();
  let sent = 0;
  const changed = createChangeNotice(() => sent++, { delayMs: 300, setTimer: timers.setTimer });
  for (let i = 0; i < 20; i++) changed();
  expect(sent).toBe(0);
  expect(timers.due.map((t) => t.ms)).toEqual([300]);
  timers.fire();
  expect(sent).toBe(1);
  changed();
  timers.fire();
  expect(sent).toBe(2);
});

test('a change while the notice is waiting is in that notice (the pages read the database when told)', () => {
  const timers = manualTimers();
  const told: number[] = [];
  let writes = 0;
  const changed = createChangeNotice(() => told.push(writes), { setTimer: timers.setTimer });
  writes++;
  changed();
  writes++;
  changed();
  timers.fire();
  expect(told).toEqual([2]);
});
