import type { Paths } from '../kit';
import type { CompareFieldsLeaf } from './evaluate';

export const readers: { compareFields: Paths<CompareFieldsLeaf> } = {
  compareFields: (leaf, kit) => [
    ...kit.field('field', leaf.field, 'number'),
    ...kit.field('otherField', leaf.otherField, 'number'),
  ],
};
