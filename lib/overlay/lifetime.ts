/**
 * When the overlay stops. WXT invalidates a content script when a "content script started" event reaches it, and
 * the page can dispatch that event too. Only a real end counts: the extension reloaded or removed, which leaves
 * this script without a runtime (`runtime.id` undefined).
 */
export function onExtensionGone(
  invalidated: (cb: () => void) => void,
  extensionId: () => string | undefined,
  stop: () => void,
): void {
  invalidated(() => {
    if (extensionId() === undefined) stop();
    else console.warn('GuideCheck: ignored a forged "content script started" event; the overlay keeps running');
  });
}
