import type { Paths } from '../kit';
import type { InLeaf } from './evaluate';

export const readers: { in: Paths<InLeaf> } = {
  in: (leaf, kit) => kit.field('field', leaf.field, 'any', { values: leaf.values, at: [...kit.at, 'values'] }),
};
