import type { NestedCondition, NumberRef } from './language';
import type { LeafResult } from './language';
import type { Scope } from './scope';

/** One operator's evaluation: a leaf of its shape against a scope. */
export type Evaluate<L> = (leaf: L, scope: Scope) => LeafResult;

/**
 * What a path holds, as far as an operator cares: validation reports a rule that compares a date with a
 * number (`gte pi.birthDate 19650101`) or a number with a date before any application is read.
 */
export type ValueType = 'number' | 'date' | 'text' | 'boolean' | 'any';

/** A path a condition reads. `within` lists the enclosing list paths when the path is relative to a list item. */
export interface PathRead {
  path: string;
  within: string[];
  role: 'field' | 'list' | 'fact';
  /** Where the path is written inside the condition, e.g. ["all", 0, "field"], for error messages. */
  at: (string | number)[];
  /** The kind of value the operator needs there; absent when any value will do. */
  type?: ValueType;
  /** Literals the rule compares the field with, checked against the field's vocabulary (`ne type "stateOrgan"`). */
  literals?: { values: unknown[]; at: (string | number)[] };
}

/** Builds the path reads of one leaf; `within` / `at` are already those of the leaf. */
export interface PathKit {
  field(key: string, path: string | undefined, type?: ValueType, literals?: PathRead['literals']): PathRead[];
  fact(key: string, ref: NumberRef | undefined): PathRead[];
  list(key: string, path: string): PathRead[];
  /** A nested condition whose paths are relative to the items of `list`. */
  nested(key: string, condition: NestedCondition | undefined, list: string): PathRead[];
  /** A path relative to the items of `list`. */
  itemField(key: string, path: string, list: string, type?: ValueType): PathRead[];
  at: (string | number)[];
}

/** One operator's path reads. */
export type Paths<L> = (leaf: L, kit: PathKit) => PathRead[];
