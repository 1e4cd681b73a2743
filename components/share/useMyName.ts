import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

const KEY = 'share:myName';

/**
 * The user's name for sharing and the "only mine" filter: typed once, kept in the extension's storage (never the
 * portal's), so every application page of this browser profile knows it.
 */
export function useMyName(): [string, (name: string) => void] {
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    browser.storage.local
      .get(KEY)
      .then((stored) => live && typeof stored[KEY] === 'string' && setName((typed) => typed || (stored[KEY] as string)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const remember = (next: string) => {
    setName(next);
    void browser.storage.local.set({ [KEY]: next.trim() }).catch(() => undefined);
  };
  return [name, remember];
}
