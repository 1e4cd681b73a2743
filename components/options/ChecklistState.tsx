import { Both } from './rules/Both';
import type { Checklist } from '@/lib/core/vocabulary';

/** The team's checklist work on a draft, by rule id: confirmations, documents, acknowledged warnings, owners. */
export function ChecklistState({ checklist }: { checklist: Checklist }) {
  const rows = [
    ...Object.entries(checklist.confirmations).map(([rule, c]) => ({
      rule,
      kind: <Both id="optConfirmed" />,
      detail: [c.by, c.note].filter(Boolean).join(' · '),
    })),
    ...Object.entries(checklist.documents).map(([rule, d]) => ({
      rule,
      kind: <Both id={d.ready ? 'optDocReady' : 'optDocMissing'} />,
      detail: '',
    })),
    ...Object.entries(checklist.acknowledgements).map(([rule, a]) => ({
      rule,
      kind: <Both id="optAcknowledged" />,
      detail: [a.by, a.reason].filter(Boolean).join(' · '),
    })),
    ...Object.entries(checklist.owners).map(([rule, owner]) => ({ rule, kind: <Both id="optOwner" />, detail: owner })),
  ];
  return (
    <div data-testid="draft-checklist">
      <h4>
        <Both id="optChecklist" />
      </h4>
      {rows.length === 0 ? (
        <p className="gc-muted">
          <Both id="optChecklistEmpty" />
        </p>
      ) : (
        <table>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
              <tr key={i}>
                <td>
                  <code>{r.rule}</code>
                </td>
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
