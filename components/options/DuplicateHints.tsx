import type { Draft } from '@/lib/drafts/model';
import { Text, useLang } from './Text';
import { duplicatesByGuideline } from './applicants';
import { guidelineTitle } from './ruleTitles';

/**
 * 限项 hint. Info, not an error: no bundled pack states a per-person or per-unit limit, so a shared applicant is
 * something to check against the guideline, not a failure.
 */
export function DuplicateHints({ drafts }: { drafts: Draft[] }) {
  const lang = useLang();
  const byGuideline = duplicatesByGuideline(drafts);
  if (byGuideline.length === 0) return null;
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  return (
    <div className="gc-banner gc-banner-info gc-limits" role="status" data-testid="duplicate-hints">
      <div className="gc-banner-text">
        <strong>
          <Text id="optLimits" />
        </strong>
        <div>
          <Text id="optLimitsInfo" />
        </div>
        {byGuideline.map(({ guideline, groups }) => (
          <div key={guideline} data-guideline={guideline}>
            <div className="gc-limits-guideline">{guidelineTitle(guideline, lang)}</div>
            <ul>
              {groups.map((g, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
                <li key={i} data-kind={g.kind}>
                  <Text id={g.kind === 'principalInvestigator' ? 'optLimitPi' : 'optLimitUnit'} />：{g.label} —{' '}
                  {draftNames(g.keys.map((k) => byKey.get(k))).join('、')}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * The drafts of a group, each title once: drafts sharing a title are told apart by their application numbers
 * ("中奥量子信息科学联合研究（SQ…01、SQ…02）"), a draft without a title is named by its number.
 */
export function draftNames(drafts: (Draft | undefined)[]): string[] {
  const byTitle = new Map<string, string[]>();
  for (const d of new Set(drafts)) {
    if (!d) continue;
    const title = d.title || d.applicationId;
    byTitle.set(title, [...(byTitle.get(title) ?? []), d.applicationId]);
  }
  return [...byTitle].map(([title, ids]) => (ids.length > 1 ? `${title}（${ids.join('、')}）` : title));
}
