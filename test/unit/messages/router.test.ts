import { expect, test, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/messages/router';

function setup() {
  const handlers = {
    getPacks: vi.fn(async () => ['pack']),
    saveDraft: vi.fn(async () => ({ ok: true })),
    getDraft: vi.fn(async () => null),
  };
  const log = vi.fn();
  // Only the handlers these tests reach; the background supplies every one (the type-check holds it to that).
  return { handlers, log, route: createRouter('our-id', handlers as unknown as Handlers, log) };
}

test('a valid message from our extension reaches its handler', async () => {
  const { route, handlers } = setup();
  expect(await route({ type: 'getPacks' }, { id: 'our-id' })).toEqual({ ok: true, value: ['pack'] });
  expect(handlers.getPacks).toHaveBeenCalledOnce();
});

test.each([
  ['unknown type', { type: 'runScript', code: 'alert(1)' }],
  ['missing fields', { type: 'saveDraft', key: 'k' }],
  ['wrong field type', { type: 'saveDraft', key: 'k', host: 'h', applicationId: 'a', fields: { x: 1 } }],
  ['not an object', 'getPacks'],
])('a malformed message (%s) is refused, logged, and nothing is written', async (_name, message) => {
  const { route, handlers, log } = setup();
  const response = await route(message, { id: 'our-id' });
  expect(response.ok).toBe(false);
  expect(log).toHaveBeenCalledOnce();
  expect(handlers.saveDraft).not.toHaveBeenCalled();
});

test('a message from another extension is refused', async () => {
  const { route, handlers } = setup();
  expect(await route({ type: 'getPacks' }, { id: 'someone-else' })).toEqual({ ok: false, error: 'forbidden sender' });
  expect(handlers.getPacks).not.toHaveBeenCalled();
});
