/**
 * The stylesheet of the HTML report: a clean page on screen; on paper A4, black-and-white friendly (status
 * marks carry the meaning, colours only help), no buttons, and a requirement or heading never split from its text.
 */
export const reportCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #111827; font: 14px/1.6 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 960px; margin: 24px auto; padding: 32px 40px; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { margin: 0 0 12px; font-size: 24px; text-align: center; letter-spacing: .1em; }
h2 { margin: 28px 0 8px; padding-bottom: 4px; font-size: 17px; border-bottom: 2px solid #111827; }
dl.meta, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { font-weight: bold; color: #374151; }
dd { margin: 0; }
ul.contacts { margin: 0; padding-left: 20px; }
table { width: 100%; border-collapse: collapse; margin: 4px 0; }
th, td { border: 1px solid #9ca3af; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
table.totals td.n, table.totals th.n { text-align: right; width: 11%; }
table.rules td.status { width: 7.5em; white-space: nowrap; }
table.rules td.severity { width: 4.5em; white-space: nowrap; }
.mark { display: inline-block; width: 1.2em; font-weight: bold; }
tr.fail .mark { color: #b91c1c; } tr.pass .mark { color: #15803d; } tr.confirm .mark, tr.unknown .mark { color: #b45309; } tr.na { color: #6b7280; }
tr.fail td.status { font-weight: bold; }
.title { font-weight: bold; }
.records { margin: 4px 0 0; padding: 0; list-style: none; }
.records li::before { content: "· "; }
.records .label { color: #374151; }
blockquote { margin: 4px 0 0; padding: 2px 8px; border-left: 3px solid #9ca3af; color: #374151; font-size: 13px; }
.sign-off { margin-top: 36px; font-size: 15px; }
.blank { display: inline-block; min-width: 10em; border-bottom: 1px solid #111827; margin: 0 24px 0 6px; }
.disclaimer { margin-top: 16px; font-size: 12px; color: #6b7280; }
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  button, .no-print { display: none !important; }
  * { color: #000 !important; background: transparent !important; box-shadow: none !important; }
  th, td { border-color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, blockquote, .sign-off, dl, ul.contacts { break-inside: avoid; page-break-inside: avoid; }
  section.form-section { break-inside: auto; }
  .sign-off { break-before: avoid; }
}
`;
