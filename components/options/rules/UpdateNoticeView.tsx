import type { Lang } from '@/lib/core/vocabulary';
import type { UpdateNotice } from '@/lib/feed/extension/notice';
import { ruleTitle } from '../ruleTitles';
import { Text, useLang } from '../Text';

/** "+title" added, "~title" changed, "−title" removed: rules by their titles, never their ids. */
function changedRules(p: UpdateNotice['packs'][number], title: (id: string) => string): string[] {
  return [
    ...p.added.map((id) => `+${title(id)}`),
    ...p.changed.map((id) => `~${title(id)}`),
    ...p.removed.map((id) => `−${title(id)}`),
  ];
}

/** A rule's title as the notice recorded it, else as the built-in packs know it. */
const titleIn = (notice: UpdateNotice, lang: Lang) => (id: string) =>
  notice.ruleTitles?.[id]?.[lang] ?? ruleTitle(id, lang);

/** The last update: each pack's rule changes and the saved drafts that now fail. */
export function UpdateNoticeView({ notice }: { notice: UpdateNotice }) {
  const title = titleIn(notice, useLang());
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
            <div className="gc-muted">{changedRules(p, title).join('  ')}</div>
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
                : {d.ruleIds.map(title).join('、')}
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
