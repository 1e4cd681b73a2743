import type { Checklist } from '@/lib/core/vocabulary';
import { formatTime } from './format';
import { ruleTitle } from './ruleTitles';
import { Text, useLang } from './Text';

/** The team's checklist work on a draft by requirement: who confirmed, readied or gave a reason, and when; owners. */
export function ChecklistState({ checklist }: { checklist: Checklist }) {
  const lang = useLang();
  const rows = [
    ...Object.entries(checklist.confirmations).map(([rule, c]) => ({
      rule,
      kind: <Text id="confirmed" />,
      detail: [c.by, formatTime(c.at), c.note].filter(Boolean).join(' · '),
    })),
    ...Object.entries(checklist.documents).map(([rule, d]) => ({
      rule,
      kind: <Text id={d.ready ? 'documentReady' : 'documentNotReady'} />,
      detail: [d.by, formatTime(d.at)].filter(Boolean).join(' · '),
    })),
    ...Object.entries(checklist.acknowledgements).map(([rule, a]) => ({
      rule,
      kind: <Text id="acknowledged" />,
      detail: [a.by, formatTime(a.at), a.reason].filter(Boolean).join(' · '),
    })),
    ...Object.entries(checklist.owners).map(([rule, owner]) => ({ rule, kind: <Text id="optOwner" />, detail: owner })),
  ];
  return (
    <div data-testid="draft-checklist">
      <h4>
        <Text id="optChecklist" />
      </h4>
      {rows.length === 0 ? (
        <p className="gc-muted">
          <Text id="optChecklistEmpty" />
        </p>
      ) : (
        <table>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
              <tr key={i}>
                <td>{ruleTitle(r.rule, lang)}</td>
                <td>{r.kind}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
