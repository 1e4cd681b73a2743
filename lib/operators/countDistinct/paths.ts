import type { Paths } from '../kit';
import type { CountDistinctLeaf } from './evaluate';

export const readers: { countDistinct: Paths<CountDistinctLeaf> } = {
  countDistinct: (leaf, kit) => [
    ...kit.list('list', leaf.list),
    ...kit.nested('where', leaf.where, leaf.list),
    ...kit.itemField('of', leaf.of, leaf.list),
  ],
};
