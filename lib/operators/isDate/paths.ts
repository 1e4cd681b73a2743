import type { Paths } from '../kit';
import type { IsDateLeaf } from './evaluate';

export const readers: { isDate: Paths<IsDateLeaf> } = {
  isDate: (leaf, kit) => kit.field('field', leaf.field, 'date'),
};
