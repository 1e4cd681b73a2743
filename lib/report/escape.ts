/** Escaping of pack, draft and user strings for the report's two formats. */

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element or a quoted attribute: markup in a note shows as the characters typed. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

/**
 * One-line Markdown text for a list item or a table cell: line breaks become spaces (they would end the
 * item or the row), inline markup and raw HTML are backslash-escaped (CommonMark shows `\<` as "<"),
 * and a leading "#", "-", "+" or "1." cannot start a heading or a nested list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([#+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
