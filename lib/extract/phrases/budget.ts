import { firstRead } from './match';
import type { PhraseMatch } from './match';
import { ARABIC, readNumber } from './number';

export interface BudgetPhrase {
  /** 万元 */
  amount: number;
  text: string;
}

// "15000万元人民币", "0.65亿元", "1 500万元", "1000萬元", "3,000,000元"
const BUDGET = new RegExp(`(${ARABIC})\\s*(万|亿)?\\s*元(?:人民币)?`);

const TEN_THOUSANDS: Record<string, number> = { 万: 1, 亿: 10_000 };

/** The first amount of money in `text`, in 万元, or undefined when there is none. */
export function parseBudget(text: string): BudgetPhrase | undefined {
  return firstRead(text, BUDGET, read);
}

function read(m: PhraseMatch): BudgetPhrase | undefined {
  const [number, unit] = m.groups;
  const value = readNumber(number!);
  if (!Number.isFinite(value)) return undefined;
  const amount = unit ? value * TEN_THOUSANDS[unit]! : value / 10_000;
  // 0.65亿 × 10 000 is 6499.999… in floating point; amounts are printed with at most 4 decimals.
  return { amount: Math.round(amount * 10_000) / 10_000, text: m.text };
}
