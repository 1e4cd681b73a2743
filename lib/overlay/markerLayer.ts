import type { PlacedMarker } from './markers';

/**
 * The markers beside the portal's fields, drawn with plain DOM into our closed layer (no framework in the content
 * script). Nothing is kept in attributes the page could query; a marker acts only on the user's own click.
 */
export const MARKER_CSS = `
.gc-marker{position:fixed;width:18px;height:18px;border-radius:50%;border:0;padding:0;margin:0;color:#fff;
font:bold 12px/18px "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;text-align:center;cursor:pointer;
z-index:2147483000}
.gc-marker.gc-error{background:#c81e1e}
.gc-marker.gc-warning{background:#d97706}
.gc-marker-text{display:none;position:absolute;left:22px;top:-4px;white-space:nowrap;padding:4px 8px;
background:#1f2933;color:#fff;border-radius:4px;font-weight:normal;font-size:12px;line-height:1.5;text-align:left}
.gc-marker:hover .gc-marker-text,.gc-marker:focus .gc-marker-text{display:block}
`;

export interface MarkerLayer {
  draw(markers: PlacedMarker[]): void;
}

export function createMarkerLayer(container: HTMLElement, onActivate: (ruleId: string) => void): MarkerLayer {
  const doc = container.ownerDocument;
  const drawn = new Map<string, { button: HTMLButtonElement; text: Text; label: string; severity: string }>();
  return {
    draw(markers) {
      const keep = new Set(markers.map((m) => m.ruleId));
      for (const [ruleId, m] of drawn) {
        if (keep.has(ruleId)) continue;
        m.button.remove();
        drawn.delete(ruleId);
      }
      for (const m of markers) {
        let entry = drawn.get(m.ruleId);
        if (!entry) {
          const button = doc.createElement('button');
          button.type = 'button';
          const tip = doc.createElement('span');
          tip.className = 'gc-marker-text';
          const text = doc.createTextNode('');
          tip.append(text);
          button.append('!', tip);
          const { ruleId } = m;
          button.addEventListener('click', (e) => {
            if (e.isTrusted) onActivate(ruleId);
          });
          container.append(button);
          entry = { button, text, label: '', severity: '' };
          drawn.set(ruleId, entry);
        }
        if (entry.label !== m.text) {
          entry.label = m.text;
          entry.text.data = m.text;
        }
        if (entry.severity !== m.severity) {
          entry.severity = m.severity;
          entry.button.className = `gc-marker gc-${m.severity}`;
        }
        entry.button.style.top = `${m.top}px`;
        entry.button.style.left = `${m.left}px`;
      }
    },
  };
}
