import type { Paths } from '../kit';
import type { ExistsLeaf } from './evaluate';

export const readers: { exists: Paths<ExistsLeaf> } = {
  exists: (leaf, kit) => kit.field('field', leaf.field),
};
