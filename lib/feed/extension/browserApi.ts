/**
 * The slice of the WebExtension API the feed glue uses. The background passes the real `browser`,
 * unit tests pass WXT's fakeBrowser: both fit this shape, so nothing here imports a global.
 */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Permissions {
  contains(permissions: { origins?: string[] }): Promise<boolean>;
  request(permissions: { origins?: string[] }): Promise<boolean>;
}

interface Event<Listener> {
  addListener(listener: Listener): void;
}

export interface FeedBrowser {
  storage: { local: StorageArea; managed: Pick<StorageArea, 'get'> };
  alarms: {
    create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): unknown;
    get(name: string): Promise<unknown>;
    onAlarm: Event<(alarm: { name: string }) => void>;
  };
  runtime: { onInstalled: Event<(details: unknown) => void>; onStartup: Event<() => void> };
  permissions: Permissions;
}
