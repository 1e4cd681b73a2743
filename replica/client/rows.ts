import type { FormValues } from '../formValues';

/** How many rows of repeatable table `key` the values hold (one past the highest index). */
export function rowCount(values: FormValues, key: string): number {
  const prefix = `${key}[`;
  let count = 0;
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue;
    const index = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(index)) count = Math.max(count, index + 1);
  }
  return count;
}
