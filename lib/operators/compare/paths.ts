import type { Paths } from '../kit';
import type { CompareLeaf } from './evaluate';

const comparison: Paths<CompareLeaf> = (leaf, kit) => [
  ...kit.field('field', leaf.field, 'number'),
  ...kit.fact('value', leaf.value),
];

export const readers = { lt: comparison, lte: comparison, gt: comparison, gte: comparison };
