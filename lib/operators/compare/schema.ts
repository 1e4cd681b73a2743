import { z } from 'zod';
import { NumberRef, type OperatorSchemas, Path } from '../schemaKit';

const comparison = (op: 'lt' | 'lte' | 'gt' | 'gte') =>
  z.strictObject({ op: z.literal(op), field: Path, value: NumberRef });

export const schemas: OperatorSchemas<'lt' | 'lte' | 'gt' | 'gte'> = () => ({
  lt: comparison('lt'),
  lte: comparison('lte'),
  gt: comparison('gt'),
  gte: comparison('gte'),
});
