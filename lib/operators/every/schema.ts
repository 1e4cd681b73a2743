import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'every'> = ({ nested }) => ({
  every: z.strictObject({ op: z.literal('every'), list: Path, where: nested.optional(), check: nested }),
});
