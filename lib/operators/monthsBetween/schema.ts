import { z } from 'zod';
import { Count, minNotAboveMax, needsBound, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'monthsBetween'> = () => ({
  monthsBetween: z
    .strictObject({
      op: z.literal('monthsBetween'),
      from: Path,
      to: Path,
      min: Count.optional(),
      max: Count.optional(),
    })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
});
