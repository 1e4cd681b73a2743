// npm run bench [-- topic…]: runs every bench/*.bench.ts (or the named topics) and prints the figures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchFigure } from '../bench/types';

const wanted = process.argv.slice(2);
const dir = join(import.meta.dirname, '..', 'bench');
// bench/<topic>.bench.ts: only the topics asked for are imported (each may start browsers or builds).
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (wanted.length === 0 || wanted.includes(f.slice(0, -'.bench.ts'.length))))
  .sort();
const rows: (BenchFigure & { topic: string })[] = [];
for (const file of files) {
  const bench: Bench = (await import(join(dir, file))).default;
  console.log(`# ${bench.topic}`);
  for (const figure of await bench.run()) {
    rows.push({ topic: bench.topic, ...figure });
    const value = figure.unit === 'ms' ? figure.value.toFixed(3) : String(Math.round(figure.value * 1000) / 1000);
    console.log(
      `  ${figure.name}: ${value} ${figure.unit}${figure.note ? ` (${figure.note})` : ''}${figure.target ? `  target ${figure.target}` : ''}`,
    );
  }
}
if (rows.length === 0) {
  console.error(`No bench matched ${wanted.join(', ')}. Topics: ${files.join(', ')}`);
  process.exit(2);
}
