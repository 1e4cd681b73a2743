import { expect, test } from 'vitest';
import { applyFieldLimits, FIELD_VALUE_MAX, TITLE_MAX } from '@/lib/autosave/limits';
import { AutosaveMessage } from '@/lib/messages/protocol';

test('an over-long value is clamped at its field alone, with a message; the rest of the batch passes validation', () => {
  const long = '项'.repeat(FIELD_VALUE_MAX + 10);
  const raw = {
    type: 'draftChanges',
    key: 'h|A1',
    host: 'h',
    applicationId: 'A1',
    title: '名'.repeat(TITLE_MAX + 61),
    fields: { 'project.nameZh': '名'.repeat(TITLE_MAX + 61), 'text.goal': long, 'team.0.name': '张三' },
    bases: { 'text.goal': long },
  };
  expect(AutosaveMessage.safeParse(raw).success).toBe(false); // the whole message, as the browser would refuse it
  const { message, fieldProblems } = applyFieldLimits(raw);
  const parsed = AutosaveMessage.parse(message);
  expect(parsed.fields['team.0.name']).toBe('张三');
  expect(parsed.fields['project.nameZh']).toHaveLength(TITLE_MAX + 61); // the field keeps the whole name
  expect(parsed.title).toHaveLength(TITLE_MAX);
  expect(parsed.fields['text.goal']).toHaveLength(FIELD_VALUE_MAX);
  expect(Object.keys(fieldProblems)).toEqual(['text.goal']);
  expect(fieldProblems['text.goal']!.zh).toMatch(/^内容超过 100000 字/);
});

test('a field key over the limit is refused alone', () => {
  const { message, fieldProblems } = applyFieldLimits({
    type: 'draftChanges',
    key: 'h|A1',
    host: 'h',
    applicationId: 'A1',
    fields: { ['k'.repeat(301)]: 'x', ok: 'y' },
  });
  expect(AutosaveMessage.parse(message).fields).toEqual({ ok: 'y' });
  expect(Object.values(fieldProblems)[0]!.zh).toContain('字段名超过 300 个字符');
});
