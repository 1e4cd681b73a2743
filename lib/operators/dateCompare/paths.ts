import type { Paths } from '../kit';
import type { DateCompareLeaf } from './evaluate';

const dateComparison: Paths<DateCompareLeaf> = (leaf, kit) => [
  ...kit.field('field', leaf.field, 'date'),
  ...kit.field('otherField', leaf.otherField, 'date'),
];

export const readers = {
  before: dateComparison,
  onOrBefore: dateComparison,
  after: dateComparison,
  onOrAfter: dateComparison,
};
