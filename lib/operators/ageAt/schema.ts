import { z } from 'zod';
import { Count, IsoDate, minNotAboveMax, needsBound, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'ageAt'> = () => ({
  ageAt: z
    .strictObject({ op: z.literal('ageAt'), field: Path, on: IsoDate, min: Count.optional(), max: Count.optional() })
    .superRefine(needsBound)
    .superRefine(minNotAboveMax),
});
