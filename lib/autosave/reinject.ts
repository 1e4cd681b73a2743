/**
 * Chrome runs a manifest content script only in pages loaded after the extension was installed, updated or
 * reloaded: an open portal tab keeps the old, dead script, which can no longer save. After such an event the
 * background runs the new script in every open tab the manifest matches, so it takes the old script's unsaved
 * changes over (handover.ts). Firefox injects into open tabs itself and must not get a second copy.
 */
export interface ReinjectApi {
  contentScripts(): { matches?: string[]; js?: string[]; all_frames?: boolean }[];
  tabsMatching(matches: string[]): Promise<{ id?: number; discarded?: boolean }[]>;
  inject(target: { tabId: number; allFrames: boolean }, files: string[]): Promise<unknown>;
}

/** Injects each manifest content script into its open tabs; a tab that refuses (closed meanwhile) is skipped. */
export async function reinjectContentScripts(api: ReinjectApi): Promise<number> {
  let injected = 0;
  for (const script of api.contentScripts()) {
    if (!script.matches?.length || !script.js?.length) continue;
    for (const tab of await api.tabsMatching(script.matches)) {
      // A discarded tab loads the page, and with it the script, again when the user returns to it.
      if (tab.id === undefined || tab.discarded) continue;
      try {
        await api.inject({ tabId: tab.id, allFrames: script.all_frames ?? false }, script.js);
        injected++;
      } catch (error) {
        console.warn(`GuideCheck: could not run the content script in tab ${tab.id} after the update`, error);
      }
    }
  }
  return injected;
}
