import type { UserMessage } from '../messages/protocol';

/** The draft model's bounds (lib/drafts/model.ts Draft): a field key, a field value, the title. */
export const FIELD_KEY_MAX = 300;
export const FIELD_VALUE_MAX = 100_000;
export const TITLE_MAX = 500;

/**
 * Applies the draft's size limits field by field, before the message is validated as a whole: one over-long value
 * must not cost the other fields of the batch their save. A value over the limit is clamped to it (the first
 * FIELD_VALUE_MAX characters are kept, the user is told at the field); a field key over the limit is refused; the
 * title, a label derived from 项目名称, is clamped quietly (the field itself keeps the full name).
 */
export function applyFieldLimits(raw: unknown): { message: unknown; fieldProblems: Record<string, UserMessage> } {
  const fieldProblems: Record<string, UserMessage> = {};
  if (typeof raw !== 'object' || raw === null) return { message: raw, fieldProblems };
  const message = { ...(raw as Record<string, unknown>) };
  if (typeof message.title === 'string' && message.title.length > TITLE_MAX)
    message.title = message.title.slice(0, TITLE_MAX);
  for (const name of ['fields', 'bases'] as const) {
    const record = message[name];
    if (typeof record !== 'object' || record === null) continue;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key.length > FIELD_KEY_MAX) {
        if (name === 'fields')
          fieldProblems[key.slice(0, 80)] = {
            zh: `字段名超过 ${FIELD_KEY_MAX} 个字符，无法保存该字段；其他字段已保存。`,
            en: `The field's name is over ${FIELD_KEY_MAX} characters: this field cannot be saved; the others were.`,
          };
        continue;
      }
      if (typeof value === 'string' && value.length > FIELD_VALUE_MAX) {
        kept[key] = value.slice(0, FIELD_VALUE_MAX);
        if (name === 'fields')
          fieldProblems[key] = {
            zh: `内容超过 ${FIELD_VALUE_MAX} 字，草稿只保存了前 ${FIELD_VALUE_MAX} 字；请缩短此项。`,
            en: `Over ${FIELD_VALUE_MAX} characters: the draft keeps the first ${FIELD_VALUE_MAX} only; please shorten it.`,
          };
      } else kept[key] = value;
    }
    message[name] = kept;
  }
  return { message, fieldProblems };
}
