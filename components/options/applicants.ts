import type { Draft } from '@/lib/drafts/model';
import { findDuplicateApplicants, type Applicants, type DuplicateGroup } from '@/lib/drafts/limits';

/** Who applies, read from the application-model field keys the portal fill and extractor use. */
export function applicantsOf(draft: Draft): Applicants {
  const { fields } = draft;
  return {
    piName: fields['pi.name'],
    piId: fields['pi.idNumber'],
    leadUnitName: fields['leadUnit.name'],
    leadUnitCode: fields['leadUnit.creditCode'],
  };
}

export interface GuidelineDuplicates {
  guideline: string;
  groups: DuplicateGroup[];
}

/** The 限项 hint per guideline: limits count applications within one batch, so drafts of different guidelines never group. */
export function duplicatesByGuideline(drafts: readonly Draft[]): GuidelineDuplicates[] {
  const guidelines = [...new Set(drafts.map((d) => d.guideline).filter((g): g is string => Boolean(g)))].sort();
  return guidelines
    .map((guideline) => ({ guideline, groups: findDuplicateApplicants(drafts, guideline, applicantsOf) }))
    .filter((g) => g.groups.length > 0);
}
