// @vitest-environment happy-dom
import { expect, test, vi } from 'vitest';
import { mountLayer } from '@/lib/overlay/layer';
import { onExtensionGone } from '@/lib/overlay/lifetime';
import { isInsecurePortal } from '@/lib/messages/tabStatus';

test('a forged "content script started" event does not stop the overlay; a real end of the extension does', () => {
  let fire = () => {};
  let id: string | undefined = 'our-id';
  const stop = vi.fn();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  onExtensionGone(
    (cb) => (fire = cb),
    () => id,
    stop,
  );
  fire(); // the page dispatched WXT's event while the extension is alive
  expect(stop).not.toHaveBeenCalled();
  id = undefined; // the extension was reloaded: this copy of the script has no runtime any more
  fire();
  expect(stop).toHaveBeenCalledOnce();
});

test('the closed layer hides its content from the page and keeps keystrokes inside', () => {
  const layer = mountLayer(document, { tag: 'guidecheck-overlay', css: '.x{}', mode: 'closed' });
  layer.container.innerHTML = '<input id="note">';
  const host = document.querySelector('guidecheck-overlay')!;
  expect(host.shadowRoot).toBeNull();
  expect(document.body.textContent).toBe('');
  const heard = vi.fn();
  document.addEventListener('keydown', heard);
  layer.container
    .querySelector('input')!
    .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
  expect(heard).not.toHaveBeenCalled();
  layer.remove();
  expect(document.querySelector('guidecheck-overlay')).toBeNull();
});

test.each([
  ['http://service.most.gov.cn/apply', true],
  ['http://most.gov.cn/', true],
  ['https://service.most.gov.cn/apply', false],
  ['http://most.gov.cn.evil.example/', false],
  ['http://notmost.gov.cn/', false],
  [undefined, false],
])('%s is an insecure portal page: %s', (url, insecure) => {
  expect(isInsecurePortal(url)).toBe(insecure);
});
