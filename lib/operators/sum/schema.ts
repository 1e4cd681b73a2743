import { z } from 'zod';
import { minNotAboveMax, NumberRef, needsBound, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'sum'> = ({ nested }) => ({
  sum: z
    .strictObject({
      op: z.literal('sum'),
      list: Path,
      of: Path,
      where: nested.optional(),
      min: NumberRef.optional(),
      max: NumberRef.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
});
