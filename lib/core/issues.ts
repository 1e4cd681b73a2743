import type { z } from 'zod';
import type { Bilingual } from './vocabulary';

/**
 * zod issues as people read them, for every boundary (packs, applications, drafts, profiles, shares): the path as
 * a reader of the JSON looks for it, and the message in Chinese and English.
 */

/** One thing wrong with an input, with where it is (e.g. "drafts[2].fields.x"). */
export interface Problem extends Bilingual {
  path: string;
}

/** `directions[3].rules[2].when.all[0].op`; `root` names the input as the user knows it ('' at the top). */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    root,
  );
}

/** Our own schema messages are written "中文 / English"; custom issues may carry their Chinese in `params.zh`. */
const BILINGUAL_SEPARATOR = ' / ';

/** An issue's message in both languages: ours as written, zod's standard ones with their Chinese below. */
export function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  if (issue.message.includes(BILINGUAL_SEPARATOR)) {
    const [zh = '', en = ''] = issue.message.split(BILINGUAL_SEPARATOR);
    return { zh, en };
  }
  return { zh: chinese(issue), en: issue.message };
}

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

/** Each issue as a Problem whose texts start with its path: "draft.title：过大或过长（最大 500）". */
export function problemsOf(error: z.ZodError, root = ''): Problem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path, root);
    const { zh, en } = issueMessage(issue);
    return { path, zh: `${path || '（根）'}：${zh}`, en: `${path || '(root)'}: ${en}` };
  });
}

/** safeParse with its problems in both languages. */
export function parseWithProblems<T extends z.ZodType>(
  schema: T,
  data: unknown,
  root = '',
): { success: true; data: z.output<T> } | { success: false; problems: Problem[] } {
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, problems: problemsOf(parsed.error, root) };
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

/** One line per issue for the CLIs and pack errors: `path: English message（中文说明）`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const { zh, en } = issueMessage(issue);
    return `${formatPath(issue.path) || '(root)'}: ${en}（${zh}）`;
  });
}
