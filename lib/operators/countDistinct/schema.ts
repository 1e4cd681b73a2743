import { z } from 'zod';
import { Count, minNotAboveMax, needsBound, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'countDistinct'> = ({ nested }) => ({
  countDistinct: z
    .strictObject({
      op: z.literal('countDistinct'),
      list: Path,
      of: Path,
      where: nested.optional(),
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
});
