import type { Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';

/**
 * Where a test finds the panel's document: the extension page framed into the portal page (panel.html, its own
 * origin: the page cannot read it). Every panel locator in the e2e tests goes through these two.
 */
const isPanel = (url: string) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(url);

/** Waits for the panel frame (it appears once the page shows an application form) and returns it. */
export async function panelIn(page: PlaywrightPage, timeout = 30_000): Promise<PlaywrightFrame> {
  const end = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => isPanel(f.url()) && !f.isDetached());
    if (frame) return frame;
    if (Date.now() > end) throw new Error('no GuideCheck panel frame on the page');
    await page.waitForEvent('framenavigated', { timeout: Math.max(1, end - Date.now()) }).catch(() => undefined);
  }
}

/** The same for Firefox through puppeteer. */
export async function panelInFirefox(page: PuppeteerPage, timeout = 30_000): Promise<PuppeteerFrame> {
  const end = Date.now() + timeout;
  for (;;) {
    const frames = page.frames().filter((f) => !f.detached);
    const frame = frames.find((f) => isPanel(f.url()));
    if (frame) return frame;
    // Firefox's remote agent may report an extension frame by its first address (about:blank): ask the frame.
    for (const f of frames.filter((x) => x.url() === 'about:blank'))
      if (isPanel(await f.evaluate(() => location.href).catch(() => ''))) return f;
    if (Date.now() > end) throw new Error('no GuideCheck panel frame on the page');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Firefox: where an element of the panel sits in the page's viewport (the panel frame is docked to a side; both
 * viewports' places on the screen, which Firefox gives in CSS pixels, tell where). `target` is a selector in the panel
 * or an element found there.
 */
export async function pointInPanelFirefox(
  page: PuppeteerPage,
  target: string | ElementHandle<Element>,
  timeout = 10_000,
): Promise<{ x: number; y: number }> {
  const frame = await panelInFirefox(page, timeout);
  const element = typeof target === 'string' ? await frame.waitForSelector(target, { timeout }) : target;
  if (!element) throw new Error(`nothing in the panel matches ${String(target)}`);
  const inFrame = await element.evaluate((el) => {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    return {
      x: r.x + r.width / 2,
      y: r.y + r.height / 2,
      screenX: Reflect.get(window, 'mozInnerScreenX') as number,
      screenY: Reflect.get(window, 'mozInnerScreenY') as number,
    };
  });
  const viewport = await page.evaluate(() => ({
    screenX: Reflect.get(window, 'mozInnerScreenX') as number,
    screenY: Reflect.get(window, 'mozInnerScreenY') as number,
  }));
  return { x: inFrame.x + inFrame.screenX - viewport.screenX, y: inFrame.y + inFrame.screenY - viewport.screenY };
}

/**
 * Firefox: presses an element of the panel as the user does, by the mouse at its place (puppeteer cannot click into
 * the extension frame: "Unsupported frame type").
 */
export async function clickInPanelFirefox(
  page: PuppeteerPage,
  target: string | ElementHandle<Element>,
  timeout = 10_000,
): Promise<void> {
  const { x, y } = await pointInPanelFirefox(page, target, timeout);
  await page.mouse.click(x, y);
}

/** A marker as the user sees it: its text and where it sits on the page. */
export interface SeenMarker {
  text: string;
  box: { x: number; y: number; width: number; height: number };
  /** The marker's node for the inspector (CDP), to scroll it into view. */
  node: number;
}

/**
 * The markers drawn beside the portal's fields. They sit in a closed shadow root the page cannot open, so the test
 * reads them as the browser's inspector does: the DOM with shadow roots pierced (CDP), boxes from the layout.
 */
export async function markersIn(page: PlaywrightPage): Promise<SeenMarker[]> {
  const seen = await inLayer(
    page,
    (node) => node.localName === 'button' && /\bgc-marker\b/.test(attr(node, 'class') ?? ''),
  );
  return seen.map((m) => ({ ...m, text: m.text.replace(/^!/, '') }));
}

/**
 * Elements of our closed layer that `match`, with their text and where they are drawn, read as the browser's inspector
 * does: the DOM with shadow roots pierced (CDP), boxes from the layout. Elements not drawn (hidden) are left out.
 */
async function inLayer(page: PlaywrightPage, match: (node: CdpNode) => boolean): Promise<SeenMarker[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: CdpNode[] = [];
    const walk = (node: CdpNode, inside: boolean) => {
      const layer = inside || node.localName === 'guidecheck-overlay';
      if (layer && match(node)) found.push(node);
      // The panel's frame is another document (CDP gives it as contentDocument, not children): not walked.
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, layer);
    };
    walk(root, false);
    const seen: SeenMarker[] = [];
    for (const node of found) {
      const box = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId }).catch(() => undefined)) as
        | { model: { content: number[]; width: number; height: number } }
        | undefined;
      if (!box) continue;
      const [x = 0, y = 0] = box.model.content;
      seen.push({
        text: textOf(node),
        box: { x, y, width: box.model.width, height: box.model.height },
        node: node.backendNodeId,
      });
    }
    return seen;
  } finally {
    await cdp.detach();
  }
}

/**
 * The reduced panel, drawn in our closed layer where the browser refuses the panel's frame: its text, whether its
 * findings are shown (not collapsed) and its one button. Undefined while it is not drawn.
 */
export async function fallbackPanelIn(
  page: PlaywrightPage,
): Promise<{ text: string; expanded: boolean; button: SeenMarker; controls: number } | undefined> {
  const [panel] = await inLayer(page, (node) => attr(node, 'class') === 'gc-fallback');
  if (!panel) return undefined;
  // Every control drawn in the layer but the markers
  const controls = await inLayer(
    page,
    (node) =>
      ['input', 'textarea', 'select', 'a', 'details'].includes(node.localName ?? '') ||
      (node.localName === 'button' && !attr(node, 'class')),
  );
  // Collapsed, the list's part is hidden: it has no box.
  const list = await inLayer(page, (node) => node.localName === 'ul');
  const [button] = controls;
  return button && { text: panel.text, expanded: list.length > 0, button, controls: controls.length };
}

/** Waits until the reduced panel is drawn and its text includes `text`. */
export async function waitForFallbackPanel(page: PlaywrightPage, text: string, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const panel = await fallbackPanelIn(page);
    if (panel?.text.includes(text)) return panel;
    if (Date.now() > end) throw new Error(`no reduced panel saying “${text}” within ${timeout} ms (${panel?.text})`);
    await page.waitForTimeout(100);
  }
}

/**
 * Presses a marker as the user does: a real mouse click at its place (the page's own script cannot do this: its
 * synthetic events are not trusted). `text` is a part of the marker's text.
 */
export async function clickMarker(page: PlaywrightPage, text: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    const marker = (await markersIn(page)).find((m) => m.text.includes(text));
    if (!marker && Date.now() > end) throw new Error(`no marker saying “${text}”`);
    if (marker) {
      const { x, y, width, height } = marker.box;
      const centre = { x: x + width / 2, y: y + height / 2 };
      // A marker below the fold would take the click elsewhere: bring it into view first.
      const viewport = page.viewportSize() ?? { width: 0, height: 0 };
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('DOM.getDocument', { depth: 0 });
        if (centre.y < 0 || centre.y > viewport.height || centre.x < 0 || centre.x > viewport.width) {
          await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: marker.node });
        } else {
          // Another marker's tip (shown on hover or focus) can lie over this one: press only where the browser's
          // own hit-testing finds this marker, and where two reads agree (a restore may still be moving the form).
          const hit = (await cdp
            .send('DOM.getNodeForLocation', { x: Math.round(centre.x), y: Math.round(centre.y) })
            .catch(() => undefined)) as { backendNodeId: number } | undefined;
          const place = JSON.stringify(marker.box);
          if (hit?.backendNodeId === marker.node && place === last) {
            await page.mouse.click(centre.x, centre.y);
            return;
          }
          last = place;
        }
      } finally {
        await cdp.detach();
      }
      if (Date.now() > end) throw new Error(`the marker saying “${text}” never stood still in view`);
    }
    await page.waitForTimeout(100);
  }
}

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function attr(node: CdpNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Waits until a marker whose text includes `text` is drawn, and returns it. */
export async function markerSaying(page: PlaywrightPage, text: string, timeout = 10_000): Promise<SeenMarker> {
  const end = Date.now() + timeout;
  for (;;) {
    const marker = (await markersIn(page)).find((m) => m.text.includes(text));
    if (marker) return marker;
    if (Date.now() > end) throw new Error(`no marker saying “${text}” within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the panel says every change typed on this page is saved (the draft is in the extension's database). */
export async function waitSaved(page: PlaywrightPage, timeout = 15_000): Promise<void> {
  const line = (await panelIn(page)).locator('[data-testid="gc-save-state"]:not([data-saving])');
  await line.filter({ hasText: /草稿已保存|Draft saved/ }).waitFor({ timeout });
}

/** Waits until no marker's text includes `text`. */
export async function noMarkerSaying(page: PlaywrightPage, text: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while ((await markersIn(page)).some((m) => m.text.includes(text))) {
    if (Date.now() > end) throw new Error(`a marker still says “${text}” after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** The marker of a failing finding the panel lists: found by the finding's message, which the marker repeats. */
export async function markerOf(page: PlaywrightPage, ruleId: string, timeout = 10_000): Promise<SeenMarker> {
  const message = (await panelIn(page)).locator(`.gc-finding[data-rule="${ruleId}"] .gc-message`);
  return markerSaying(page, (await message.textContent({ timeout })) ?? '', timeout);
}

/**
 * Firefox (no CDP to pierce the closed root): whether one of our markers is drawn just right of the control
 * `target` (a selector or the control), as the page's hit-testing sees it — the point where the marker sits belongs to our layer's host.
 */
export async function markerBesideInFirefox(
  page: PuppeteerPage,
  target: string | ElementHandle<Element>,
): Promise<boolean> {
  const control = typeof target === 'string' ? await page.$(target) : target;
  if (!control) throw new Error(`no control ${String(target)} on the page`);
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.right + 13, r.top + r.height / 2);
    return hit?.localName === 'guidecheck-overlay';
  });
}

/**
 * Waits until `predicate(arg)` holds in the Firefox panel frame. Puppeteer's waitForFunction builds a Function there,
 * which the extension page's CSP forbids, so the condition is asked again every 50 ms instead.
 */
export async function waitInPanelFirefox(
  page: PuppeteerPage,
  predicate: (arg: string) => boolean | undefined,
  arg = '',
  timeout = 5000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await panelInFirefox(page);
    if (await frame.evaluate(predicate, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Panel condition not met within ${timeout} ms: ${predicate}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Firefox: waits until the panel says every change typed on this page is saved (its save line shows the time of the
 * last acknowledged save and nothing is on its way) — the draft is in the extension's database.
 */
export async function waitSavedInFirefox(page: PuppeteerPage, timeout = 15_000): Promise<void> {
  await waitInPanelFirefox(
    page,
    () => {
      const line = document.querySelector('[data-testid="gc-save-state"]');
      return !!line && !line.hasAttribute('data-saving') && /草稿已保存|Draft saved/.test(line.textContent ?? '');
    },
    '',
    timeout,
  );
}
