import { type Application, type ForeignPartner, type Unit, unitTypeLabels } from '@/lib/application/model';
import type { RulePack } from '@/lib/packs/schema';
import { countries as replicaCountries } from '@/replica/data/vocabularies';

/**
 * Typing a whole application (a test fixture) into the replica's form, in Chromium (Playwright) or
 * Firefox (Puppeteer): the steps are browser-neutral, each driver carries them out as a user would.
 */
export type Step =
  | { do: 'fill'; name: string; value: string; frame?: 'budget' }
  | { do: 'select'; name: string; label: string }
  | { do: 'check'; name: string; label: string }
  | { do: 'click'; selector: string }
  | { do: 'upload'; kindLabel: string; fileName: string };

export interface Driver {
  run(step: Step): Promise<void>;
}

const unitTypeText = unitTypeLabels;
const membershipText: Record<string, string> = {
  RIKEN: '理化学研究所职员',
  FME: '挪威FME中心成员',
  SFI: '挪威SFI中心成员',
  H2020: '地平线2020正式参与方',
  INTPART: '挪威INTPART项目参与方',
};
const attachmentText: Record<string, string> = {
  cooperationAgreement: '合作协议或合作意向书（含知识产权条款）',
  partnerLetterOfIntent: '外方合作意向书',
  h2020ProposalEn: '地平线2020申请书（英文）',
  h2020BudgetZh: '预算及中方研究内容中文翻译',
  dataManagementPlan: '数据管理计划',
  abstractEn: '半页英文摘要',
  ipAgreement: '知识产权协议',
  other: '其他',
};
/** The countries the replica's partner select offers. */
const countries = replicaCountries.map((c) => c.text);

/**
 * The part of an application the replica's form can hold (the lead unit has no funding fields there,
 * one foreign partner without an institution field, no English abstract…): what the overlay can read back.
 */
export function projectToReplica(app: Application): Application {
  const unit = (u: Unit, lead: boolean): Unit => {
    const kept: Unit = { name: u.name, type: u.type, affiliation: u.affiliation };
    if (lead) kept.creditCode = u.creditCode;
    else Object.assign(kept, { governmentFunding: u.governmentFunding, matchingFunds: u.matchingFunds });
    return Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined && v !== '')) as Unit;
  };
  const partner = (p: ForeignPartner): ForeignPartner => {
    const kept = {
      name: p.name,
      country: p.country && countries.includes(p.country) ? p.country : undefined,
      type: p.type,
      memberships: p.memberships.filter((m) => membershipText[m]),
    };
    return Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) as ForeignPartner;
  };
  return {
    ...app,
    project: {
      nameZh: app.project.nameZh,
      nameEn: app.project.nameEn,
      startDate: app.project.startDate,
      endDate: app.project.endDate,
      area: app.project.area,
    },
    leadUnit: unit(app.leadUnit, true),
    participants: app.participants.map((u) => unit(u, false)),
    pi: {
      name: app.pi.name,
      birthDate: app.pi.birthDate,
      idNumber: app.pi.idNumber,
      phone: app.pi.phone,
      email: app.pi.email,
      monthsPerYear: app.pi.monthsPerYear,
    },
    foreignPartners: app.foreignPartners.slice(0, 1).map(partner),
    budget: { central: app.budget.central, other: app.budget.other },
    attachments: app.attachments.map((a) => ({ kind: a.kind, name: a.name ?? `${a.kind}.pdf` })),
  };
}

/** The steps that type `app` (already projected) into the standard replica form. */
export function stepsFor(app: Application, pack: RulePack): Step[] {
  const steps: Step[] = [];
  const fill = (name: string, value: string | number | undefined, frame?: 'budget') =>
    value !== undefined && value !== '' && steps.push({ do: 'fill', name, value: String(value), frame });
  const select = (name: string, label: string | undefined) => label && steps.push({ do: 'select', name, label });
  const direction = pack.directions.find((d) => d.code === app.direction)!;
  select('xmxx.znfx', `${direction.code} ${direction.title.zh}`);
  fill('xmxx.xmmc', app.project.nameZh);
  fill('xmxx.ywmc', app.project.nameEn);
  fill('xmxx.lyfx', app.project.area);
  fill('xmxx.zxqxks', app.project.startDate);
  fill('xmxx.zxqxjs', app.project.endDate);
  fill('sbdw.dwmc', app.leadUnit.name);
  fill('sbdw.tyshxydm', app.leadUnit.creditCode);
  select('sbdw.dwxz', app.leadUnit.type && unitTypeText[app.leadUnit.type]);
  fill('sbdw.sjzgbm', app.leadUnit.affiliation);
  app.participants.forEach((u, i) => {
    steps.push({ do: 'click', selector: 'input[data-action="add-row"][data-repeat-target="cydw"]' });
    fill(`cydw[${i}].dwmc`, u.name);
    select(`cydw[${i}].dwlx`, u.type && unitTypeText[u.type]);
    fill(`cydw[${i}].lsgx`, u.affiliation);
    fill(`cydw[${i}].gbjf`, u.governmentFunding);
    fill(`cydw[${i}].zcjf`, u.matchingFunds);
  });
  fill('xmfzr.xm', app.pi.name);
  fill('xmfzr.csrq', app.pi.birthDate);
  fill('xmfzr.zjhm', app.pi.idNumber);
  fill('xmfzr.sj', app.pi.phone);
  fill('xmfzr.dzyx', app.pi.email);
  fill('xmfzr.trsj', app.pi.monthsPerYear);
  const partner = app.foreignPartners[0];
  if (partner) {
    fill('wfdw.mc', partner.name);
    select('wfdw.gjdq', partner.country);
    select('wfdw.jglx', partner.type && unitTypeText[partner.type]);
    for (const m of partner.memberships) steps.push({ do: 'check', name: 'wfdw.zg', label: membershipText[m]! });
  }
  fill('jfys.zyczjf', app.budget.central, 'budget');
  fill('jfys.qtlyjf', app.budget.other, 'budget');
  for (const a of app.attachments)
    steps.push({ do: 'upload', kindLabel: attachmentText[a.kind] ?? '其他', fileName: a.name ?? `${a.kind}.pdf` });
  return steps;
}
