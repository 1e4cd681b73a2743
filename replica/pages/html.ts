/** Tiny HTML helpers for the replica's server-rendered pages: every text is escaped. */

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `name="v"` pairs; `true` gives a bare attribute, `false`/undefined leaves it out. */
export function attrs(pairs: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(pairs)
    .map(([k, v]) => (v === undefined || v === false ? '' : v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join('');
}

/**
 * An id the way ASP.NET WebForms generates them ("ctl00_cph_txtXmmc_3f2a"): the suffix is a stable
 * hash of the field name, so the page is the same on every load but nothing about it is ours to rely on.
 */
export function portalId(kind: string, name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const stem =
    name
      .replace(/\[.*?\]/g, '')
      .split('.')
      .pop() ?? name;
  return `ctl00_cph_${kind}${stem.charAt(0).toUpperCase()}${stem.slice(1)}_${(h & 0xffff).toString(16).padStart(4, '0')}`;
}
