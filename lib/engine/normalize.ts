/** Text compared the way a reviewer would: NFKC (full-width → half-width), trimmed, spaces collapsed, case-insensitive. */
export function normalizeText(value: unknown): string {
  return String(value).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
