import type { z } from 'zod';

/** `directions[3].rules[2].when.all[0].op`: the path of an error as a reader of the JSON looks for it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** The Chinese half of zod's standard messages; custom issues carry theirs in `params.zh`. */
function chinese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型错误，应为 ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少需要 ${issue.minimum} 项` : `过小或过短（最小 ${issue.minimum}）`;
    case 'too_big':
      return `过大或过长（最大 ${issue.maximum}）`;
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `取值无效，可选：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_format':
      return '格式无效';
    case 'invalid_union':
      return '不符合任何一种允许的形式';
    case 'custom':
      return typeof issue.params?.zh === 'string' ? issue.params.zh : '无效';
    default:
      return '无效';
  }
}

/** One line per issue: `path: English message（中文说明）`. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}（${chinese(issue)}）`;
}

/** The path of every key the schema does not know, also inside the alternatives of a union. */
export function unknownKeyPaths(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => formatPath([...path, key]));
    if (issue.code === 'invalid_union')
      return issue.errors.flatMap((alternative) => unknownKeyPaths(alternative, path));
    return [];
  });
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map(formatIssue);
}
