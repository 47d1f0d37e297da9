/**
 * @module report/html/section-gaps
 * Sections "Who closed the gap" (extra output against the baseline, by region and stage), "What the measures
 * cost" (import duty and price-floor top-ups) and "Warnings" (what the run itself flagged). Tables and lists only.
 */
import type { ChinaSupplyChange, RunReport } from "../report-model.js";
import { formatChange, formatMainElements, formatTonnes, formatUsdMillions, POLICY_COST_LABEL } from "../number-format.js";
import { destinationsText, OUTPUT_STAGE_BASIS, SHIPPED_OUT_NOTE } from "../region-outputs.js";
import { reportWindow } from "../report-window.js";
import { escapeHtml } from "./escape.js";
import { emptyMessage, renderHtmlTable, type HtmlColumn } from "./tables.js";

/** Body of the gap-closers section: the table, or why there is none. */
export function renderGapSection(report: RunReport): string {
  if (report.baselineName === undefined) return emptyMessage("gap-closers", "No baseline run to compare with, so no gap closers are computed.");
  const w = reportWindow(report);
  if (report.gapClosers.length === 0) return emptyMessage("gap-closers", `No region raised output against the baseline "${report.baselineName}"${w.trimmed ? ` in ${w.label}` : ""}.`);
  const rows = [...report.gapClosers]
    .sort((a, b) => b.extraValueUsd - a.extraValueUsd)
    .slice(0, 12)
    .map((g) => [g.region, g.stage, formatUsdMillions(g.extraValueUsd), formatTonnes(g.extraTonnes), g.fromMonth ?? "never above 1% of baseline in a month", formatMainElements(g.mainElements)]);
  return renderHtmlTable(
    [{ header: "Region" }, { header: "Stage" }, { header: `Extra output ${w.trimmed ? `in ${w.label}` : "over the run"}, US$ M`, align: "right" }, { header: "Extra output, t", align: "right" },
      { header: `From (first month${w.trimmed ? " in the window" : ""} > 1% above baseline)` }, { header: "Of which, t (elements weighing most in the value)" }],
    rows, { key: "gap-closers", caption: `Extra output against the baseline "${report.baselineName}"${w.trimmed ? ` in ${w.label}` : ""}, valued at the run's first-month China prices (t of element content; net over elements, so a change of mix shows in the last column: more Dy and less Nd is worth more at fewer tonnes)` },
  );
}

/** Body of the supply-from-China section: each importer's magnets and Dy + Tb oxide/metal from China against the baseline. */
export function renderChinaSupplySection(report: RunReport): string {
  if (report.baselineName === undefined) return emptyMessage("china-supply", "No baseline run to compare with.");
  const w = reportWindow(report);
  if (report.chinaSupplyChanges.length === 0) return emptyMessage("china-supply", `No region imports magnets or Dy and Tb from China in ${w.trimmed ? w.label : "this run"}, in this run or the baseline.`);
  const rows = report.chinaSupplyChanges.map((x) => [x.region, ...chinaSupplyCells(x)]);
  return renderHtmlTable(
    [{ header: "Importer" }, ...CHINA_SUPPLY_COLUMNS],
    rows, { key: "china-supply", caption: chinaSupplyCaption(report) },
  );
}

/** The columns of a supply-from-China table after the importer. */
export const CHINA_SUPPLY_COLUMNS: readonly HtmlColumn[] = [
  { header: "Magnets, t", align: "right" }, { header: "baseline", align: "right" }, { header: "change", align: "right" },
  { header: "Dy + Tb oxide and metal, t", align: "right" }, { header: "baseline", align: "right" }, { header: "change", align: "right" }, { header: "Months with magnets below half the baseline's" },
];

/** The cells under `CHINA_SUPPLY_COLUMNS` for one importer. */
export function chinaSupplyCells(x: ChinaSupplyChange): string[] {
  return [
    formatTonnes(x.magnetTonnes), formatTonnes(x.magnetTonnesBaseline), formatChange(x.magnetTonnes, x.magnetTonnesBaseline),
    formatTonnes(x.heavyOxideMetalTonnes), formatTonnes(x.heavyOxideMetalTonnesBaseline), formatChange(x.heavyOxideMetalTonnes, x.heavyOxideMetalTonnesBaseline),
    x.magnetMonthsBelowHalf === 0 ? "none" : `${x.magnetMonthsBelowHalf} (from ${x.firstMagnetMonthBelowHalf ?? "–"})`,
  ];
}

/** "Imports from China over the run against the baseline "…", t of element content, …". */
export function chinaSupplyCaption(report: RunReport): string {
  const w = reportWindow(report);
  return `Imports from China ${w.trimmed ? `in ${w.label}` : "over the run"} against the baseline "${report.baselineName ?? "baseline"}", t of element content, counted in the month a licence clears`;
}

/** Rows the outputs table shows at most per stage (run.json has every row); the made-in-region stages come first. */
const MAX_OUTPUT_ROWS_PER_STAGE = 12;
const STAGE_ORDER = ["separation", "metal", "magnet", "mine"];

/** Body of the outputs section: Nd, Pr, Dy and Tb made outside China by region and stage in the window, and where they went. */
export function renderRegionOutputSection(report: RunReport): string {
  const w = reportWindow(report);
  const outside = report.regionOutputs.filter((x) => x.region !== "CN" && x.producedTonnes >= 1);
  if (outside.length === 0) return emptyMessage("region-outputs", `No region outside China made Nd, Pr, Dy or Tb at any stage in ${w.trimmed ? w.label : "this run"}.`);
  const shown = STAGE_ORDER.flatMap((stage) => outside.filter((x) => x.stage === stage).sort((a, b) => b.producedTonnes - a.producedTonnes).slice(0, MAX_OUTPUT_ROWS_PER_STAGE));
  const rows = shown.map((x) => [x.region, x.stage, x.element, formatTonnes(x.producedTonnes), formatTonnes(x.exportedTonnes), destinationsText(x)]);
  const cut = shown.length < outside.length
    ? ` The ${MAX_OUTPUT_ROWS_PER_STAGE} largest rows of each stage, ${shown.length} of ${outside.length}; run.json (report.regionOutputs) has every region's, China's included.`
    : " run.json (report.regionOutputs) has China's rows too.";
  return renderHtmlTable(
    [{ header: "Region" }, { header: "Stage" }, { header: "Element" }, { header: "Made, t", align: "right" }, { header: "Shipped out, t", align: "right" }, { header: "Largest destinations, t" }],
    rows, { key: "region-outputs", caption: `Made outside China ${w.trimmed ? `in ${w.label}` : "over the run"}, t of element content (${OUTPUT_STAGE_BASIS}), and what went to other regions, counted when licences clear (${SHIPPED_OUT_NOTE}).${cut}` },
  );
}

/** Body of the costs section: import duty paid and price-floor top-ups by region, with each calendar year. */
export function renderCostSection(report: RunReport): string {
  const w = reportWindow(report);
  if (report.policyCosts.length === 0) {
    const costPolicies = report.timeline.some((t) => t.kind === "tariff" || t.kind === "price-floor");
    return emptyMessage("policy-costs", costPolicies ? `No duty or floor top-up was paid in ${w.trimmed ? w.label : "this run"}.` : "The scenario has no import tariff or price floor, so no duty or top-up was paid.");
  }
  const years = [...new Set(report.policyCosts.flatMap((c) => c.byYear.map((y) => y.year)))].sort();
  const rows = report.policyCosts.map((c) => [
    POLICY_COST_LABEL[c.kind], c.region, formatUsdMillions(c.totalUsd),
    ...years.map((year) => formatUsdMillions(c.byYear.find((y) => y.year === year)?.usd ?? 0)),
  ]);
  return renderHtmlTable(
    [{ header: "Payment" }, { header: "Region" }, { header: "Total, US$ M", align: "right" }, ...years.map((year) => ({ header: year, align: "right" as const }))],
    rows, { key: "policy-costs", caption: `Import duty paid by importers (valued at the supplier's price; magnets with their making) and top-ups paid to producers under price floors, US$ million${w.trimmed ? `, ${w.label} (a year the window cuts counts only its months in it)` : ""}` },
  );
}

/** Body of the warnings section: one list item per warning, or "No warnings." */
export function renderWarningSection(report: RunReport): string {
  if (report.warnings.length === 0) return emptyMessage("warnings", "No warnings.");
  return `<ul class="warnings" data-list="warnings">\n${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("\n")}\n</ul>`;
}
