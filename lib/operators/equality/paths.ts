import type { Paths } from '../kit';
import type { EqualityLeaf } from './evaluate';

// The literal must be one the field can hold: `ne type "stateOrgan"` on a field without that value never fails.
const equality: Paths<EqualityLeaf> = (leaf, kit) =>
  kit.field('field', leaf.field, 'any', { values: [leaf.value], at: [...kit.at, 'value'] });

export const readers = { eq: equality, ne: equality };
