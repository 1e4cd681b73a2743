import { z } from 'zod';
import { degrees, genders, titleLevels, unitTypes } from './vocabulary';

export {
  degreeLabels,
  degrees,
  genderLabels,
  genders,
  titleLevelLabels,
  titleLevels,
  unitTypeLabels,
  unitTypes,
} from './vocabulary';

/**
 * The application model: everything a rule may read about one application.
 * Amounts are in 万元 (10,000 CNY); dates are ISO `YYYY-MM-DD`.
 * Every field is optional because a half-filled portal form is the normal case:
 * a rule whose field is missing answers "cannot tell", never "fail".
 */

export const UnitType = z.enum(unitTypes);

/**
 * A calendar date as the form gives it. Kept as text (a wrong date must reach the engine, which reports it
 * at its field); marked so that pack validation knows the path holds a date (lib/packs/knownPaths.ts).
 */
export const DateText = z.string().meta({ valueType: 'date' });

export const Unit = z.object({
  name: z.string().optional(),
  /** 统一社会信用代码 */
  creditCode: z.string().optional(),
  type: UnitType.optional(),
  /** Top-level body the unit belongs to (上级主管单位); units sharing one are affiliated. Defaults to the unit's own name. */
  affiliation: z.string().optional(),
  /** 注册（成立）日期 */
  registeredOn: DateText.optional(),
  /** 国拨经费 (government funding requested for this unit), 万元 */
  governmentFunding: z.number().optional(),
  /** 自筹经费 / 配套出资 (the unit's own matching money), 万元 */
  matchingFunds: z.number().optional(),
});

export const ForeignPartner = z.object({
  name: z.string().optional(),
  country: z.string().optional(),
  institution: z.string().optional(),
  type: UnitType.optional(),
  /** Named bodies the partner belongs to, e.g. "RIKEN", "FME", "SFI", "INTPART", "H2020". */
  memberships: z.array(z.string()).default([]),
});

export const Person = z.object({
  name: z.string().optional(),
  gender: z.enum(genders).optional(),
  /** 职称 as written, e.g. "研究员" */
  title: z.string().optional(),
  /** 职称级别; derived from `title` when absent */
  titleLevel: z.enum(titleLevels).optional(),
  /** 学位 as written, e.g. "博士" */
  degree: z.string().optional(),
  /** 学位级别; derived from `degree` when absent */
  degreeLevel: z.enum(degrees).optional(),
  birthDate: DateText.optional(),
  /** Months per year the PI works on the project */
  monthsPerYear: z.number().optional(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

export const Attachment = z.object({
  /** A kind from `attachmentKinds`, so rules can ask for a document by kind. */
  kind: z.string(),
  name: z.string().optional(),
});

/** Document kinds the packs ask for. */
export const attachmentKinds = [
  'cooperationAgreement', // 合作协议 / 意向书
  'ipAgreement', // 知识产权协议
  'h2020ProposalEn', // 地平线2020申请书英文版
  'h2020BudgetZh', // 预算及中方研究内容中文翻译
  'dataManagementPlan', // 数据管理计划
  'partnerLetterOfIntent', // 外方合作意向书
  'abstractEn', // 半页英文摘要
  'other',
] as const;

export const Application = z.object({
  schema: z.literal(1).default(1),
  /** Pack id and direction code, when known */
  guideline: z.string().optional(),
  direction: z.string().optional(),
  project: z
    .object({
      nameZh: z.string().optional(),
      nameEn: z.string().optional(),
      startDate: DateText.optional(),
      endDate: DateText.optional(),
      /** 领域方向 / sub-direction, one of the direction's `areas` (their names or sub-areas) */
      area: z.string().optional(),
      abstractEn: z.string().optional(),
    })
    .default({}),
  leadUnit: Unit.default({}),
  participants: z.array(Unit).default([]),
  pi: Person.default({}),
  foreignPartners: z.array(ForeignPartner).default([]),
  budget: z
    .object({
      /** 中央财政经费, 万元 */
      central: z.number().optional(),
      /** 其他来源经费, 万元 */
      other: z.number().optional(),
    })
    .default({}),
  attachments: z.array(Attachment).default([]),
});

export type UnitType = z.infer<typeof UnitType>;
export type Unit = z.infer<typeof Unit>;
export type ForeignPartner = z.infer<typeof ForeignPartner>;
export type Person = z.infer<typeof Person>;
export type Attachment = z.infer<typeof Attachment>;
export type Application = z.infer<typeof Application>;
