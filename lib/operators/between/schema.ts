import { z } from 'zod';
import { minNotAboveMax, NumberRef, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'between'> = () => ({
  between: z
    .strictObject({ op: z.literal('between'), field: Path, min: NumberRef, max: NumberRef })
    .superRefine(minNotAboveMax),
});
