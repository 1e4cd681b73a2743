import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'compareFields'> = () => ({
  compareFields: z.strictObject({
    op: z.literal('compareFields'),
    field: Path,
    cmp: z.enum(['lt', 'lte', 'gt', 'gte', 'eq']),
    otherField: Path,
  }),
});
