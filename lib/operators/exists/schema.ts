import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'exists'> = () => ({
  exists: z.strictObject({ op: z.literal('exists'), field: Path }),
});
