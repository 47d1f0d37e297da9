/**
 * @module report/run-text
 * The terminal answer of `chokepoint run`: when shortages start, how deep and how long; peak
 * prices and the ex-China premium; end products lost; who closes the gap; concentration; the
 * policy timeline. Tables fit a 100-column terminal. Computes nothing; reads a `RunReport`.
 */
import { BACKSTOP_NOTE } from "./backstop-note.js";
import type { RunReport, ShortageEpisode } from "../analysis/report-model.js";
import { SECTOR_SHORT_NAME_MAX } from "../model/world-schema.js";
import { BASELINE_COLUMN_MEANING, baselinePeakText } from "./baseline-peak.js";
import { differenceOf, endProductNote, hasBaselineLosses, magnetTonnesText, shortOfText, signedText } from "./end-products.js";
import { renderAddedPlantsText } from "./added-plants-text.js";
import { renderMadeHereText } from "./made-here-text.js";
import { formatChange, formatMainElements, formatShare, formatTonnes, formatUsdMillions, POLICY_COST_LABEL } from "./number-format.js";
import { renderPlantShortfallText } from "./plant-shortfalls-text.js";
import { widestPremium } from "./premium.js";
import { destinationsText, shippedShareText } from "./region-outputs.js";
import { gapCloserElementText, gapCloserSupplierText, ISSUER_NOTE, regionGapClosers } from "./region-view.js";
import { reportWindow } from "./report-window.js";
import { renderTextTable, wrapText } from "./text-table.js";

const MAX_ROWS = 12;

function section(title: string, body: string): string {
  return `${wrapText(title, 100, 2)}\n${body}\n`;
}

function money(usd: number): string {
  return usd >= 100 ? `$${Math.round(usd).toLocaleString("en-US")}` : `$${usd.toFixed(1)}`;
}

/**
 * Up to `limit` episodes: each element's largest episode first (largest elements first), then the largest of the
 * rest, listed in order of tonnes — so a small but critical Tb shortage is not crowded out by yttrium.
 */
function largestWithEachElement<T extends { readonly element: string; readonly totalTonnes: number }>(episodes: readonly T[], limit: number): T[] {
  const sorted = [...episodes].sort((a, b) => b.totalTonnes - a.totalTonnes);
  const chosen = new Set<T>();
  for (const element of new Set(sorted.map((x) => x.element))) if (chosen.size < limit) chosen.add(sorted.find((x) => x.element === element)!);
  for (const x of sorted) if (chosen.size < limit) chosen.add(x);
  return sorted.filter((x) => chosen.has(x));
}

/**
 * "Who closes the gap" for one region (`--region`): who supplied it more than in the baseline run — its own extra output
 * by stage and the extra imports into it by supplier, form and element — ranked by value at start prices.
 */
function regionGapSection(report: RunReport, region: string): string {
  const w = reportWindow(report);
  const over = w.trimmed ? "in window" : "over run";
  const rows = regionGapClosers(report, region);
  return section(
    `Who closes the gap for ${region}${w.trimmed ? `, ${w.label}` : ""} (who supplied ${region} more than in ${report.baselineName ?? "the baseline"}: its own extra output by stage, `
      + `and extra imports into ${region} by supplier, form and element; ranked by their value at ${w.trimmed ? `${w.runStart} (the run's start)` : "start"} prices)`,
    rows.length === 0 ? `  nobody: ${region} neither produced nor imported more than in the baseline${w.trimmed ? ` in ${w.label}` : ""}` : renderTextTable(
      [{ header: "supplier" }, { header: "how" }, { header: "stage or form" }, { header: "element" }, { header: `extra US$ M ${over}`, align: "right" }, { header: `extra t ${over}`, align: "right" }, { header: "from" }],
      rows.slice(0, MAX_ROWS).map((g) => [gapCloserSupplierText(g), g.source === "import" ? `import to ${region}` : "own output", g.form ?? g.stage, gapCloserElementText(g), formatUsdMillions(g.extraValueUsd), formatTonnes(g.extraTonnes), g.fromMonth ?? "–"]),
    ) + (rows.slice(0, MAX_ROWS).some((g) => g.fromIssuer === true) ? `\n${wrapText(ISSUER_NOTE, 100, 2)}` : ""),
  );
}

/**
 * "End products not built": the run's losses by sector and region with the magnet they hold; with a baseline run, a
 * second table of what the baseline lost in the same sector, region and months and the difference (what this scenario
 * caused), largest difference first; then what each unit is, from the world's end products.
 */
function renderEndProductText(report: RunReport, { region }: { readonly region: string | undefined }): string {
  const w = reportWindow(report);
  const inWindow = w.trimmed ? `, ${w.label}` : "";
  const lost = report.endProductsLost.filter((x) => x.totalUnits > 0);
  const compared = report.baselineName !== undefined && hasBaselineLosses(report.endProductsLost);
  const versus = compared ? [...report.endProductsLost].sort((a, b) => Math.abs(differenceOf(b)) - Math.abs(differenceOf(a)) || b.totalUnits - a.totalUnits).slice(0, MAX_ROWS) : [];
  const none = `  none: ${region === undefined ? "no region lost end products" : `${region} lost no end products`} for lack of magnets in any month${w.trimmed ? ` of ${w.label}` : ""}`;
  const table = lost.length === 0 ? none : renderTextTable(
    [{ header: "sector", maxWidth: SECTOR_SHORT_NAME_MAX }, { header: "region" }, { header: "units lost", align: "right" }, { header: "unit", maxWidth: 14 }, { header: "t magnet", align: "right" },
      { header: "worst" }, { header: "short of (unmet)", maxWidth: 18 }],
    lost.slice(0, MAX_ROWS).map((x) => [x.sectorShortName ?? x.sectorName, x.region, formatTonnes(x.totalUnits), x.unit, magnetTonnesText(x, x.totalUnits, { unit: false }), x.peakMonth, shortOfText(x)]),
  );
  const against = versus.length === 0 ? "" : `\n${wrapText(`Against ${report.baselineName}${inWindow}: what it lost in the same sector, region and months, and the difference (this run − baseline: what this scenario caused; negative: fewer lost) and the magnet in it, t; largest difference first`, 100, 2)}\n${renderTextTable(
    [{ header: "sector", maxWidth: SECTOR_SHORT_NAME_MAX }, { header: "region" }, { header: "unit", maxWidth: 14 }, { header: "lost", align: "right" }, { header: "baseline", align: "right" },
      { header: "difference", align: "right" }, { header: "t magnet", align: "right" }],
    versus.map((x) => [x.sectorShortName ?? x.sectorName, x.region, x.unit, formatTonnes(x.totalUnits), formatTonnes(x.baselineTotalUnits ?? 0), signedText(differenceOf(x), formatTonnes), magnetTonnesText(x, differenceOf(x), { signed: true, unit: false })]),
  )}`;
  const note = endProductNote([...lost.slice(0, MAX_ROWS), ...versus]);
  return section(`End products not built for lack of magnets${inWindow} (t magnet: the finished magnet the units hold; worst: the worst month; short of: the recipe's elements most short in the region while it lost units, and their unmet share of need)`,
    `${table}${against}${note === undefined ? "" : `\n${wrapText(note, 100, 2)}`}`);
}

/**
 * Render a run report for the terminal. Every summary covers the report's window (`report.window`: the whole run, or
 * from `--from` to its end); when the window is trimmed, each heading names it and a line under the title says so.
 */
export function renderRunText(report: RunReport, options: { readonly region?: string } = {}): string {
  // With `--region`, empty tables speak of that region, not the world.
  const where = options.region === undefined ? "every region's" : `${options.region}'s`;
  const s = report.scenario;
  const end = report.monthLabels[report.monthLabels.length - 1] ?? "";
  const w = reportWindow(report);
  // Heading suffix, and the period a total covers: the window when --from trims it, else the run.
  const inWindow = w.trimmed ? `, ${w.label}` : "";
  const ofWindow = w.trimmed ? ` of ${w.label}` : "";
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const head = `${s.name} — ${plural(s.months, "month")} from ${s.startMonth} to ${end}, seed ${s.seed}, ${report.dataset.name} ${report.dataset.version}`
    + (report.baselineName === undefined ? "" : `; compared with ${report.baselineName}`);
  parts.push(wrapText(head, 100, 2));
  if (s.description.trim() !== "") parts.push(wrapText(s.description.trim(), 100, 2));
  if (w.trimmed) {
    parts.push(wrapText(`Reporting window ${w.label}: every table below covers these months, except the policy timeline. `
      + `The run itself starts ${w.runStart}, so stocks and prices carry what happened before.`, 100, 2));
  }
  parts.push("");

  // With a comparison run, each episode shows the baseline's peak in the same months; "also" when it is the baseline's too.
  const compared = report.baselineName !== undefined && report.shortages.some((x) => x.alsoInBaseline !== undefined);
  const inBaselineColumn = compared ? [{ header: "baseline", align: "right" as const }] : [];
  const inBaseline = (x: (typeof report.shortages)[number]) => (compared ? [baselinePeakText(x)] : []);
  // The column's meaning in full under the first table that shows it; the next one points back to it.
  let legendShown = false;
  const baselineLegend = () => {
    if (!compared) return "";
    const text = legendShown ? "\"baseline\": as above." : `"baseline": ${BASELINE_COLUMN_MEANING}`;
    legendShown = true;
    return `${wrapText(text, 100, 2)}\n`;
  };
  // In a trimmed window, episodes are cut at its start: their figures are the window's, and "began" says when one started before it.
  const overlapping = (episodes: readonly ShortageEpisode[]) => !w.trimmed ? ""
    : ` in ${w.label}${episodes.some((x) => x.beganMonth !== undefined) ? ` (cut at ${w.from}: months, peak and total are the window's; "began" is when one started before it)` : ""}`;
  const beganColumn = (episodes: readonly ShortageEpisode[]) => (episodes.some((x) => x.beganMonth !== undefined) ? [{ header: "began" }] : []);
  const began = (episodes: readonly ShortageEpisode[], x: ShortageEpisode) => (episodes.some((y) => y.beganMonth !== undefined) ? [x.beganMonth ?? "–"] : []);
  const useEpisodes = report.shortages.filter((x) => x.stage === "use");
  const shortages = largestWithEachElement(useEpisodes, MAX_ROWS);
  // The "began" column would push the table past 100 columns: its share header is shortened then.
  parts.push(section(
    `Shortages of final demand (more than 1 % of need unmet) — ${plural(useEpisodes.length, "episode")}${overlapping(useEpisodes)}`
      + (shortages.length < useEpisodes.length ? `; shown: each element's largest, then the largest by tonnes (${shortages.length})` : ""),
    shortages.length === 0 ? `  none: ${where} final demand is met in every month${ofWindow}` : baselineLegend() + renderTextTable(
      [{ header: "element" }, { header: "region" }, { header: "from" }, { header: "to" }, { header: "months", align: "right" },
        { header: "peak t/month", align: "right" }, { header: beganColumn(shortages).length > 0 ? "peak % need" : "peak % of need", align: "right" }, { header: "total t", align: "right" }, ...beganColumn(shortages), ...inBaselineColumn],
      shortages.map((x) => [x.element, x.region, x.startMonth, x.endMonth, String(x.durationMonths), formatTonnes(x.peakTonnesPerMonth), formatShare(x.peakShareOfDemand), formatTonnes(x.totalTonnes), ...began(shortages, x), ...inBaseline(x)]),
    ),
  ));
  const productionEpisodes = report.shortages.filter((x) => x.stage !== "use");
  const production = largestWithEachElement(productionEpisodes, 6);
  // Always shown: a run with no plant short of input says so (a short --to run or one region often has none).
  parts.push(section(
    `Plants short of input (production lost) — ${plural(productionEpisodes.length, "episode")}${overlapping(productionEpisodes)}`
      + (production.length < productionEpisodes.length ? `; shown: each element's largest, then the largest (${production.length})` : ""),
    production.length === 0
      ? `  none: ${options.region === undefined ? "every region's" : `${options.region}'s`} separation, metal and magnet plants got the input they needed in every month${ofWindow}`
      : `${wrapText("Output a stage's plants could not make for lack of input, t of element content a month, and % of what buyers ordered from them for current need (not restocking). Final users may still be supplied from stocks or other producers.", 100, 2)}\n${baselineLegend()}${renderTextTable(
        [{ header: "element" }, { header: "region" }, { header: "stage" }, { header: "from" }, { header: "to" }, { header: "peak t/month", align: "right" }, { header: "peak %", align: "right" }, ...beganColumn(production), ...inBaselineColumn],
        production.map((x) => [x.element, x.region, x.stage, x.startMonth, x.endMonth, formatTonnes(x.peakTonnesPerMonth), formatShare(x.peakShareOfDemand), ...began(production, x), ...inBaseline(x)]),
      )}`,
  ));
  // Which mines and plants stop or fall short, and when (reports saved before it existed have no such rows).
  if (report.plantShortfalls !== undefined) parts.push(renderPlantShortfallText(report, { region: options.region }));
  // The plants the scenario adds: what they made, and whether they added supply or displaced the incumbents.
  const added = renderAddedPlantsText(report, { region: options.region });
  if (added !== undefined) parts.push(added);

  const byElement = new Map<string, { china?: (typeof report.prices)[number]; ex?: (typeof report.prices)[number] }>();
  for (const p of report.prices) {
    const entry = byElement.get(p.element) ?? {};
    if (p.market === "china") entry.china = p;
    else entry.ex = p;
    byElement.set(p.element, entry);
  }
  const priceRows = [...byElement].map(([element, { china, ex }]) => {
    // The largest ex-China premium in any one month (not the ratio of two peaks that may fall in different months).
    const widest = widestPremium(report, element);
    // A peak in the last month is the end of the run, still rising: say so.
    const lastMonth = report.monthLabels[report.monthLabels.length - 1];
    // A peak in the first month of the summary is where prices started, falling since: say so too.
    const firstMonth = w.trimmed ? w.from : report.monthLabels[0];
    const peakIn = ex?.peakMonth === undefined ? "" : ex.peakMonth === lastMonth ? `${ex.peakMonth} (end)` : ex.peakMonth === firstMonth ? `${ex.peakMonth} (start)` : ex.peakMonth;
    // "*" (not "(backstop)", which widened the table past 100 columns when a peak reached it), explained below the table.
    const atBackstop = (x: typeof china) => (x?.peakAtBackstop === true ? "*" : "");
    return [element, `${money(china?.startUsdPerKg ?? 0)}`, `${money(china?.peakUsdPerKg ?? 0)}${atBackstop(china)}`, money(ex?.startUsdPerKg ?? 0), `${money(ex?.peakUsdPerKg ?? 0)}${atBackstop(ex)}`, peakIn, widest === undefined ? "–" : `${formatShare(widest.share)} ${widest.monthLabel}${widest.monthLabel === lastMonth ? " (end)" : ""}`, money(ex?.endUsdPerKg ?? 0)];
  });
  parts.push(section(`Prices, US$/kg of element (China domestic vs ex-China)${w.trimmed ? `, ${w.label}: start is ${w.from}; peaks and the widest premium are within the window` : ""}`, `${wrapText("Per kg of element content; an oxide quote is lower by its oxide factor (Dy2O3: × 0.87, Nd2O3: × 0.86). CN: China's domestic market; ex-CN: outside China. \"widest premium\" is the largest ex-China mark-up over China's price in one month.", 100, 2)}\n${renderTextTable(
    [{ header: "element" }, { header: "CN start", align: "right" }, { header: "CN peak", align: "right" }, { header: "ex-CN start", align: "right" },
      { header: "ex-CN peak", align: "right" }, { header: "ex-CN peak in" }, { header: "widest premium", align: "right" }, { header: "ex-CN end", align: "right" }],
    priceRows,
  )}${report.prices.some((p) => p.peakAtBackstop === true) ? `\n${wrapText(`* at the backstop${BACKSTOP_NOTE.replace(/^\(backstop\)/, "")}`, 100, 2)}` : ""}`));

  parts.push(renderEndProductText(report, { region: options.region }));

  if (report.baselineName !== undefined && options.region !== undefined && report.importGains !== undefined) {
    parts.push(regionGapSection(report, options.region));
  } else if (report.baselineName !== undefined) {
    const over = w.trimmed ? "in window" : "over run";
    parts.push(section(`Who closes the gap${inWindow} (extra output against ${report.baselineName}, more tonnes, ranked by their value at ${w.trimmed ? `${w.runStart} (the run's start)` : "start"} prices)`, report.gapClosers.length === 0 ? `  nobody: ${options.region === undefined ? "no region produces" : `${options.region} produces no`} more than in the baseline${w.trimmed ? ` in ${w.label}` : ""}` : renderTextTable(
      [{ header: "region" }, { header: "stage" }, { header: `extra US$ M ${over}`, align: "right" }, { header: `extra t ${over}`, align: "right" }, { header: "from" }, { header: "of which (t)" }],
      [...report.gapClosers].sort((a, b) => b.extraValueUsd - a.extraValueUsd).slice(0, 12).map((g) => [g.region, g.stage, formatUsdMillions(g.extraValueUsd), formatTonnes(g.extraTonnes), g.fromMonth ?? "–", formatMainElements(g.mainElements)]),
    )));
  }

  // Shown when anything was paid, or when the scenario has a tariff or a price floor (then "none" says so for the window).
  const costPolicies = report.timeline.some((t) => t.kind === "tariff" || t.kind === "price-floor");
  if (report.policyCosts.length > 0 || costPolicies) {
    parts.push(section(`What the measures cost, US$ million${inWindow} (duty: paid by the importing region at the supplier's price, magnets with their making; floor top-up: paid to the region's producers)`, report.policyCosts.length === 0 ? `  none: no duty or floor top-up was paid${w.trimmed ? ` in ${w.label}` : " in the run"}` : renderTextTable(
      [{ header: "payment" }, { header: "region" }, { header: `total ${w.trimmed ? "in window" : "over run"}`, align: "right" }, { header: "peak year" }, { header: "in peak year", align: "right" }],
      report.policyCosts.slice(0, MAX_ROWS).map((c) => [
        POLICY_COST_LABEL[c.kind], c.region, formatUsdMillions(c.totalUsd), c.peakYear, formatUsdMillions(c.byYear.find((y) => y.year === c.peakYear)?.usd ?? 0),
      ]),
    )));
  }

  parts.push(section(`Concentration by stage (${w.trimmed ? `${w.from} → ${w.to}` : "start → end"})`, renderTextTable(
    [{ header: "stage" }, { header: "top at start", align: "right" }, { header: "China", align: "right" }, { header: "HHI", align: "right" },
      { header: "top at end", align: "right" }, { header: "China", align: "right" }, { header: "HHI", align: "right" }],
    report.concentration.map((c) => [c.stage, `${c.atStart.topRegion} ${formatShare(c.atStart.topShare)}`, formatShare(c.atStart.chinaShare), Math.round(c.atStart.hhi).toLocaleString("en-US"),
      `${c.atEnd.topRegion} ${formatShare(c.atEnd.topShare)}`, formatShare(c.atEnd.chinaShare), Math.round(c.atEnd.hhi).toLocaleString("en-US")]),
  )));

  if (report.chinaOrigin.length > 0) {
    const elements = [...new Set(report.chinaOrigin.map((x) => x.element))];
    const regions = [...new Set(report.chinaOrigin.map((x) => x.region))]
      .map((region) => ({ region, tonnes: report.chinaOrigin.filter((x) => x.region === region).reduce((a, x) => a + x.lastYearUseTonnes, 0) }))
      .sort((a, b) => b.tonnes - a.tonnes).slice(0, MAX_ROWS);
    const { first, last } = report.chinaOriginPeriods;
    parts.push(section(`Where the content comes from: share of each region's use separated in China, ${first} → ${last}`, renderTextTable(
      [{ header: "region" }, ...elements.map((e) => ({ header: e, align: "right" as const }))],
      regions.map(({ region }) => [region, ...elements.map((element) => {
        const x = report.chinaOrigin.find((c) => c.region === region && c.element === element);
        return x === undefined ? "–" : `${formatShare(x.firstYearShare)} → ${formatShare(x.lastYearShare)}`;
      })]),
    )));
  }

  if (report.baselineName !== undefined && report.chinaSupplyChanges.length > 0) {
    parts.push(section(`Supply from China against ${report.baselineName} (${w.trimmed ? w.label : "over the run"}, t of element content, counted when licences clear)`, renderTextTable(
      [{ header: "region" }, { header: "magnets t", align: "right" }, { header: "vs baseline", align: "right" },
        { header: "Dy+Tb oxide/metal t", align: "right" }, { header: "vs baseline", align: "right" }, { header: "months magnets < half", align: "right" }, { header: "first" }],
      report.chinaSupplyChanges.slice(0, MAX_ROWS).map((x) => [x.region, formatTonnes(x.magnetTonnes), formatChange(x.magnetTonnes, x.magnetTonnesBaseline),
        formatTonnes(x.heavyOxideMetalTonnes), formatChange(x.heavyOxideMetalTonnes, x.heavyOxideMetalTonnesBaseline), String(x.magnetMonthsBelowHalf), x.firstMagnetMonthBelowHalf ?? "–"]),
    )));
  }

  const over = w.trimmed ? w.label : "over the run";
  if (options.region === undefined) {
    parts.push(section("Output by region and where it went", `  ${wrapText("Run with --region ID (e.g. --region US) for one region's Nd, Pr, Dy and Tb by stage and where it went; every region's rows are in run.json (report.regionOutputs).", 98, 2)}`));
  } else {
    parts.push(section(`${options.region}'s output of Nd, Pr, Dy and Tb and where it went, ${over} (t of element content: mine = in its concentrate, separation = oxide, magnet = in magnets; shipped out counted when licences clear, and includes re-exports and stock made before the window)`,
      report.regionOutputs.length === 0 ? `  none: ${options.region} made no Nd, Pr, Dy or Tb at any stage${ofWindow}` : renderTextTable(
        [{ header: "stage" }, { header: "element" }, { header: "made t", align: "right" }, { header: "shipped out t", align: "right" }, { header: "of made", align: "right" }, { header: "largest destinations", maxWidth: 40 }],
        report.regionOutputs.map((x) => [x.stage, x.element, formatTonnes(x.producedTonnes), formatTonnes(x.exportedTonnes), shippedShareText(x), destinationsText(x)]),
      )));
  }

  const madeHere = renderMadeHereText(report.madeHereShortHere ?? [], { over });
  if (madeHere !== undefined) parts.push(madeHere);

  parts.push(section(`Policy timeline${w.trimmed ? ` (the whole run from ${w.runStart}: measures before ${w.from} shaped the window's stocks and prices)` : ""}`, report.timeline.length === 0 ? "  no policy in force during the run" : renderTextTable(
    [{ header: "policy", maxWidth: 36 }, { header: "kind" }, { header: "in force (new capacity: what starts when)", maxWidth: 44 }],
    report.timeline.map((t) => [t.id, t.kind, t.effect ?? (t.windows.length === 0 ? "never (suspended throughout)" : t.windows.map((w) => `${w.from} → ${w.until ?? "end"}`).join(", "))]),
  )));
  if (report.warnings.length > 0) parts.push(section("Model warnings", report.warnings.map((w) => wrapText(`- ${w}`, 100, 2)).join("\n")));
  return parts.join("\n");
}
