import type { Paths } from '../kit';
import type { AgeAtLeaf } from './evaluate';

export const readers: { ageAt: Paths<AgeAtLeaf> } = {
  ageAt: (leaf, kit) => kit.field('field', leaf.field, 'date'),
};
