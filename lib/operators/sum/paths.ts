import type { Paths } from '../kit';
import type { SumLeaf } from './evaluate';

export const readers: { sum: Paths<SumLeaf> } = {
  sum: (leaf, kit) => [
    ...kit.list('list', leaf.list),
    ...kit.nested('where', leaf.where, leaf.list),
    ...kit.itemField('of', leaf.of, leaf.list, 'number'),
    ...kit.fact('min', leaf.min),
    ...kit.fact('max', leaf.max),
  ],
};
