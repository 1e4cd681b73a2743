import type { UpdateNotice } from '@/lib/feed/extension/notice';
import { Text } from '../Text';

/** "+id" added, "~id" changed, "−id" removed. */
function changedRules(p: UpdateNotice['packs'][number]): string[] {
  return [...p.added.map((id) => `+${id}`), ...p.changed.map((id) => `~${id}`), ...p.removed.map((id) => `−${id}`)];
}

/** The last update: each pack's rule changes and the saved drafts that now fail. */
export function UpdateNoticeView({ notice }: { notice: UpdateNotice }) {
  return (
    <div className="gc-rs-notice" data-testid="update-notice" role="status">
      <strong>
        <Text id="feedsNoticeTitle" />
      </strong>{' '}
      <span className="gc-muted">{new Date(notice.at).toLocaleString('zh-CN')}</span>
      <ul>
        {notice.packs.map((p) => (
          <li key={p.packId}>
            <Text id="feedsNoticePack" vars={{ title: p.title, from: p.from ?? '—', to: p.to }} /> —{' '}
            <Text
              id="feedsNoticeDiff"
              vars={{ added: p.added.length, changed: p.changed.length, removed: p.removed.length }}
            />
            <div className="gc-muted">{changedRules(p).join('  ')}</div>
          </li>
        ))}
      </ul>
      {notice.failingDrafts.length ? (
        <>
          <Text id="feedsNoticeDrafts" />
          <ul data-testid="failing-drafts">
            {notice.failingDrafts.map((d) => (
              <li key={d.key}>
                {d.title}{' '}
                <span className="gc-muted">
                  ({d.packId} {d.direction})
                </span>
                : {d.ruleIds.join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="gc-muted">
          <Text id="feedsNoticeNoDrafts" />
        </p>
      )}
    </div>
  );
}
