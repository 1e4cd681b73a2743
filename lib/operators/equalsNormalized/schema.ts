import { z } from 'zod';
import { issue, type OperatorSchemas, Path } from '../schemaKit';

export const schemas: OperatorSchemas<'equalsNormalized'> = () => ({
  equalsNormalized: z
    .strictObject({
      op: z.literal('equalsNormalized'),
      field: Path,
      value: z.string().optional(),
      otherField: Path.optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.value === undefined) === (value.otherField === undefined)) {
        ctx.addIssue(issue('needs exactly one of "value" or "otherField"', 'value 与 otherField 须且只能有一个'));
      }
    }),
});
