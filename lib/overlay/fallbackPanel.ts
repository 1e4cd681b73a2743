import { verdictLabels, verdictOf, verdictOrder } from '../core/vocabulary';
import { t } from '../i18n/pageSideMessages';
import type { OverlayController } from './controller';
import { describeFinding, rulesById } from './view';

/**
 * The reduced panel, drawn in our closed layer when the browser or a policy refuses the extension frame: the findings
 * as text, and which mode this is. Nothing the user keeps is offered here (profiles, other drafts, notes, imports);
 * its one button acts only on the user's own click. Plain DOM: the content script carries no framework.
 */
export const FALLBACK_CSS = `.gc-fallback{position:fixed;top:0;bottom:0;overflow:auto;box-sizing:border-box;padding:8px;
background:#fff;color:#222;font:13px/1.5 sans-serif;z-index:2147483001}.gc-fallback ul{padding:0;list-style:none}.gc-fallback li{margin-bottom:6px}
.gc-fallback b{display:block;margin:8px 0;font-size:15px}
.gc-fallback button{max-width:100%;overflow-wrap:anywhere}`;

export interface FallbackPanel {
  box: HTMLElement;
  /** Redraws from the controller's state, docked like the frame would be */
  draw(side: 'left' | 'right', width: number): void;
  remove(): void;
}

export function createFallbackPanel(
  container: HTMLElement,
  controller: Pick<OverlayController, 'getState' | 'setCollapsed'>,
): FallbackPanel {
  const doc = container.ownerDocument;
  const box = doc.createElement('section');
  box.className = 'gc-fallback';
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  // The page can dispatch a click at this button, never a trusted one.
  toggle.addEventListener('click', (e) => {
    if (e.isTrusted) controller.setCollapsed(!controller.getState().collapsed);
  });
  const body = doc.createElement('div');
  box.append(toggle, body);
  container.append(box);
  const line = (text: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    return p;
  };
  return {
    box,
    draw(side, width) {
      const s = controller.getState();
      const { lang, direction: d } = s;
      box.style.cssText = `${side}:0;width:${width}px`;
      toggle.textContent = t(lang, s.collapsed ? 'expand' : 'collapse');
      body.hidden = s.collapsed;
      if (s.collapsed) return;
      const rules = rulesById(s);
      const list = doc.createElement('ul');
      for (const { f, v } of s.findings
        .map((f) => ({ f, v: verdictOf(f.status, f.severity) }))
        .filter(({ f, v }) => v !== 'pass' && v !== 'na' && !s.checklist.acknowledgements[f.ruleId])
        .sort((a, b) => verdictOrder.indexOf(a.v) - verdictOrder.indexOf(b.v))) {
        const { title, message } = describeFinding(f, rules.get(f.ruleId), lang);
        const item = doc.createElement('li');
        item.textContent = `${verdictLabels[v][lang]} · ${title}：${message}`;
        list.append(item);
      }
      const title = doc.createElement('b');
      title.textContent = t(lang, 'panelTitle');
      body.replaceChildren(
        title,
        line(t('zh', 'panelFallback')),
        line(t('en', 'panelFallback')),
        line(s.error ?? (d ? `${d.direction.code} ${d.direction.title[lang]}` : t(lang, 'noDirection'))),
        list,
      );
    },
    remove: () => box.remove(),
  };
}
