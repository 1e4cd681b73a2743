import { useState } from 'react';
import { fingerprint } from '@/lib/feed/crypto';
import { fromBase64Url } from '@/lib/feed/encoding';
import { requestFeedPermission } from '@/lib/feed/extension/permission';
import { SubscribeInput } from '@/lib/feed/extension/subscriptions';
import type { Permissions } from '@/lib/feed/extension/browserApi';
import type { z } from 'zod';
import { t } from '@/lib/i18n/pageMessages';
import { Text, useLang } from '../Text';

type Checked = z.output<typeof SubscribeInput> & { fingerprints: string[] };

/**
 * Two steps: the keys' fingerprints are shown for the user to compare with the institution's notice;
 * only then does 订阅 ask for the site permission (first thing in the click, as browsers require) and subscribe.
 */
export function SubscribeForm({
  permissions,
  busy,
  onSubscribe,
}: {
  permissions: Permissions;
  busy: boolean;
  onSubscribe: (input: z.output<typeof SubscribeInput>) => Promise<void>;
}) {
  const lang = useLang();
  const [url, setUrl] = useState('');
  const [keys, setKeys] = useState('');
  const [threshold, setThreshold] = useState('1');
  const [name, setName] = useState('');
  const [checked, setChecked] = useState<Checked>();
  const [errors, setErrors] = useState<string[]>([]);

  async function check() {
    const parsed = SubscribeInput.safeParse({
      url: url.trim(),
      keys: keys.split(/[\s,]+/).filter(Boolean),
      threshold: Number(threshold),
      name: name.trim() || undefined,
    });
    setChecked(undefined);
    if (!parsed.success)
      return setErrors(parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`));
    setErrors([]);
    setChecked({
      ...parsed.data,
      fingerprints: await Promise.all(parsed.data.keys.map((k) => fingerprint(fromBase64Url(k)!))),
    });
  }

  async function subscribe(input: Checked) {
    const granted = await requestFeedPermission(permissions, input.url).catch(() => false);
    if (!granted) return setErrors([t(lang, 'feedsPermissionDenied')]);
    const { fingerprints: _shown, ...request } = input;
    await onSubscribe(request);
    setChecked(undefined);
    setUrl('');
    setKeys('');
    setName('');
  }

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setChecked(undefined);
    };

  return (
    <form
      className="gc-rs-form"
      data-testid="subscribe-form"
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      <h3>
        <Text id="feedsAddTitle" />
      </h3>
      <label>
        <Text id="feedsUrl" />
        <input
          name="feedUrl"
          type="url"
          value={url}
          placeholder="https://…/index.json"
          onChange={(e) => edit(setUrl)(e.target.value)}
        />
      </label>
      <label>
        <Text id="feedsKeysInput" />
        <textarea name="feedKeys" rows={2} value={keys} onChange={(e) => edit(setKeys)(e.target.value)} />
      </label>
      <label>
        <Text id="feedsThreshold" />
        <input
          name="feedThreshold"
          type="number"
          min={1}
          value={threshold}
          onChange={(e) => edit(setThreshold)(e.target.value)}
        />
      </label>
      <label>
        <Text id="feedsName" />
        <input name="feedName" value={name} onChange={(e) => edit(setName)(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        <Text id="feedsShowFingerprints" />
      </button>
      {errors.length > 0 && (
        <ul className="gc-rs-error" role="alert" data-testid="subscribe-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {checked && (
        <div className="gc-rs-confirm" data-testid="fingerprints">
          <Text id="feedsConfirmFingerprints" />
          <ul>
            {checked.fingerprints.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="confirm-subscribe" disabled={busy} onClick={() => void subscribe(checked)}>
            <Text id="feedsSubscribe" />
          </button>
        </div>
      )}
    </form>
  );
}
