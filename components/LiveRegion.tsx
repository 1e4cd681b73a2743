/** Announces new errors to screen readers without moving focus. */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="gc-sr-only" role="status" aria-live="polite">
      {message}
    </div>
  );
}
