import { useCallback, useEffect, useState } from 'react';
import type { FeedsStatus } from '@/lib/feed/extension/status';
import type { SubscribeInput } from '@/lib/feed/extension/subscriptions';
import type { z } from 'zod';
import { browserRuleSourcesApi, type RuleSourcesApi } from './rules/api';
import { Text, useLang } from './Text';
import { FeedList } from './rules/FeedList';
import { PacksInUse } from './rules/PacksInUse';
import { SubscribeForm } from './rules/SubscribeForm';
import { UpdateNoticeView } from './rules/UpdateNoticeView';
import './rules/ruleSources.css';

/**
 * 规则来源 (rule sources) on the options page: the packs in use, the institution's and the user's feeds,
 * the last update notice, 立即检查 and the subscription form. Everything shown comes from the background.
 */
export function RuleSources({ api = browserRuleSourcesApi }: { api?: RuleSourcesApi }) {
  const lang = useLang();
  const [status, setStatus] = useState<FeedsStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = useCallback(
    async (request: Parameters<RuleSourcesApi['send']>[0]) => {
      setBusy(true);
      try {
        setStatus(await api.send(request));
        setError(undefined);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void run({ type: 'feeds:list' });
  }, [run]);

  const subscribe = (input: z.output<typeof SubscribeInput>) => run({ type: 'feeds:subscribe', ...input });

  return (
    <section id="rules" data-testid="rule-sources" className="gc-rule-sources" aria-busy={busy}>
      <h2>
        <Text id="feedsTitle" />
      </h2>
      {error && (
        <p className="gc-rs-error" role="alert" data-testid="rule-sources-error">
          <Text id="feedsLoadError" vars={{ error }} />
        </p>
      )}
      {!status && !error && (
        <p className="gc-muted" data-testid="rule-sources-loading">
          <Text id="feedsReading" />
        </p>
      )}
      {status && (
        <>
          {status.notice && <UpdateNoticeView notice={status.notice} />}
          {status.institutionName && (
            <p>
              <Text id="feedsInstitution" vars={{ name: status.institutionName }} />
            </p>
          )}
          {status.policyErrors.length > 0 && (
            <div className="gc-rs-error" role="alert">
              <Text id="feedsPolicyError" />
              <ul>
                {status.policyErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )}
          {status.errors.map((e) => (
            <p key={e.en} className="gc-rs-error" role="alert">
              {e[lang]}
            </p>
          ))}
          <h3>
            <Text id="feedsInUse" />
          </h3>
          <PacksInUse status={status} />
          <h3>
            <Text id="feedsSubscriptions" />{' '}
            <button
              type="button"
              data-testid="check-now"
              disabled={busy}
              onClick={() => void run({ type: 'feeds:checkNow' })}
            >
              <Text id={busy ? 'feedsChecking' : 'feedsCheckNow'} />
            </button>
          </h3>
          <FeedList feeds={status.feeds} busy={busy} onRemove={(url) => void run({ type: 'feeds:unsubscribe', url })} />
          <SubscribeForm permissions={api.permissions} busy={busy} onSubscribe={subscribe} />
        </>
      )}
    </section>
  );
}
