/**
 * Bounds on a parsed JSON value, checked without recursion before any schema sees it: zod walks nested
 * conditions recursively, so a signed pack nested hundreds of levels deep would overflow the stack there.
 * Real packs nest about 10 levels and quote guideline sentences of a few hundred characters.
 */
export const JSON_LIMITS = { depth: 32, stringLength: 10_000 } as const;

type Limits = { depth: number; stringLength: number };

/** The first limit the value breaks, with its path (e.g. `directions.0.rules.3.when`), or undefined. */
export function jsonLimitProblem(value: unknown, limits: Limits = JSON_LIMITS): string | undefined {
  // The walk that passes (every pack in use) builds no paths; only a failing value is walked again for its path.
  return withinLimits(value, limits) ? undefined : describeProblem(value, limits);
}

function withinLimits(value: unknown, limits: Limits): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (typeof v === 'string') {
      if (v.length > limits.stringLength) return false;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= limits.depth) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          values.push(v[i]);
          depths.push(depth + 1);
        }
      } else {
        for (const key in v) {
          if (key.length > limits.stringLength) return false;
          values.push((v as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

function describeProblem(value: unknown, limits: Limits): string {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    const at = path || '(root)';
    if (typeof v === 'string') {
      if (v.length > limits.stringLength)
        return `${at}: 字符串超过 ${limits.stringLength} 字 / string longer than ${limits.stringLength} characters`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= limits.depth)
        return `${at}: 嵌套超过 ${limits.depth} 层 / nested deeper than ${limits.depth} levels`;
      for (const [key, child] of Object.entries(v)) {
        if (key.length > limits.stringLength)
          return `${at}: 键名过长 / key longer than ${limits.stringLength} characters`;
        stack.push({ value: child, depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return '(root): 超出限制 / over the limits';
}
