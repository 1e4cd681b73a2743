import type { LeadUnitProfile, TeamMemberProfile } from '../../drafts/profiles';

/**
 * Saved profiles as draft fields, so repeated data (unit name, credit code, the PI's details) is filled
 * by the same fillForm that restores drafts. Keys are application-model paths the portal profile maps.
 */

/** Where a unit profile goes: the lead unit, or row N of 参与单位 */
export type UnitSlot = 'leadUnit' | `participants.${number}`;
/** Where a person goes: the project leader (项目负责人) */
export type PersonSlot = 'pi';

/** Only what the profile holds: an empty value would clear what the applicant already typed. */
function present(entries: [string, string | undefined][]): Record<string, string> {
  return Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1]?.trim()));
}

export function profileToFields(profile: LeadUnitProfile, kind: UnitSlot): Record<string, string>;
export function profileToFields(profile: TeamMemberProfile, kind: PersonSlot): Record<string, string>;
export function profileToFields(
  profile: LeadUnitProfile | TeamMemberProfile,
  kind: UnitSlot | PersonSlot,
): Record<string, string> {
  if (profile.kind === 'leadUnit') {
    // a participant row has no credit-code column; address and contacts have no field in the form's model
    return present(
      kind === 'leadUnit'
        ? [
            ['leadUnit.name', profile.name],
            ['leadUnit.creditCode', profile.creditCode],
          ]
        : [[`${kind}.name`, profile.name]],
    );
  }
  return present([
    [`${kind}.name`, profile.name],
    [`${kind}.title`, profile.title],
    [`${kind}.degree`, profile.degree],
    [`${kind}.birthDate`, profile.birthDate],
    [`${kind}.idNumber`, profile.idNumber],
    [`${kind}.phone`, profile.phone],
    [`${kind}.email`, profile.email],
  ]);
}
