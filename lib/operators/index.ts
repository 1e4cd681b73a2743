import * as ageAt from './ageAt/evaluate';
import * as ageAtPaths from './ageAt/paths';
import * as between from './between/evaluate';
import * as betweenPaths from './between/paths';
import * as compare from './compare/evaluate';
import * as comparePaths from './compare/paths';
import * as compareFields from './compareFields/evaluate';
import * as compareFieldsPaths from './compareFields/paths';
import * as contains from './contains/evaluate';
import * as containsPaths from './contains/paths';
import * as count from './count/evaluate';
import * as countPaths from './count/paths';
import * as countDistinct from './countDistinct/evaluate';
import * as countDistinctPaths from './countDistinct/paths';
import * as dateCompare from './dateCompare/evaluate';
import * as dateComparePaths from './dateCompare/paths';
import * as equality from './equality/evaluate';
import * as equalityPaths from './equality/paths';
import * as equalsNormalized from './equalsNormalized/evaluate';
import * as equalsNormalizedPaths from './equalsNormalized/paths';
import * as every from './every/evaluate';
import * as everyPaths from './every/paths';
import * as exists from './exists/evaluate';
import * as existsPaths from './exists/paths';
import * as inList from './in/evaluate';
import * as inListPaths from './in/paths';
import * as isDate from './isDate/evaluate';
import * as isDatePaths from './isDate/paths';
import * as monthsBetween from './monthsBetween/evaluate';
import * as monthsBetweenPaths from './monthsBetween/paths';
import * as sum from './sum/evaluate';
import * as sumPaths from './sum/paths';

/**
 * The fixed operator registry, built from the operator folders (one folder each: evaluate.ts, schema.ts,
 * paths.ts, example.json, <folder>.test.ts; the zod schemas are gathered apart in ./schemas.ts so that
 * the content script's evaluator never loads zod). Adding an operator: a new folder, one line here and
 * in ./schemas.ts; lib/operators/convention.test.ts checks that every folder has all its parts
 * and that these lists hold exactly the folders' operators.
 */
export const evaluators = {
  ...exists.evaluators,
  ...equality.evaluators,
  ...compare.evaluators,
  ...between.evaluators,
  ...inList.evaluators,
  ...equalsNormalized.evaluators,
  ...monthsBetween.evaluators,
  ...count.evaluators,
  ...countDistinct.evaluators,
  ...sum.evaluators,
  ...every.evaluators,
  ...compareFields.evaluators,
  ...contains.evaluators,
  ...dateCompare.evaluators,
  ...ageAt.evaluators,
  ...isDate.evaluators,
};

export const readers = {
  ...existsPaths.readers,
  ...equalityPaths.readers,
  ...comparePaths.readers,
  ...betweenPaths.readers,
  ...inListPaths.readers,
  ...equalsNormalizedPaths.readers,
  ...monthsBetweenPaths.readers,
  ...countPaths.readers,
  ...countDistinctPaths.readers,
  ...sumPaths.readers,
  ...everyPaths.readers,
  ...compareFieldsPaths.readers,
  ...containsPaths.readers,
  ...dateComparePaths.readers,
  ...ageAtPaths.readers,
  ...isDatePaths.readers,
} satisfies Record<keyof typeof evaluators, unknown>;
