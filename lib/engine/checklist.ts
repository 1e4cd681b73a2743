/**
 * What the team has recorded beside the rules: who confirmed a confirm-rule, which documents are ready.
 * Keyed by rule id. Dates are ISO timestamps.
 */
export interface Checklist {
  confirmations: Record<string, { by?: string; at: string; note?: string }>;
  documents: Record<string, { ready: boolean; at: string }>;
}
