/** The results of conditions: declared beside the operators that produce them (lib/operators/language.ts). */
export type { ConditionResult, ConditionStatus, LeafResult } from '../operators/language';
