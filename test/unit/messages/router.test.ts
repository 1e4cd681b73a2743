import { expect, test, vi } from 'vitest';
import { CallError, createClient } from '@/lib/messages/contract';
import {
  classifySender,
  createRouter,
  type Handlers,
  portalMatcher,
  type Sender,
  type SenderPolicy,
} from '@/lib/messages/router';

const EXT = 'chrome-extension://our-id';
// The store build's matches: https only.
const policy: SenderPolicy = {
  extensionId: 'our-id',
  extensionOrigin: EXT,
  isPortal: portalMatcher(['https://*.most.gov.cn/*']),
};
const PORTAL = 'https://service.most.gov.cn';
const options: Sender = { id: 'our-id', url: `${EXT}/options.html` };
const panel: Sender = { id: 'our-id', url: `${EXT}/panel.html`, tab: { id: 3, url: `${PORTAL}/apply?x=1` } };
const content: Sender = { id: 'our-id', url: `${PORTAL}/apply?x=1`, tab: { id: 3, url: `${PORTAL}/apply?x=1` } };

function setup() {
  const handlers = {
    getPacks: vi.fn(async () => ['pack']),
    getPack: vi.fn(async () => 'whole pack'),
    saveDraft: vi.fn(async () => ({ ok: true })),
    getDraft: vi.fn(async () => null),
    listProfiles: vi.fn(async () => []),
    'feeds:list': vi.fn(async () => ({ feeds: [] })),
  };
  const log = vi.fn();
  // Only the handlers these tests reach; the background supplies every one (the type-check holds it to that).
  return { handlers, log, route: createRouter(policy, handlers as unknown as Handlers, log) };
}

test('a valid message from our extension page reaches its handler, with the sender’s role', async () => {
  const { route, handlers } = setup();
  expect(await route({ type: 'getPacks' }, options)).toEqual({ ok: true, value: ['pack'] });
  expect(handlers.getPacks).toHaveBeenCalledWith({ type: 'getPacks' }, { role: 'extension', tabOrigin: undefined });
});

test('a content script asks for the index, then one pack by its id', async () => {
  const { route, handlers } = setup();
  expect(await route({ type: 'getPacks' }, content)).toEqual({ ok: true, value: ['pack'] });
  expect(await route({ type: 'getPack', id: '2019-intl-1' }, content)).toEqual({ ok: true, value: 'whole pack' });
  expect(handlers.getPack).toHaveBeenCalledWith(
    { type: 'getPack', id: '2019-intl-1' },
    { role: 'content', origin: PORTAL },
  );
});

test.each([
  ['unknown type', { type: 'runScript', code: 'alert(1)' }],
  ['missing fields', { type: 'saveDraft', key: 'k' }],
  ['wrong field type', { type: 'saveDraft', key: 'k', host: 'h', applicationId: 'a', fields: { x: 1 } }],
  ['not an object', 'getPacks'],
  ['a pack without its id', { type: 'getPack' }],
  ['a pack id too long', { type: 'getPack', id: 'x'.repeat(101) }],
])('a malformed message (%s) is refused, logged, and nothing is written', async (_name, message) => {
  const { route, handlers, log } = setup();
  const response = await route(message, options);
  expect(response.ok).toBe(false);
  expect(log).toHaveBeenCalledOnce();
  expect(handlers.saveDraft).not.toHaveBeenCalled();
});

test.each<[string, Sender]>([
  ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
  ['our id but no url', { id: 'our-id' }],
  [
    'our content script on a page that is not the portal',
    { id: 'our-id', url: 'https://evil.example/', tab: { id: 1 } },
  ],
  ['a portal url without a tab', { id: 'our-id', url: `${PORTAL}/apply` }],
  ['a look-alike host', { id: 'our-id', url: 'https://most.gov.cn.evil.example/', tab: { id: 1 } }],
])('a message from %s is refused and logged', async (_name, sender) => {
  const { route, handlers, log } = setup();
  const response = await route({ type: 'getPacks' }, sender);
  expect(response).toMatchObject({ ok: false, error: expect.stringMatching(/^refused: forbidden sender/) });
  expect(log).toHaveBeenCalledOnce();
  expect(handlers.getPacks).not.toHaveBeenCalled();
});

test('senders are classified from the browser’s url, never from the message', () => {
  expect(classifySender(options, policy)).toEqual({ role: 'extension', tabOrigin: undefined });
  expect(classifySender(panel, policy)).toEqual({ role: 'extension', tabOrigin: PORTAL });
  expect(classifySender(content, policy)).toEqual({ role: 'content', origin: PORTAL });
  // The http:// copy of the portal is no portal page in the store build; in a build that matches it (the test
  // build's replica) it is another site than the https:// one.
  expect(classifySender({ ...content, url: 'http://service.most.gov.cn/a' }, policy)).toMatchObject({
    refused: expect.any(String),
  });
  const withHttp = { ...policy, isPortal: portalMatcher(['https://*.most.gov.cn/*', 'http://127.0.0.1/*']) };
  expect(classifySender({ ...content, url: 'http://127.0.0.1:5173/apply' }, withHttp)).toEqual({
    role: 'content',
    origin: 'http://127.0.0.1:5173',
  });
});

test('a content script reads drafts of its own scheme + host only', async () => {
  const { route, handlers, log } = setup();
  expect(await route({ type: 'getDraft', key: `${PORTAL}|SQ1` }, content)).toEqual({ ok: true, value: null });
  for (const key of ['https://other.most.gov.cn|SQ1', 'http://service.most.gov.cn|SQ1', 'service.most.gov.cn|SQ1']) {
    const response = await route({ type: 'getDraft', key }, content);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('is not of https://service') });
  }
  expect(handlers.getDraft).toHaveBeenCalledOnce();
  expect(log).toHaveBeenCalledTimes(3);
  // An extension page (options) may open any draft.
  expect((await route({ type: 'getDraft', key: 'https://other.most.gov.cn|SQ1' }, options)).ok).toBe(true);
});

test.each([
  { type: 'feeds:list' },
  { type: 'feeds:checkNow' },
  { type: 'feeds:unsubscribe', url: 'https://feed.example/' },
  { type: 'saveDraft', key: `${PORTAL}|SQ1`, host: 'service.most.gov.cn', applicationId: 'SQ1', fields: {} },
  { type: 'profiles:allowHere', id: 'p1' },
])('a content script cannot reach %o', async (message) => {
  const { route, handlers } = setup();
  const response = await route(message, content);
  expect(response).toMatchObject({ ok: false, error: expect.stringContaining('is not for content scripts') });
  expect(handlers['feeds:list']).not.toHaveBeenCalled();
  expect(handlers.saveDraft).not.toHaveBeenCalled();
});

test('call: the typed client unwraps the answer or throws the background’s reason', async () => {
  const sent: unknown[] = [];
  const { call, ask } = createClient(async (message) => {
    sent.push(message);
    return (message as { type: string }).type === 'getDraft'
      ? { ok: true, value: null }
      : { ok: false, error: 'refused: no' };
  });
  expect(await call('getDraft', { key: 'k' })).toBeNull();
  expect(await ask({ type: 'getDraft', key: 'j' })).toBeNull();
  expect(sent).toEqual([
    { type: 'getDraft', key: 'k' },
    { type: 'getDraft', key: 'j' },
  ]);
  await expect(call('feeds:list', {})).rejects.toEqual(new CallError('feeds:list', 'refused: no'));
  await expect(createClient(async () => undefined).call('getPacks', {})).rejects.toThrow('no answer');
});
