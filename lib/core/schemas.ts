/** The zod schemas of ./vocabulary.ts, for the boundaries that parse input (background, pages, CLI). */
import { z } from 'zod';
import { type Bilingual, type Checklist, langs } from './vocabulary';

export const LangSchema = z.enum(langs);

export const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

/** A team member's work on a direction's checklist; missing parts read as empty. */
export const ChecklistSchema = z.object({
  confirmations: z
    .record(z.string(), z.object({ by: z.string().optional(), at: z.string(), note: z.string().optional() }))
    .default({}),
  documents: z
    .record(z.string(), z.object({ ready: z.boolean(), by: z.string().optional(), at: z.string() }))
    .default({}),
  acknowledgements: z
    .record(z.string(), z.object({ reason: z.string(), by: z.string().optional(), at: z.string() }))
    .default({}),
  owners: z.record(z.string(), z.string()).default({}),
});

/** Both directions: a field added to the type or to the schema alone fails the type-check. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<z.output<typeof ChecklistSchema>, Checklist>;
true satisfies Same<z.output<typeof BilingualSchema>, Bilingual>;
