import type { Paths } from '../kit';
import type { EqualsNormalizedLeaf } from './evaluate';

export const readers: { equalsNormalized: Paths<EqualsNormalizedLeaf> } = {
  equalsNormalized: (leaf, kit) => [
    ...kit.field('field', leaf.field, 'text'),
    ...kit.field('otherField', leaf.otherField, 'text'),
  ],
};
