import { z } from 'zod';
import { Count, minNotAboveMax, needsBound, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'count'> = ({ nested }) => ({
  count: z
    .strictObject({
      op: z.literal('count'),
      list: Path,
      where: nested.optional(),
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
});
