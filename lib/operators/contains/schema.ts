import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'contains'> = () => ({
  contains: z.strictObject({ op: z.literal('contains'), field: Path, value: z.string().min(1) }),
});
