import { attachmentKinds } from '../application/model';
import type { Condition } from '../engine/condition';
import { conditionPaths } from '../engine/conditionPaths';
import { formatPath } from './issues';
import { contextTree, type PathNode, resolvePath } from './knownPaths';
import type { Rule, RulePack } from './schema';

/**
 * Checks a schema-valid pack for what zod cannot see: ids unique across the pack, each kind's own
 * field present, and every path a rule reads or names existing in the evaluation context.
 * Returns one `path: message（说明）` line per problem.
 */
export function packConventionErrors(pack: RulePack): string[] {
  const errors: string[] = [];
  const report = (at: (string | number)[], en: string, zh: string) => errors.push(`${formatPath(at)}: ${en}（${zh}）`);

  const seenDirections = new Map<string, number>();
  pack.directions.forEach((direction, d) => {
    const first = seenDirections.get(direction.code);
    if (first !== undefined)
      report(
        ['directions', d, 'code'],
        `duplicate direction code "${direction.code}", first at directions[${first}]`,
        '指南方向编号重复',
      );
    else seenDirections.set(direction.code, d);
    const planned = direction.plannedProjects;
    if (planned && planned.min > planned.max)
      report(
        ['directions', d, 'plannedProjects', 'min'],
        `min ${planned.min} is above max ${planned.max}`,
        '拟支持项目数下限大于上限',
      );
  });

  const located: { rule: Rule; at: (string | number)[] }[] = [
    ...pack.rules.map((rule, r) => ({ rule, at: ['rules', r] })),
    ...pack.directions.flatMap((direction, d) =>
      direction.rules.map((rule, r) => ({ rule, at: ['directions', d, 'rules', r] })),
    ),
  ];
  const seenIds = new Map<string, string>();
  for (const { rule, at } of located) {
    const first = seenIds.get(rule.id);
    if (first !== undefined) report([...at, 'id'], `duplicate rule id "${rule.id}", first at ${first}`, '规则编号重复');
    else seenIds.set(rule.id, formatPath(at));
    for (const [problemAt, en, zh] of kindProblems(rule)) report([...at, ...problemAt], en, zh);
    for (const key of ['when', 'check'] as const) {
      const condition = rule[key];
      if (condition)
        for (const [problemAt, en, zh] of pathProblems(condition)) report([...at, key, ...problemAt], en, zh);
    }
    rule.fields.forEach((field, f) => {
      if (!resolvePath(contextTree, field, true))
        report([...at, 'fields', f], `unknown field "${field}"`, '申请书模型中没有此字段');
    });
  }
  return errors;
}

type Problem = [(string | number)[], string, string];

function kindProblems(rule: Rule): Problem[] {
  const problems: Problem[] = [];
  if (rule.kind === 'check' && !rule.check)
    problems.push([['check'], 'kind "check" needs a "check" condition', '检查类规则须有 check 条件']);
  if (rule.kind !== 'check' && rule.check)
    problems.push([['check'], `"check" is only read for kind "check", not "${rule.kind}"`, '只有检查类规则使用 check']);
  if (rule.kind === 'document') {
    if (!rule.attachmentKind)
      problems.push([['attachmentKind'], 'kind "document" needs "attachmentKind"', '材料类规则须有 attachmentKind']);
    else if (!(attachmentKinds as readonly string[]).includes(rule.attachmentKind)) {
      problems.push([
        ['attachmentKind'],
        `unknown attachment kind "${rule.attachmentKind}"`,
        `未知材料类型，可选：${attachmentKinds.join('、')}`,
      ]);
    }
  } else if (rule.attachmentKind) {
    problems.push([
      ['attachmentKind'],
      `"attachmentKind" is only read for kind "document", not "${rule.kind}"`,
      '只有材料类规则使用 attachmentKind',
    ]);
  }
  return problems;
}

/** Paths that lead nowhere in the context; paths inside `where` / `check` of a list are relative to its items. */
function pathProblems(condition: Condition): Problem[] {
  const problems: Problem[] = [];
  for (const read of conditionPaths(condition)) {
    let scope: PathNode | undefined = contextTree;
    for (const list of read.within) {
      const node: PathNode | undefined = scope && resolvePath(scope, list);
      scope = node?.kind === 'array' ? node.item : undefined;
    }
    // An enclosing list that does not resolve is reported at its own `list` key.
    if (!scope) continue;
    const node = resolvePath(read.role === 'fact' ? contextTree : scope, read.path);
    const where = read.within.length && read.role !== 'fact' ? ` in items of "${read.within.join('.')}"` : '';
    if (!node)
      problems.push([
        read.at,
        `unknown path "${read.path}"${where}`,
        '评估上下文中没有此路径，见 docs/application-model.md',
      ]);
    else if (read.role === 'list' && node.kind !== 'array')
      problems.push([read.at, `"${read.path}" is not a list`, '此路径不是列表']);
  }
  return problems;
}
