import type { MessageId } from '@/lib/i18n/pageMessages';
import type { Problem } from '@/lib/core/issues';
import type { Profile, ProfileInput } from '@/lib/drafts/profiles';

/**
 * The profile forms as flat text inputs, and their mapping to and from profiles.ts: an empty input means "not given"
 * (an empty e-mail would otherwise fail validation), and the lead unit's one contact on the form is `contacts[0]`.
 */
export type ProfileKind = Profile['kind'];
export type FormValues = Record<string, string>;

export interface FormField {
  name: string;
  label: MessageId;
  /** Where saveProfile reports a problem with this input */
  path: string;
  type?: 'text' | 'date' | 'email' | 'tel';
}

export const profileFields: Record<ProfileKind, FormField[]> = {
  leadUnit: [
    { name: 'name', label: 'optFieldName', path: 'profile.name' },
    { name: 'creditCode', label: 'optFieldCreditCode', path: 'profile.creditCode' },
    { name: 'address', label: 'optFieldAddress', path: 'profile.address' },
    { name: 'contactName', label: 'optFieldContact', path: 'profile.contacts[0].name' },
    { name: 'contactPhone', label: 'optFieldPhone', path: 'profile.contacts[0].phone', type: 'tel' },
    { name: 'contactEmail', label: 'optFieldEmail', path: 'profile.contacts[0].email', type: 'email' },
    { name: 'origins', label: 'optFieldSites', path: 'profile.origins' },
  ],
  teamMember: [
    { name: 'name', label: 'optFieldPersonName', path: 'profile.name' },
    { name: 'title', label: 'optFieldTitle', path: 'profile.title' },
    { name: 'degree', label: 'optFieldDegree', path: 'profile.degree' },
    { name: 'birthDate', label: 'optFieldBirthDate', path: 'profile.birthDate', type: 'date' },
    { name: 'idNumber', label: 'optFieldIdNumber', path: 'profile.idNumber' },
    { name: 'phone', label: 'optFieldMobile', path: 'profile.phone', type: 'tel' },
    { name: 'email', label: 'optFieldEmail', path: 'profile.email', type: 'email' },
    { name: 'origins', label: 'optFieldSites', path: 'profile.origins' },
  ],
};

/** The portal sites a profile is offered on, written one after another; a full address counts as its site. */
function sitesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,，;；]+/)
    .filter(Boolean)
    .map((site) => {
      try {
        const url = new URL(site);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : site;
      } catch {
        return site; // left as typed: the schema says what is wrong with it
      }
    });
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function toProfileInput(kind: ProfileKind, values: FormValues, id?: string): ProfileInput {
  if (kind === 'teamMember') {
    const { name = '', title, degree, birthDate, idNumber, phone, email, origins } = values;
    return {
      kind,
      id,
      name,
      origins: sitesOf(origins),
      title: given(title),
      degree: given(degree),
      birthDate: given(birthDate),
      idNumber: given(idNumber),
      phone: given(phone),
      email: given(email),
    };
  }
  const { name = '', creditCode, address, contactName, contactPhone, contactEmail, origins } = values;
  const contact = { name: contactName ?? '', phone: given(contactPhone), email: given(contactEmail) };
  const hasContact = Boolean(given(contactName) || contact.phone || contact.email);
  return {
    kind,
    id,
    name,
    origins: sitesOf(origins),
    creditCode: given(creditCode),
    address: given(address),
    contacts: hasContact ? [contact] : [],
  };
}

export function valuesOf(profile: Profile): FormValues {
  if (profile.kind === 'teamMember') {
    const { name, title = '', degree = '', birthDate = '', idNumber = '', phone = '', email = '' } = profile;
    return { name, title, degree, birthDate, idNumber, phone, email, origins: sitesText(profile) };
  }
  const contact = profile.contacts[0];
  return {
    name: profile.name,
    creditCode: profile.creditCode ?? '',
    address: profile.address ?? '',
    contactName: contact?.name ?? '',
    contactPhone: contact?.phone ?? '',
    contactEmail: contact?.email ?? '',
    origins: sitesText(profile),
  };
}

// `?? []`: rows saved before profiles had origins
const sitesText = (profile: Profile) => (profile.origins ?? []).join(' ');

/** Problems by form input name; one no input shows (should not happen) goes under '' so it is still seen. */
export function problemsByField(kind: ProfileKind, problems: readonly Problem[]): Record<string, Problem[]> {
  const out: Record<string, Problem[]> = {};
  for (const problem of problems) {
    // Problems of one site (profile.origins[1]) go under the sites input.
    const path = problem.path.replace(/^(profile\.origins)\[\d+\]$/, '$1');
    const name = profileFields[kind].find((f) => f.path === path)?.name ?? '';
    out[name] ??= [];
    out[name].push(problem);
  }
  return out;
}
