import type { DraftDb } from './db';
import { quotaGuard } from './db';
import { parseWithProblems, type Problem } from '../core/issues';
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
  // An edit that does not say where the profile is offered keeps the sites the user allowed.
  const origins = input.origins ?? (input.id ? (await db.profiles.get(input.id))?.origins : undefined);
  const parsed = parseWithProblems(
    Profile,
    { ...input, origins, id: input.id ?? crypto.randomUUID(), updatedAt: db.now().toISOString() },
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

/** The profiles a portal page of `origin` may be offered: only those allowed there. */
export const profilesFor = (profiles: Profile[], origin: string) =>
  // `?? []`: rows saved before profiles had origins
  profiles.filter((p) => (p.origins ?? []).includes(origin));

/** 在此网站使用: the user allowed the profile on `origin`. */
export async function allowProfileOn(db: DraftDb, id: string, origin: string): Promise<Profile> {
  const profile = await db.profiles.get(id);
  if (!profile) throw new Error(`no profile ${id}`);
  const origins = profile.origins ?? [];
  if (origins.includes(origin)) return profile;
  const next = { ...profile, origins: [...origins, origin] };
  await db.profiles.put(next);
  return next;
}

/** false: there was no such profile */
export async function deleteProfile(db: DraftDb, id: string): Promise<boolean> {
  return (await db.profiles.where('id').equals(id).delete()) > 0;
}
