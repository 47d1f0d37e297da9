/**
 * @module report/html/styles
 * The report's only stylesheet, inlined in `<head>`: system fonts, a print layout, no web fonts
 * and no external URLs (the page must open offline).
 */

/** CSS of the report page. */
export const REPORT_CSS = `
:root { --ink: #1d2733; --muted: #5a6472; --rule: #d9dee4; --panel: #f6f7f9; --accent: #1f5a99; --china: #b2382c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.wrap { max-width: 1088px; margin: 0 auto; padding: 0 24px; }
a { color: var(--accent); overflow-wrap: anywhere; }
.masthead { background: #16202c; color: #fff; padding: 26px 0 22px; border-top: 4px solid var(--china); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: #aeb8c4; margin: 0 0 6px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; font-weight: 650; overflow-wrap: anywhere; }
.lede { max-width: 78ch; color: #dfe5ec; margin: 0 0 16px; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; font-size: 13px; }
.meta div { display: flex; gap: 6px; }
.meta dt { color: #aeb8c4; }
.meta dd { margin: 0; font-weight: 600; }
nav.toc { border-bottom: 1px solid var(--rule); background: #fff; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; margin: 0 auto; padding: 10px 24px; max-width: 1088px; font-size: 13.5px; }
nav.toc a { text-decoration: none; color: var(--ink); }
nav.toc a:hover { color: var(--accent); text-decoration: underline; }
section { padding: 26px 0 10px; border-bottom: 1px solid var(--rule); }
h2 { font-size: 20px; line-height: 1.3; margin: 0 0 4px; }
h2 .n { color: var(--muted); font-weight: 500; margin-right: 8px; }
.intro { color: var(--muted); margin: 0 0 16px; max-width: 84ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(235px, 1fr)); gap: 14px; margin-bottom: 16px; }
@media (min-width: 1000px) { .cards { grid-template-columns: 1fr 1fr 1.45fr 1.25fr; } }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px; background: var(--panel); }
.card h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 8px; }
.card p { margin: 0 0 6px; font-size: 14px; }
.big { font-size: 32px !important; font-weight: 700; line-height: 1.1; }
.unit { font-size: 14px; font-weight: 500; color: var(--muted); }
ul.plain { list-style: none; padding: 0; margin: 0; font-size: 14px; }
ul.plain li { padding: 2px 0; }
.muted { color: var(--muted); }
.chart-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
@media (max-width: 820px) { .chart-grid { grid-template-columns: 1fr; } }
figure.chart { margin: 0 0 16px; border: 1px solid var(--rule); border-radius: 6px; padding: 4px; background: #fff; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 12.5px; color: var(--muted); padding: 2px 8px 6px; }
.table-wrap { overflow-x: auto; margin: 6px 0 20px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #b8c0ca; font-weight: 600; font-size: 12.5px; color: var(--muted); }
tbody tr:nth-child(even) { background: #fafbfc; }
.num { text-align: right; white-space: nowrap; }
table.compact { font-size: 13.5px; }
table.compact th, table.compact td { padding: 3px 6px; background: none; }
.table-note { font-size: 12.5px; color: var(--muted); margin: 6px 0 0; }
.window-note { margin: 16px auto 0; padding: 10px 14px; border-left: 4px solid var(--accent); background: var(--panel); font-size: 14px; }
.empty { padding: 16px 18px; background: var(--panel); border: 1px dashed #b8c0ca; border-radius: 6px; color: var(--muted); margin: 0 0 16px; }
.flow-radio { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.flow-months { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 12px; }
.flow-months-title { color: var(--muted); font-size: 13.5px; }
.flow-months label { border: 1px solid #b8c0ca; border-radius: 999px; padding: 3px 12px; cursor: pointer; font-size: 13.5px; user-select: none; }
.flow-months .tag { font-size: 11.5px; opacity: .8; }
.flow-panel { display: none; }
ul.warnings { margin: 0 0 16px; padding-left: 20px; }
ul.warnings li { margin: 4px 0; }
footer { color: var(--muted); font-size: 12.5px; padding-top: 18px; padding-bottom: 40px; }
@media print {
  .masthead { background: none; color: #000; border-top: 0; }
  .kicker, .meta dt, .lede { color: #333; }
  nav.toc, .flow-months { display: none; }
  .flow-panel { display: block !important; }
  figure.chart, .card, tr { break-inside: avoid; }
}
`;
