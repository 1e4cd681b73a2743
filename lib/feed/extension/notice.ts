import { z } from 'zod';
import type { StorageArea } from './browserApi';

/**
 * What the user is told after new packs were applied: each pack's rule diff and the saved drafts
 * that now fail. The last notice is kept in storage.local until the next one replaces it.
 */
export const UpdateNotice = z.object({
  at: z.string(),
  packs: z.array(
    z.object({
      packId: z.string(),
      title: z.string(),
      from: z.number().optional(),
      to: z.number(),
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
    }),
  ),
  failingDrafts: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      packId: z.string(),
      direction: z.string(),
      ruleIds: z.array(z.string()),
    }),
  ),
  /** The titles of the rules named above (a removed rule's from the pack before), so the notice never shows an id */
  ruleTitles: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })).optional(),
});
export type UpdateNotice = z.infer<typeof UpdateNotice>;

const NOTICE_KEY = 'feedNotice';

export async function loadNotice(area: StorageArea): Promise<UpdateNotice | undefined> {
  const parsed = UpdateNotice.safeParse((await area.get(NOTICE_KEY))[NOTICE_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export function saveNotice(area: StorageArea, notice: UpdateNotice): Promise<void> {
  return area.set({ [NOTICE_KEY]: notice });
}
