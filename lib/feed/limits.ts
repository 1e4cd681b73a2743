/**
 * Bounds on a parsed JSON value, checked without recursion before any schema sees it: zod walks nested
 * conditions recursively, so a signed pack nested hundreds of levels deep would overflow the stack there.
 * Real packs nest about 10 levels and quote guideline sentences of a few hundred characters.
 */
export const JSON_LIMITS = { depth: 32, stringLength: 10_000 } as const;

/** The first limit the value breaks, with its path (e.g. `directions.0.rules.3.when`), or undefined. */
export function jsonLimitProblem(value: unknown, limits = JSON_LIMITS): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > limits.stringLength)
        return `${path || '(root)'}: 字符串超过 ${limits.stringLength} 字 / string longer than ${limits.stringLength} characters`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= limits.depth)
        return `${path || '(root)'}: 嵌套超过 ${limits.depth} 层 / nested deeper than ${limits.depth} levels`;
      for (const [key, child] of Object.entries(v)) {
        if (key.length > limits.stringLength)
          return `${path || '(root)'}: 键名过长 / key longer than ${limits.stringLength} characters`;
        stack.push({ value: child, depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return undefined;
}
