import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'in'> = () => ({
  in: z.strictObject({ op: z.literal('in'), field: Path, values: z.array(z.union([z.string(), z.number()])).min(1) }),
});
