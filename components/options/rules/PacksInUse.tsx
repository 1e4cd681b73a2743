import type { FeedsStatus } from '@/lib/feed/extension/status';
import { HeadRow, Text } from '../Text';

/** The packs the checks use now, and where each came from. */
export function PacksInUse({ status }: { status: FeedsStatus }) {
  return (
    <table data-testid="packs-in-use">
      <HeadRow ids={['feedsPack', 'feedsVersion', 'feedsExpires', 'feedsSource']} />
      <tbody>
        {status.inUse.map((p) => (
          <tr key={p.id} data-pack={p.id}>
            <td>
              {p.title} <span className="gc-muted">{p.id}</span>
            </td>
            <td data-testid="pack-version">{p.version}</td>
            <td>
              {p.expires}
              {p.expired && (
                <strong className="gc-rs-expired" data-testid="pack-expired">
                  {' '}
                  <Text id="feedsExpired" />
                </strong>
              )}
            </td>
            <td data-testid="pack-source">
              <Text id={p.source === 'feed' ? 'feedsFromFeed' : 'feedsBundled'} />
              {p.source === 'feed' && <span> · {p.sourceName}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
