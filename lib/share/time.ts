/**
 * Share times are whole seconds: the share code stores seconds, so a file and a code of the same share are equal.
 * An unreadable time becomes the epoch, the oldest possible, so any real change wins over it in a merge.
 */
export function toIsoSeconds(iso: string): string {
  return new Date(toSeconds(iso) * 1000).toISOString();
}

export function toSeconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

export function fromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
