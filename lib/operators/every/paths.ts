import type { Paths } from '../kit';
import type { EveryLeaf } from './evaluate';

export const readers: { every: Paths<EveryLeaf> } = {
  every: (leaf, kit) => [
    ...kit.list('list', leaf.list),
    ...kit.nested('where', leaf.where, leaf.list),
    ...kit.nested('check', leaf.check, leaf.list),
  ],
};
