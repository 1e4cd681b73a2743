import { describe, expect, it, vi } from 'vitest';
import { type Backend, request, write } from '@/components/options/backend';
import { draftRequestHandlers } from '@/lib/drafts/requests';
import { saveDraft } from '@/lib/drafts/store';
import { createClient } from '@/lib/messages/contract';
import { createRouter, type Handlers, portalMatcher, type Sender } from '@/lib/messages/router';
import { freshDb } from '@/test/fixtures/drafts/sample';

const EXT = 'chrome-extension://our-id';
const options: Sender = { id: 'our-id', url: `${EXT}/options.html` };
const content: Sender = {
  id: 'our-id',
  url: 'https://service.most.gov.cn/apply',
  tab: { id: 3, url: 'https://service.most.gov.cn/apply' },
};
const KEY = 'https://service.most.gov.cn|SQ1';

/** The options page's backend over the real router and store: what the page asks is what the background answers. */
async function setup(sender: Sender = options) {
  const { db, clock } = freshDb();
  await saveDraft(db, {
    key: KEY,
    host: 'service.most.gov.cn',
    applicationId: 'SQ1',
    title: '储能材料',
    fields: { 'pi.name': '张三', 'project.duration': '24' },
  });
  const changed = vi.fn();
  const route = createRouter(
    { extensionId: 'our-id', extensionOrigin: EXT, isPortal: portalMatcher(['https://*.most.gov.cn/*']) },
    // Only the drafts handlers: these tests reach no other request.
    draftRequestHandlers(async () => db, changed) as Handlers,
    () => undefined,
  );
  const backend: Backend = {
    call: createClient((message) => route(message, sender)).call,
    onChange: () => () => undefined,
  };
  return { db, clock, backend, changed };
}

describe('the options page through the background contract', () => {
  it('lists, searches, renames, deletes and brings back a draft; each write tells the other pages', async () => {
    const { backend, changed } = await setup();
    expect(await request(backend, 'drafts:list', { search: '张三' })).toMatchObject({
      ok: true,
      value: [{ key: KEY, title: '储能材料' }],
    });
    expect(changed).not.toHaveBeenCalled();
    expect(await write(backend, 'drafts:rename', { key: KEY, title: '储能（改名）' })).toMatchObject({
      ok: true,
      value: { ok: true, draft: { title: '储能（改名）' } },
    });
    expect(await write(backend, 'drafts:delete', { key: KEY })).toEqual({ ok: true, value: true });
    expect(await request(backend, 'drafts:list', {})).toEqual({ ok: true, value: [] });
    expect(await write(backend, 'drafts:undoDelete', { key: KEY })).toEqual({ ok: true, value: true });
    expect(await request(backend, 'drafts:list', {})).toMatchObject({ ok: true, value: [{ key: KEY }] });
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('a refused write answers the message the banner shows, in Chinese and English', async () => {
    const { backend } = await setup();
    const renamed = await write(backend, 'drafts:rename', { key: `${KEY}-gone`, title: 'x' });
    expect(renamed).toEqual({
      ok: false,
      message: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) },
    });
    const saved = await request(backend, 'profiles:save', {
      profile: { kind: 'leadUnit', name: '某单位', creditCode: '1' },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { ok: false, error: 'invalid', problems: [{ path: 'profile.creditCode' }] },
    });
  });

  it('a request the background refuses or fails becomes a message, never a rejected promise', async () => {
    // A portal page's script cannot reach the drafts list
    const refused = await request((await setup(content)).backend, 'drafts:list', {});
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message.en).toContain('drafts:list is not for content scripts');
    const { backend, db } = await setup();
    db.close();
    const failed = await request(backend, 'drafts:revisions', { key: KEY });
    expect(failed).toMatchObject({ ok: false, message: { zh: expect.stringContaining('操作失败') } });
  });

  it('exports, then imports into another database; restores a revision keeping the checklist', async () => {
    const { backend } = await setup();
    const file = await request(backend, 'drafts:export', { includeRevisions: true });
    if (!file.ok) throw new Error('export failed');
    expect(file.value.drafts.map((d) => d.key)).toEqual([KEY]);
    const other = await setup();
    await write(other.backend, 'drafts:delete', { key: KEY });
    await request(other.backend, 'drafts:purgeDeleted', {});
    other.clock.advance(2 * 24 * 60 * 60 * 1000);
    expect(await request(other.backend, 'drafts:purgeDeleted', {})).toEqual({ ok: true, value: [KEY] });
    expect(await request(other.backend, 'drafts:import', { text: JSON.stringify(file.value) })).toMatchObject({
      ok: true,
      value: { ok: true, report: { added: 1 } },
    });
    const revisions = await request(other.backend, 'drafts:revisions', { key: KEY });
    if (!revisions.ok || !revisions.value[0]) throw new Error('no revisions');
    const restored = await write(other.backend, 'drafts:restore', {
      key: KEY,
      revisionId: revisions.value[0].id!,
      withChecklist: false,
    });
    expect(restored).toMatchObject({ ok: true, value: { ok: true, draft: { fields: { 'pi.name': '张三' } } } });
  });
});
