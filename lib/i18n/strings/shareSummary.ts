/** Strings of a share's Markdown summary (written by the background, not the overlay). */
export const shareSummaryStrings = {
  shareSummaryHeading: { zh: '{code} {title} · 检查清单', en: '{code} {title} · checklist' },
  shareSummaryMeta: {
    zh: '规则包 {pack} 第 {version} 版 · 由 {by} 于 {at} 分享',
    en: 'Rule pack {pack} version {version} · shared by {by} on {at}',
  },
  shareSummaryCounts: {
    zh: '{error} 个错误 · {warning} 个警告 · {info} 条提示 · {confirm} 项待确认',
    en: '{error} errors · {warning} warnings · {info} notes · {confirm} to confirm',
  },
  shareSummaryConfirmed: { zh: '已确认：{by}，{at}', en: 'Confirmed by {by} on {at}' },
  shareSummaryNote: { zh: '备注：{note}', en: 'Note: {note}' },
  shareSummaryDocument: { zh: '材料：{state}（{at}）', en: 'Document: {state} ({at})' },
  shareSummaryAcknowledged: {
    zh: '已忽略警告：{reason}（{by}，{at}）',
    en: 'Warning acknowledged: {reason} ({by}, {at})',
  },
  shareSummaryFields: { zh: '分享的填写内容', en: 'Shared field contents' },
  shareSummaryUnknownRule: { zh: '（本机规则包中无此规则）', en: '(not in this rule pack)' },
} as const;
