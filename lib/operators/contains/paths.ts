import type { Paths } from '../kit';
import type { ContainsLeaf } from './evaluate';

export const readers: { contains: Paths<ContainsLeaf> } = {
  contains: (leaf, kit) => kit.field('field', leaf.field),
};
