import { attachmentKinds } from '../application/model';
import type { Condition } from '../engine/condition';
import { conditionPaths, type PathRead } from '../engine/conditionPaths';
import { parseIsoDate } from '../engine/dates';
import type { ValueType } from '../operators/kit';
import { formatPath } from '../core/issues';
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

  if (!pack.directions.length && !pack.rules.length && !pack.extends?.length)
    report(
      ['directions'],
      'a pack needs directions, pack-wide rules or "extends"',
      '规则包须有指南方向、通用规则或 extends',
    );
  const located: { rule: Rule; at: (string | number)[]; areas?: string[] }[] = [
    ...pack.rules.map((rule, r) => ({ rule, at: ['rules', r] })),
    ...(pack.extends ?? []).flatMap((extension, e) =>
      extension.directions.flatMap((direction, d) =>
        direction.rules.map((rule, r) => ({ rule, at: ['extends', e, 'directions', d, 'rules', r] })),
      ),
    ),
    ...pack.directions.flatMap((direction, d) => {
      // A direction's rules may scope themselves to one of its areas (project.area), and to nothing else.
      const areas = direction.areas.flatMap((a) => [a.name, ...a.subAreas]);
      return direction.rules.map((rule, r) => ({ rule, at: ['directions', d, 'rules', r], areas }));
    }),
  ];
  const seenIds = new Map<string, string>();
  for (const { rule, at, areas } of located) {
    const first = seenIds.get(rule.id);
    if (first !== undefined) report([...at, 'id'], `duplicate rule id "${rule.id}", first at ${first}`, '规则编号重复');
    else seenIds.set(rule.id, formatPath(at));
    for (const [problemAt, en, zh] of kindProblems(rule)) report([...at, ...problemAt], en, zh);
    for (const key of ['when', 'check'] as const) {
      const condition = rule[key];
      if (condition)
        for (const [problemAt, en, zh] of pathProblems(condition, areas)) report([...at, key, ...problemAt], en, zh);
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
function pathProblems(condition: Condition, areas?: string[]): Problem[] {
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
    else
      problems.push(
        ...typeProblems(
          read,
          read.path === 'project.area' && areas?.length && node.kind === 'value' ? { ...node, values: areas } : node,
        ),
      );
  }
  return problems;
}

const typeNames: Record<ValueType, [en: string, zh: string]> = {
  number: ['a number', '数值'],
  date: ['a date', '日期'],
  text: ['text', '文本'],
  boolean: ['true/false', '是/否'],
  any: ['a value', '值'],
};

/**
 * A rule that can never work: an operator given a path of the wrong kind (`gte pi.birthDate 19650101` compares a
 * date as a number), or a literal the field can never hold (`ne type "stateOrgan"` where type has no such value).
 */
function typeProblems(read: PathRead, node: PathNode): Problem[] {
  const problems: Problem[] = [];
  const wanted = read.type;
  const has = node.kind === 'value' ? node.type : undefined;
  if (wanted && wanted !== 'any' && has && has !== wanted && !(wanted === 'text' && has === 'date')) {
    const [wantEn, wantZh] = typeNames[wanted];
    const [hasEn, hasZh] = typeNames[has];
    problems.push([
      read.at,
      `"${read.path}" holds ${hasEn}; this operator needs ${wantEn}`,
      `此路径为${hasZh}，该运算符需要${wantZh}`,
    ]);
  }
  if (!read.literals || node.kind !== 'value') return problems;
  read.literals.values.forEach((literal, i) => {
    const at = read.literals!.at.at(-1) === 'values' ? [...read.literals!.at, i] : read.literals!.at;
    if (node.values && !node.values.includes(String(literal)))
      problems.push([
        at,
        `${JSON.stringify(literal)} is not a value of "${read.path}" (${node.values.join(', ')})`,
        `取值不在此字段的词表中，可选：${node.values.join('、')}`,
      ]);
    else if (has === 'date' && (typeof literal !== 'string' || !parseIsoDate(literal)))
      problems.push([at, `${JSON.stringify(literal)} is not a date YYYY-MM-DD`, '应为 YYYY-MM-DD 格式的日期']);
    else if (has === 'number' && typeof literal !== 'number')
      problems.push([
        at,
        `${JSON.stringify(literal)} is not a number; "${read.path}" holds numbers`,
        '此字段为数值，应写数字',
      ]);
  });
  return problems;
}
