import type { DraftDb } from './db';
import { quotaGuard } from './db';
import { parseWithProblems, type Problem } from './problems';
import { Profile, type ProfileInput } from './profileModel';

/** Saving, listing and deleting profiles (schemas in profileModel.ts). Filled into the form from the options page or overlay. */
export {
  CreditCode,
  LeadUnitProfile,
  Profile,
  type ProfileInput,
  TeamMemberProfile,
} from './profileModel';

export type SaveProfileResult =
  | { ok: true; profile: Profile }
  | { ok: false; error: 'invalid'; problems: Problem[] }
  | { ok: false; error: 'quota' };

export async function saveProfile(db: DraftDb, input: ProfileInput): Promise<SaveProfileResult> {
  const parsed = parseWithProblems(
    Profile,
    { ...input, id: input.id ?? crypto.randomUUID(), updatedAt: db.now().toISOString() },
    'profile',
  );
  if (!parsed.success) return { ok: false, error: 'invalid', problems: parsed.problems };
  const profile = parsed.data;
  return quotaGuard(async () => {
    await db.profiles.put(profile);
    return { ok: true as const, profile };
  });
}

/** Profiles of one kind (or all), by name. */
export async function listProfiles(db: DraftDb, kind?: Profile['kind']): Promise<Profile[]> {
  const rows = kind ? await db.profiles.where('kind').equals(kind).toArray() : await db.profiles.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

export async function deleteProfile(db: DraftDb, id: string): Promise<void> {
  await db.profiles.delete(id);
}
