import type { z } from 'zod';
import { schemas as ageAt } from './ageAt/schema';
import { schemas as between } from './between/schema';
import { schemas as compare } from './compare/schema';
import { schemas as compareFields } from './compareFields/schema';
import { schemas as contains } from './contains/schema';
import { schemas as count } from './count/schema';
import { schemas as countDistinct } from './countDistinct/schema';
import { schemas as dateCompare } from './dateCompare/schema';
import { schemas as equality } from './equality/schema';
import { schemas as equalsNormalized } from './equalsNormalized/schema';
import { schemas as every } from './every/schema';
import { schemas as exists } from './exists/schema';
import type { evaluators } from './index';
import { schemas as inList } from './in/schema';
import { schemas as isDate } from './isDate/schema';
import { schemas as monthsBetween } from './monthsBetween/schema';
import type { SchemaKit } from './schemaKit';
import { schemas as sum } from './sum/schema';

/** Each operator's strict zod schema, from its folder (see ./index.ts); `nested` validates `where` / `check`. */
export function operatorSchemas(kit: SchemaKit): Record<keyof typeof evaluators, z.ZodType> {
  return {
    ...exists(kit),
    ...equality(kit),
    ...compare(kit),
    ...between(kit),
    ...inList(kit),
    ...equalsNormalized(kit),
    ...monthsBetween(kit),
    ...count(kit),
    ...countDistinct(kit),
    ...sum(kit),
    ...every(kit),
    ...compareFields(kit),
    ...contains(kit),
    ...dateCompare(kit),
    ...ageAt(kit),
    ...isDate(kit),
  };
}
