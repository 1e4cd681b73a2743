/**
 * One vocabulary for what a finding is and what a person did about it, shared by the panel, markers, report,
 * share summary, popup and options page. A failed rule is named by its severity (错误 / 警告 / 提示), so an info
 * item never reads "未通过"; the other statuses keep their own names.
 */
import type { Verdict } from '../core/vocabulary';
import type { MessageId } from './messages';

export { type Verdict, verdictOf, verdictOrder } from '../core/vocabulary';

export const verdictIds = {
  error: 'verdict_error',
  warning: 'verdict_warning',
  info: 'verdict_info',
  unknown: 'verdict_unknown',
  confirm: 'verdict_confirm',
  pass: 'verdict_pass',
  na: 'verdict_na',
} as const satisfies Record<Verdict, MessageId>;

/** Marks that survive black-and-white printing and plain text. */
export const verdictMarks: Record<Verdict, string> = {
  error: '✘',
  warning: '!',
  info: 'i',
  unknown: '…',
  confirm: '？',
  pass: '✔',
  na: '—',
};
