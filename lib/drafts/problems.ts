import type { z } from 'zod';

/** A message for the user, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One thing wrong with an input, with where it is (e.g. "drafts[2].fields"). */
export interface Problem extends Bilingual {
  path: string;
}

/** zod's issues as problems; `root` prefixes the path (the name of the input as the user knows it). */
export function zodProblems(error: z.ZodError, root = ''): Problem[] {
  return error.issues.map((issue) => {
    const path = formatPath(root, issue.path);
    return { path, zh: `${path || '（根）'}：${issue.message}`, en: `${path || '(root)'}: ${issue.message}` };
  });
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), root);
}
