import type { Paths } from '../kit';
import type { CountLeaf } from './evaluate';

export const readers: { count: Paths<CountLeaf> } = {
  count: (leaf, kit) => [...kit.list('list', leaf.list), ...kit.nested('where', leaf.where, leaf.list)],
};
