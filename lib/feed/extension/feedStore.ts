import type { FeedState, FeedStore, VerifiedCache } from '../updater';
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

/**
 * storage.session key of what this browser session verified of a subscription's stored packs. The extension's version
 * is part of it: packs verified under an older schema are verified again after an update.
 */
export const verifiedKey = (feedUrl: string, version: string) => `feedVerified:${version}:${feedUrl}`;

/** A subscription's VerifiedCache on storage.session (memory only; our own contexts only). */
export function sessionVerifiedCache(area: StorageArea, feedUrl: string, version: string): VerifiedCache {
  const key = verifiedKey(feedUrl, version);
  return {
    get: async () => (await area.get(key))[key],
    put: (record) => area.set({ [key]: record }),
  };
}
