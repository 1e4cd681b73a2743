import type { Paths } from '../kit';
import type { BetweenLeaf } from './evaluate';

export const readers: { between: Paths<BetweenLeaf> } = {
  between: (leaf, kit) => [
    ...kit.field('field', leaf.field, 'number'),
    ...kit.fact('min', leaf.min),
    ...kit.fact('max', leaf.max),
  ],
};
