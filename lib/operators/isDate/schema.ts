import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'isDate'> = () => ({
  isDate: z.strictObject({ op: z.literal('isDate'), field: Path }),
});
