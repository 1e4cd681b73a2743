import type { Paths } from '../kit';
import type { MonthsBetweenLeaf } from './evaluate';

export const readers: { monthsBetween: Paths<MonthsBetweenLeaf> } = {
  monthsBetween: (leaf, kit) => [...kit.field('from', leaf.from, 'date'), ...kit.field('to', leaf.to, 'date')],
};
