import type { PlacedMarker } from '@/lib/overlay/markers';

export interface FieldMarkersProps {
  markers: PlacedMarker[];
  onActivate(ruleId: string): void;
}

/** Warning badges beside the portal's fields, drawn in our own layer: the page's content, layout and focus stay untouched. */
export function FieldMarkers({ markers, onActivate }: FieldMarkersProps) {
  return (
    <div className="gc-markers">
      {markers.map((m) => (
        <button
          type="button"
          key={m.ruleId}
          className={`gc-marker gc-${m.severity}`}
          style={{ top: m.top, left: m.left }}
          title={m.text}
          aria-label={m.text}
          data-rule={m.ruleId}
          onClick={() => onActivate(m.ruleId)}
        >
          !<span className="gc-marker-text">{m.text}</span>
        </button>
      ))}
    </div>
  );
}
