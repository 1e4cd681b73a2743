import type { FeedState, FeedStore } from '../updater';
import type { StorageArea } from './browserApi';

/** storage.local key of one subscription's state (packs, high-water marks, last check). */
export const feedStateKey = (feedUrl: string) => `feedState:${feedUrl}`;

/**
 * A subscription's FeedStore on storage.local. The whole state is one value written by one `set`,
 * so a crash or a closed service worker leaves either the old packs or the new ones, never a mix.
 */
export function storageFeedStore(area: StorageArea, feedUrl: string): FeedStore {
  const key = feedStateKey(feedUrl);
  return {
    get: async () => (await area.get(key))[key],
    put: (state: FeedState) => area.set({ [key]: state }),
  };
}
