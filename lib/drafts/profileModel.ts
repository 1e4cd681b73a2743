import { z } from 'zod';

/**
 * Reusable data the applicant types again and again: the lead unit (单位名称, 统一社会信用代码, address, contacts)
 * and team members. Schemas only, so the database module can type its table without importing the profile store.
 */

/** 统一社会信用代码 (GB 32100-2015): 18 characters from CODE_CHARS, the last a check character over the first 17. */
export const CreditCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, {
        message:
          '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）/ a unified social credit code has 18 digits or capitals (no I, O, S, V, Z)',
        abort: true, // no check character to compare on a malformed code
      })
      .refine(
        (code) => creditCodeCheckChar(code) === code[17],
        '统一社会信用代码校验位不符，请核对 / the check character does not match: please check the code',
      ),
  );

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A typo in the credit code is a classic 形式审查 failure, and the check character catches most of them. */
function creditCodeCheckChar(code: string): string {
  const sum = CODE_WEIGHTS.reduce((total, weight, i) => total + CODE_CHARS.indexOf(code[i]!) * weight, 0);
  return CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

const Contact = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.string().max(100).optional(),
  phone: z.string().max(50).optional(),
  email: z.email().optional(),
});

const common = {
  /** Chosen by the caller or generated on first save */
  id: z.string().min(1).max(100),
  updatedAt: z.string(),
  /**
   * The portal sites (scheme + host) this profile is offered on: where it was saved from, or where the user chose
   * 在此网站使用. Empty: offered nowhere on a portal page until the user allows a site.
   */
  origins: z
    .array(
      z
        .string()
        .max(300)
        .regex(/^https?:\/\/[^/?#\s]+$/, {
          message:
            '网站应写成 https://主机名，如 https://service.most.gov.cn / a site is written https://host, e.g. https://service.most.gov.cn',
        }),
    )
    .max(50)
    .default([]),
};

export const LeadUnitProfile = z.object({
  ...common,
  kind: z.literal('leadUnit'),
  /** 单位名称: the full name as on the unit's seal */
  name: z.string().trim().min(1).max(200),
  creditCode: CreditCode.optional(),
  address: z.string().max(500).optional(),
  contacts: z.array(Contact).max(20).default([]),
});

export const TeamMemberProfile = z.object({
  ...common,
  kind: z.literal('teamMember'),
  name: z.string().trim().min(1).max(100),
  idNumber: z.string().max(50).optional(),
  title: z.string().max(100).optional(),
  degree: z.string().max(100).optional(),
  birthDate: z.iso.date().optional(),
  unit: z.string().max(200).optional(),
  role: z.string().max(100).optional(),
  phone: z.string().max(50).optional(),
  email: z.email().optional(),
});

export const Profile = z.discriminatedUnion('kind', [LeadUnitProfile, TeamMemberProfile]);
export type LeadUnitProfile = z.infer<typeof LeadUnitProfile>;
export type TeamMemberProfile = z.infer<typeof TeamMemberProfile>;
export type Profile = z.infer<typeof Profile>;
/** What a caller passes: updatedAt is stamped, and id generated unless the profile is being edited. */
type Unstamped<T> = Omit<T, 'id' | 'updatedAt'> & { id?: string };
export type ProfileInput = Unstamped<z.input<typeof LeadUnitProfile>> | Unstamped<z.input<typeof TeamMemberProfile>>;
