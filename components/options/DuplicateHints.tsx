import type { Draft } from '@/lib/drafts/model';
import { Text } from './Text';
import { duplicatesByGuideline } from './applicants';

/**
 * 限项 hint. Info, not an error: no bundled pack states a per-person or per-unit limit, so a shared applicant is
 * something to check against the guideline, not a failure.
 */
export function DuplicateHints({ drafts }: { drafts: Draft[] }) {
  const byGuideline = duplicatesByGuideline(drafts);
  if (byGuideline.length === 0) return null;
  const titleOf = new Map(drafts.map((d) => [d.key, d.title || d.applicationId]));
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
            <code>{guideline}</code>
            <ul>
              {groups.map((g, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text, never reordered and holding no state
                <li key={i} data-kind={g.kind}>
                  <Text id={g.kind === 'principalInvestigator' ? 'optLimitPi' : 'optLimitUnit'} />：{g.label} —{' '}
                  {g.keys.map((k) => titleOf.get(k) ?? k).join('、')}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
