import { z } from 'zod';
import { IsoDate, issue, type OperatorSchemas, Path } from '../schemaKit';

const dateComparison = (op: 'before' | 'onOrBefore' | 'after' | 'onOrAfter') =>
  z
    .strictObject({ op: z.literal(op), field: Path, date: IsoDate.optional(), otherField: Path.optional() })
    .superRefine((value, ctx) => {
      if ((value.date === undefined) === (value.otherField === undefined))
        ctx.addIssue(issue('needs exactly one of "date" or "otherField"', 'date 与 otherField 须且只能有一个'));
    });

export const schemas: OperatorSchemas<'before' | 'onOrBefore' | 'after' | 'onOrAfter'> = () => ({
  before: dateComparison('before'),
  onOrBefore: dateComparison('onOrBefore'),
  after: dateComparison('after'),
  onOrAfter: dateComparison('onOrAfter'),
});
