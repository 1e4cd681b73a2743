import type { FormValues } from './formValues';

/**
 * What the replica server remembers, in memory only: the values saved per application id (申报编号),
 * whether it was submitted, and which applications' sessions were expired by POST /egrantweb/api/expire.
 */
export class ReplicaStore {
  private readonly saved = new Map<string, FormValues>();
  private readonly submitted = new Set<string>();
  private readonly expired = new Set<string>();

  load(sbbh: string): FormValues {
    return this.saved.get(sbbh) ?? {};
  }

  save(sbbh: string, values: FormValues): void {
    this.saved.set(sbbh, values);
  }

  submit(sbbh: string, values: FormValues): void {
    this.saved.set(sbbh, values);
    this.submitted.add(sbbh);
  }

  isSubmitted(sbbh: string): boolean {
    return this.submitted.has(sbbh);
  }

  /** The next page load of this application opens as after a timeout (once). */
  expire(sbbh: string): void {
    this.expired.add(sbbh);
  }

  takeExpired(sbbh: string): boolean {
    return this.expired.delete(sbbh);
  }
}
