import { z } from 'zod';
import type { Bilingual } from '../core/vocabulary';

/** One thing wrong with an input, with where it is (e.g. "drafts[2].fields.x"). */
export interface Problem extends Bilingual {
  path: string;
}

/** Our own schema messages are written "中文 / English"; zod's built-in ones come from its zh-CN and en locales. */
const BILINGUAL_SEPARATOR = ' / ';
const zhCN = z.locales.zhCN().localeError;

/**
 * safeParse with problems in both languages; `root` prefixes paths (the name of the input as the user knows it).
 * The error map is passed per parse, so zod's global configuration stays untouched.
 */
export function parseWithProblems<T extends z.ZodType>(
  schema: T,
  data: unknown,
  root = '',
): { success: true; data: z.output<T> } | { success: false; problems: Problem[] } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { success: true, data: parsed.data };
  const zhIssues = schema.safeParse(data, { error: zhCN }).error?.issues ?? [];
  const problems = parsed.error.issues.map((issue, i) => {
    const path = formatPath(root, issue.path);
    const [zhMessage, enMessage] = issue.message.includes(BILINGUAL_SEPARATOR)
      ? issue.message.split(BILINGUAL_SEPARATOR)
      : [zhIssues[i]?.message ?? issue.message, issue.message];
    return { path, zh: `${path || '（根）'}：${zhMessage}`, en: `${path || '(root)'}: ${enMessage}` };
  });
  return { success: false, problems };
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    root,
  );
}
