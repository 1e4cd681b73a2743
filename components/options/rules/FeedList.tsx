import type { FeedRow } from '@/lib/feed/extension/status';
import { Text, useLang } from '../Text';

/** Subscribed and policy-set feeds: keys, last check, last problem in plain words. */
export function FeedList({
  feeds,
  busy,
  onRemove,
}: {
  feeds: FeedRow[];
  busy: boolean;
  onRemove: (url: string) => void;
}) {
  const lang = useLang();
  if (!feeds.length) {
    return (
      <p className="gc-muted">
        <Text id="feedsNone" />
      </p>
    );
  }
  return (
    <ul className="gc-rs-feeds">
      {feeds.map((f) => (
        <li key={f.url} data-feed={f.url} data-source={f.source}>
          <div>
            <strong>{f.name}</strong> <code>{f.url}</code>
            {f.source === 'policy' ? (
              <span className="gc-rs-policy" data-testid="feed-policy">
                <Text id="feedsByPolicy" />
              </span>
            ) : (
              <button type="button" disabled={busy} onClick={() => onRemove(f.url)}>
                <Text id="feedsRemove" />
              </button>
            )}
          </div>
          <div>
            <Text id="feedsKeys" vars={{ k: f.threshold }} />
            <ul>
              {f.keys.map((k) => (
                <li key={k.kid}>
                  <code>{k.fingerprint}</code> <span className="gc-muted">{k.kid}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <Text id="feedsLastCheck" />:{' '}
            {f.lastCheck ? new Date(f.lastCheck).toLocaleString('zh-CN') : <Text id="feedsNever" />}
            {f.packs.length > 0 && (
              <span className="gc-muted"> · {f.packs.map((p) => `${p.id} v${p.version}`).join(', ')}</span>
            )}
          </div>
          {f.stale && (
            <div data-testid="feed-stale" className="gc-rs-error">
              <Text id="feedsStale" vars={{ days: f.staleDays }} />
            </div>
          )}
          <div data-testid="feed-error">
            {f.lastError ? (
              <span className="gc-rs-error">
                <Text id="feedsLastError" />: {f.lastError[lang]}
              </span>
            ) : f.lastCheck ? (
              <span className="gc-ok">
                <Text id="feedsOk" />
              </span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
