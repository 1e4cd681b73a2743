import { useEffect, useState } from 'react';
import { formatBytes } from './format';
import { Text } from './Text';

/** The part of navigator.storage the page uses (tests and other browsers pass their own). */
export type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

type Status =
  | { state: 'loading' }
  | { state: 'unknown' }
  | { state: 'known'; persistent: boolean; usage?: number; quota?: number };

/**
 * 存储: asks once for persistent storage (granted to extensions with unlimitedStorage, so the browser does not evict
 * drafts under disk pressure) and shows the space used.
 */
export function StorageStatus({ storage }: { storage: StorageApi | undefined }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  useEffect(() => {
    if (!storage) return setStatus({ state: 'unknown' });
    let live = true;
    (async () => {
      const persistent = (await storage.persisted()) || (await storage.persist());
      const { usage, quota } = await storage.estimate();
      if (live) setStatus({ state: 'known', persistent, usage, quota });
    })().catch(() => live && setStatus({ state: 'unknown' }));
    return () => {
      live = false;
    };
  }, [storage]);

  return (
    <section id="storage" data-testid="storage-status">
      <h2>
        <Text id="optStorage" />
      </h2>
      {status.state === 'loading' ? (
        <p className="gc-muted">…</p>
      ) : status.state === 'unknown' ? (
        <p className="gc-muted">
          <Text id="optStorageUnknown" />
        </p>
      ) : (
        <ul className="gc-storage">
          <li
            data-testid="storage-persistent"
            data-persistent={status.persistent}
            className={status.persistent ? 'gc-ok' : undefined}
          >
            <Text id={status.persistent ? 'optStoragePersistent' : 'optStorageBestEffort'} />
          </li>
          <li data-testid="storage-used">
            <Text id="optStorageUsed" vars={{ used: formatBytes(status.usage ?? 0) }} />
          </li>
        </ul>
      )}
    </section>
  );
}
