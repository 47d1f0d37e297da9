/**
 * @module report/html/section-region
 * Section "Your region" (`--region`): one region's own figures of the run from a `RegionView` — key numbers, its
 * final-use shortfall and China-origin share by month, then what it made, its plants short of input, its final demand
 * unmet, its end products lost, the prices its buyers pay and where its supply came from. Lays out; computes nothing.
 */
import { formatShare, formatTonnes, formatUsdMillions, POLICY_COST_LABEL } from "../number-format.js";
import { destinationsText, OUTPUT_STAGE_BASIS, SHIPPED_OUT_NOTE, shippedShareText } from "../region-outputs.js";
import type { ElementShortfall, RegionView } from "../region-view.js";
import { gapCloserElementText, gapCloserSupplierText, ISSUER_NOTE } from "../region-view.js";
import { reportWindow } from "../report-window.js";
import type { RunReport, ShortageEpisode } from "../report-model.js";
import { baselinePeakWords } from "../baseline-peak.js";
import { MAGNET_ELEMENTS, orderElements } from "./derive.js";
import type { ChartLayout } from "./echarts-ssr.js";
import { escapeHtml } from "./escape.js";
import { formatUsdPerKg, shortSectorName } from "./format.js";
import { chinaOriginChart } from "./section-concentration.js";
import { CHINA_SUPPLY_COLUMNS, chinaSupplyCaption, chinaSupplyCells } from "./section-gaps.js";
import { PRICE_COLUMNS, priceCells } from "./section-prices.js";
import { renderPlantTable } from "./section-plants.js";
import { renderMadeHereTable } from "./section-made-here.js";
import { lossesCompared, renderLossItem, renderLossTable } from "./section-products.js";
import { differenceOf } from "../end-products.js";
import { renderEpisodeTable, stackedArea } from "./section-shortfalls.js";
import { regionColour } from "./palette.js";
import { emptyMessage, renderCard, renderHtmlTable } from "./tables.js";

/** Items a card lists before it counts the rest. */
const MAX_CARD_ITEMS = 5;
/** Rows the region's gap-closer table shows (run.json has every row). */
const MAX_GAP_ROWS = 15;

const MARKET_NAMES = { china: "China's domestic market", "ex-china": "the ex-China market" } as const;

/**
 * The section's own styles, added to the page only with a region view (a report without one keeps its bytes): six
 * cards in three columns, sub-headings, and table cells kept on one line but for the first column (sector names).
 */
export const REGION_CSS = `
h3.sub { font-size: 16px; line-height: 1.3; margin: 24px 0 6px; }
@media (min-width: 820px) { .cards.region-cards { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
#your-region td { white-space: nowrap; }
#your-region td:first-child { white-space: normal; }
#your-region table[data-table="region-made-here"] td { white-space: normal; }
#your-region table[data-table="region-made-here"] td:last-child { min-width: 18em; }`;

/** The months a figure covers, as a heading says it: "over the run" or "in 2026-07 – 2027-12". */
function period(report: RunReport): string {
  const w = reportWindow(report);
  return w.trimmed ? `in ${w.label}` : "over the run";
}

const muted = (text: string) => `<p class="muted">${escapeHtml(text)}</p>`;
const list = (items: readonly string[]) =>
  `<ul class="plain">${items.slice(0, MAX_CARD_ITEMS).join("")}</ul>${items.length > MAX_CARD_ITEMS ? muted(`+${items.length - MAX_CARD_ITEMS} more below`) : ""}`;
const isMagnetElement = (element: string) => MAGNET_ELEMENTS.includes(element);
const magnetFirst = <T extends { readonly element: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => Number(!isMagnetElement(a.element)) - Number(!isMagnetElement(b.element)));
/** Rows in `orderElements` order: Nd, Pr, Dy, Tb, then the rest alphabetically. */
const inElementOrder = <T extends { readonly element: string }>(rows: readonly T[]) => {
  const order = orderElements(rows.map((x) => x.element));
  return [...rows].sort((a, b) => order.indexOf(a.element) - order.indexOf(b.element));
};
const firstShort = (x: ElementShortfall) => (x.beganMonth === undefined ? x.firstMonth : `since ${x.beganMonth}`);
/** Whether magnet users counted in tonnes (no end-product unit) were short: "no end products lost" must not read as "no magnets short". */
const magnetSectorsShort = (view: RegionView) => view.finalDemandBySector.some((x) => x.unit === "t magnet");

/** " · worse than baseline (56%)", " · baseline too (95%)", " · not short in the baseline"; empty without a comparison run. */
function againstBaseline(x: ShortageEpisode): string {
  const words = baselinePeakWords(x);
  return words === undefined ? "" : ` · ${escapeHtml(words)}`;
}

function cards(view: RegionView, report: RunReport): string {
  const card = (key: string, title: string, body: string) => renderCard("region-card", key, title, body);
  const w = reportWindow(report);
  const when = w.trimmed ? `, ${w.label}` : "";
  const elements = magnetFirst(view.finalDemandByElement).map((x) =>
    `<li><strong>${escapeHtml(x.element)}</strong> ${formatTonnes(x.totalTonnes)} t <span class="muted">· ${x.beganMonth === undefined ? "from" : "short"} ${escapeHtml(firstShort(x))} · peak ${formatShare(x.peakShareOfNeed)} of need</span></li>`);
  const sectors = view.finalDemandBySector.map((x) =>
    `<li><strong>${formatTonnes(x.shortUnits)}</strong> ${escapeHtml(x.unit)} <span class="muted">· ${escapeHtml((x.sectorShortName ?? shortSectorName(x.sectorName)))} · worst ${formatShare(x.worstShareOfNeed)} in ${escapeHtml(x.worstMonth)}</span></li>`);
  // With a baseline: what this scenario caused (the difference), largest either way first.
  const compared = lossesCompared({ ...report, endProductsLost: view.endProductsLost });
  const losses = [...view.endProductsLost].sort((a, b) => (compared ? Math.abs(differenceOf(b)) - Math.abs(differenceOf(a)) : 0));
  const lost = losses.map((x) => renderLossItem(x, { compared, showRegion: false }));
  const plants = view.plantShortages.map((x) =>
    `<li><strong>${escapeHtml(x.element)} · ${escapeHtml(x.stage)}</strong> ${escapeHtml(x.beganMonth === undefined ? `${x.startMonth} → ${x.endMonth}` : `since ${x.beganMonth}, to ${x.endMonth}`)} <span class="muted">· peak ${formatShare(x.peakShareOfDemand)} of orders${againstBaseline(x)}</span></li>`);
  const exChina = view.market === "ex-china";
  const prices = inElementOrder(view.prices.filter((p) => isMagnetElement(p.element))).map((p) =>
    `<tr><th scope="row">${escapeHtml(p.element)}</th><td class="num">${formatUsdPerKg(p.peakUsdPerKg)}${p.peakAtBackstop === true ? " (backstop)" : ""}</td><td class="num">${escapeHtml(p.peakMonth)}</td>${exChina ? `<td class="num">${p.widestPremium === undefined ? "–" : `+${formatShare(p.widestPremium.share)}`}</td>` : ""}</tr>`);
  const priceHead = `<thead><tr><th></th><th class="num">Peak, US$/kg</th><th class="num">in</th>${exChina ? '<th class="num">Widest premium</th>' : ""}</tr></thead>`;
  const origin = inElementOrder(view.chinaOrigin).map((x) =>
    `<li><strong>${escapeHtml(x.element)}</strong> ${formatShare(x.firstYearShare)} → ${formatShare(x.lastYearShare)}</li>`);
  const periods = `${view.chinaOriginPeriods.first} → ${view.chinaOriginPeriods.last}, share of its use`;
  return `<div class="cards region-cards">
${card("final-demand", `Final demand unmet, by element${when}`, elements.length === 0 ? muted("Met in every month (never more than 1 % short).") : list(elements))}
${card("sectors", `Final demand unmet, by sector${when}`, sectors.length === 0 ? muted("Every sector got what it needed.") : list(sectors))}
${card("end-products", `End products lost${when}${compared ? `: caused by this scenario vs ${report.baselineName ?? "the baseline"}` : ""}`, lost.length > 0 ? list(lost)
    : muted(`None counted in units (vehicles, MW of wind, weapons systems).${magnetSectorsShort(view) ? " Magnet users counted in tonnes were short: see by sector." : ""}`))}
${card("plants-short", `Plants short of input${when}`, plants.length === 0 ? muted("None: its plants got the input they needed.") : list(plants))}
${card("prices", `Magnet-element prices it pays${when}`, prices.length === 0 ? muted("No magnet-element prices were recorded.") : `<table class="compact">${priceHead}<tbody>${prices.join("")}</tbody></table>${muted(MARKET_NAMES[view.market])}`)}
${card("provenance", "Separated in China", !exChina ? muted("Its own separation: origin is tracked for use outside China.") : origin.length === 0 ? muted("Origins were not recorded.") : `${list(origin)}${muted(periods)}`)}
</div>`;
}

function charts(view: RegionView, report: RunReport, layout: ChartLayout): string {
  const id = view.region;
  const shortfall = view.finalDemandShortfallPath;
  const figures = [
    shortfall === undefined ? "" : stackedArea("region-shortfall", `${id} final-use shortfall, all elements, t/month`, [shortfall], regionColour, report.monthLabels, reportWindow(report).from, layout.halfWidthPx),
    view.chinaOriginPath === undefined ? "" : chinaOriginChart(report, [view.chinaOriginPath], { id: "region-china-origin", title: `${id}: Nd, Pr, Dy, Tb used that was separated in China, %`, widthPx: layout.halfWidthPx, heightPx: 300 }),
  ].filter((f) => f !== "");
  return figures.length === 0 ? "" : `<div class="chart-grid">\n${figures.join("\n")}\n</div>`;
}

const sub = (key: string, title: string, body: string) => `<h3 class="sub" data-region-part="${key}">${escapeHtml(title)}</h3>\n${body}`;

function outputPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  const body = view.outputs.length === 0 ? emptyMessage("region-made", `${id} made no Nd, Pr, Dy or Tb at any stage ${period(report)}.`) : renderHtmlTable(
    [{ header: "Stage" }, { header: "Element" }, { header: "Made, t", align: "right" }, { header: "Shipped out, t", align: "right" }, { header: "Shipped out, % of made", align: "right" }, { header: "Largest destinations, t" }],
    view.outputs.map((x) => [x.stage, x.element, formatTonnes(x.producedTonnes), formatTonnes(x.exportedTonnes), shippedShareText(x), destinationsText(x)]),
    { key: "region-made", caption: `${id}'s output ${period(report)}, t of element content (${OUTPUT_STAGE_BASIS}), and what went to other regions, counted when licences clear (${SHIPPED_OUT_NOTE}).` },
  );
  return sub("made", `What ${id} made and where it went, ${period(report)}`, body);
}

function madeHerePart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  const body = renderMadeHereTable(view.madeHereShortHere, report, {
    key: "region-made-here", showRegion: false, empty: `${id} shipped out no more than a quarter of any element it made while its own plants or final users were short of it, ${period(report)}.`,
  });
  return sub("made-here", `Made in ${id}, short in ${id}: output that left while ${id} was short of it, ${period(report)}`, body);
}

function plantPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  const body = view.plantShortages.length === 0
    ? emptyMessage("region-plants-short", `${id}'s separation, metal and magnet plants got the input they needed in every month ${period(report)}.`)
    : renderEpisodeTable(report, view.plantShortages, {
      key: "region-plants-short", showRegion: false,
      caption: `Output ${id}'s plants could not make for lack of input, t of element content, and % of what buyers ordered from them for current need (100 % in the peak month: the stage made none of the element). Final users may still be supplied from stocks or other producers.`,
    });
  return sub("plants-short", `${id}'s plants short of input (production lost), ${period(report)}`, body);
}

function plantStopPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  // Reports saved before plant figures existed have none to show.
  if (report.plantShortfalls === undefined) return "";
  const reference = report.baselineName === undefined ? "their capacity while their stage was short of input" : "their output in the baseline run";
  const body = view.plantShortfalls.length === 0
    ? emptyMessage("region-plant-shortfalls", `None of ${id}'s mines and plants made more than 10 % less than ${reference} in any month ${period(report)}.`)
    : renderPlantTable(report, view.plantShortfalls, {
      key: "region-plant-shortfalls", showRegion: false,
      caption: `${id}'s mines and plants more than 10 % below ${reference} in a month, largest loss first (the section "Plants that stop or fall short" says how to read it)`,
    });
  return sub("plants-stop", `${id}'s plants that stop or fall short, ${period(report)}`, body);
}

function demandPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  if (view.finalDemandByElement.length === 0 && view.finalDemandBySector.length === 0) {
    return sub("final-demand", `Final demand unmet in ${id}, ${period(report)}`, emptyMessage("region-final-demand", `${id}'s final demand was met in every month ${period(report)} (never more than 1 % short).`));
  }
  const byElement = view.finalDemandByElement.length === 0 ? "" : renderHtmlTable(
    [{ header: "Element" }, { header: "First short" }, { header: "Last short" }, { header: "Months short", align: "right" }, { header: "Peak, t/month", align: "right" },
      { header: "Peak, % of need", align: "right" }, { header: "Total, t", align: "right" }],
    magnetFirst(view.finalDemandByElement).map((x) => [x.element, firstShort(x), x.lastMonth, String(x.monthsShort), formatTonnes(x.peakTonnesPerMonth), formatShare(x.peakShareOfNeed), formatTonnes(x.totalTonnes)]),
    { key: "region-final-demand", caption: `By element, t of element content, in the months more than 1 % of need was unmet (magnet elements first)${view.finalDemandByElement.some((x) => x.beganMonth !== undefined) ? `; "since": short since before ${reportWindow(report).from}` : ""}` },
  );
  const bySector = view.finalDemandBySector.length === 0 ? "" : renderHtmlTable(
    [{ header: "Sector" }, { header: "Unit" }, { header: "Need", align: "right" }, { header: "Unmet", align: "right" }, { header: "Unmet, % of need", align: "right" },
      { header: "First month short" }, { header: "Worst month" }, { header: "Worst month, % of need", align: "right" }],
    view.finalDemandBySector.map((x) => [(x.sectorShortName ?? shortSectorName(x.sectorName)), x.unit, formatTonnes(x.needUnits), formatTonnes(x.shortUnits), formatShare(x.needUnits > 0 ? x.shortUnits / x.needUnits : 0),
      x.firstMonth, x.worstMonth, formatShare(x.worstShareOfNeed)]),
    { key: "region-sector-shortfall", caption: "By sector, in the sector's demand unit: t of finished magnet, or t REO for sectors that use oxides and metals (need after buyers' responses to price)" },
  );
  return sub("final-demand", `Final demand unmet in ${id}, ${period(report)}`, [byElement, bySector].filter((t) => t !== "").join("\n"));
}

function lossPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  const body = view.endProductsLost.length === 0
    ? emptyMessage("region-end-products", `${id} lost no end products counted in units (vehicles, MW of wind, weapons systems) ${period(report)}.${magnetSectorsShort(view) ? " Magnet users counted in tonnes were short: see final demand unmet by sector above." : ""}`)
    : renderLossTable({ ...report, endProductsLost: view.endProductsLost }, { key: "region-end-products", showRegion: false });
  return sub("end-products", `End products not built in ${id}, ${period(report)}`, body);
}

function pricePart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  const exChina = view.market === "ex-china";
  // The magnet elements and those the region ran short of; every element's prices are in the price section.
  const short = new Set([...view.finalDemandByElement.map((x) => x.element), ...view.plantShortages.map((x) => x.element)]);
  const shown = view.prices.filter((p) => isMagnetElement(p.element) || short.has(p.element));
  const rows = inElementOrder(shown).map((p) => [
    p.element, ...priceCells(p, reportWindow(report).to),
    ...(exChina ? [p.widestPremium === undefined ? "–" : `+${formatShare(p.widestPremium.share)} (+${formatUsdPerKg(p.widestPremium.usdPerKg)}) in ${p.widestPremium.monthLabel}`] : []),
  ]);
  const table = rows.length === 0 ? emptyMessage("region-prices", "No prices were recorded in this run.") : renderHtmlTable(
    [{ header: "Element" }, ...PRICE_COLUMNS, ...(exChina ? [{ header: "Widest premium over China's price" }] : [])],
    rows, { key: "region-prices", caption: `Prices of ${MARKET_NAMES[view.market]}, where ${id}'s buyers pay, US$/kg of element content: at the window's start, its peak and its end${exChina ? "; widest premium: the largest one-month mark-up over China's domestic price" : ""}. Nd, Pr, Dy, Tb and the elements ${id} ran short of; "Price paths by market" has every element.` },
  );
  const costs = view.policyCosts.map((c) => `${POLICY_COST_LABEL[c.kind]} by ${id} ${period(report)}: US$ ${formatUsdMillions(c.totalUsd)} million`);
  const note = costs.length === 0 ? "" : `<p class="table-note" data-region-costs>${escapeHtml(`${costs.join("; ")}.`)}</p>`;
  return sub("prices", `Prices ${id}'s buyers pay: ${MARKET_NAMES[view.market]}, US$/kg of element`, `${table}${note}`);
}

function supplyPart(view: RegionView, report: RunReport): string {
  const { region: id, regionName: name } = view;
  if (view.market === "china") {
    return sub("supply", `Where ${id}'s supply came from`, emptyMessage("region-provenance", `${name} separates its own: the report tracks how much of the use outside China was separated in China.`));
  }
  const periods = view.chinaOriginPeriods;
  const origin = view.chinaOrigin.length === 0 ? emptyMessage("region-provenance", `Origins were not recorded for ${id} in this run (or it used under 1 t of Nd, Pr, Dy and Tb a year).`) : renderHtmlTable(
    [{ header: "Element" }, { header: `Separated in China, ${periods.first}, % of use`, align: "right" }, { header: `Separated in China, ${periods.last}, % of use`, align: "right" }, { header: `Used in ${periods.last}, t`, align: "right" }],
    inElementOrder(view.chinaOrigin).map((x) => [x.element, formatShare(x.firstYearShare), formatShare(x.lastYearShare), formatTonnes(x.lastYearUseTonnes)]),
    { key: "region-provenance", caption: `Share of ${id}'s use of each element that was separated in China (mined there, for concentrate), in magnets and every other form, ${periods.first} and ${periods.last}` },
  );
  const supply = report.baselineName === undefined ? emptyMessage("region-china-supply", "No baseline run to compare supply from China with.")
    : view.supplyFromChina === undefined ? emptyMessage("region-china-supply", `${id} imported no magnets and no Dy or Tb from China ${period(report)}, in this run or the baseline.`)
      : renderHtmlTable(CHINA_SUPPLY_COLUMNS, [chinaSupplyCells(view.supplyFromChina)], { key: "region-china-supply", caption: chinaSupplyCaption(report) });
  return sub("supply", `Where ${id}'s supply came from`, `${origin}\n${supply}`);
}

function gapPart(view: RegionView, report: RunReport): string {
  const { region: id } = view;
  // Without a baseline run there is nothing to close a gap against (the section "Who closed the gap" says so).
  if (view.gapClosers === undefined) return "";
  const over = period(report);
  const body = view.gapClosers.length === 0
    ? emptyMessage("region-gap-closers", `${id} neither produced nor imported more than in the baseline "${report.baselineName ?? "baseline"}" ${over}.`)
    : renderHtmlTable(
      [{ header: "Supplier" }, { header: "How" }, { header: "Stage or form" }, { header: "Element" }, { header: `Extra ${over}, US$ M`, align: "right" }, { header: "Extra, t", align: "right" },
        { header: "From (first month > 1% above baseline)" }],
      view.gapClosers.slice(0, MAX_GAP_ROWS).map((g) => [gapCloserSupplierText(g), g.source === "import" ? `import to ${id}` : "own output", g.form ?? g.stage, gapCloserElementText(g),
        formatUsdMillions(g.extraValueUsd), formatTonnes(g.extraTonnes), g.fromMonth ?? "never above 1% of baseline in a month"]),
      {
        key: "region-gap-closers",
        caption: `Who supplied ${id} more than in the baseline "${report.baselineName ?? "baseline"}" ${over}: its own extra output by stage (every element), and extra imports into ${id} by supplier, form and element (counted when licences clear), t of element content, valued at the run's first-month China prices, largest first${view.gapClosers.length > MAX_GAP_ROWS ? ` (the ${MAX_GAP_ROWS} largest of ${view.gapClosers.length}; run.json's report.regionView.gapClosers has every row)` : ""}. "Who closed the gap" below is every region's extra output.`,
      },
    );
  const issuerNote = view.gapClosers?.slice(0, MAX_GAP_ROWS).some((g) => g.fromIssuer === true) === true ? `\n<p class="plant-note">${escapeHtml(ISSUER_NOTE)}</p>` : "";
  return sub("gap-closers", `Who closed ${id}'s gap: its own extra output and extra imports, ${over}`, body + issuerNote);
}

/** The intro line of the section: what it covers, and that the rest of the report covers every region. */
export function regionSectionIntro(view: RegionView, report: RunReport): string {
  const w = reportWindow(report);
  return `The run's figures for ${view.regionName} alone, ${w.from} to ${w.to}: what it made, its plants short of input, its final demand unmet, the end products it lost, the prices its buyers pay${view.gapClosers === undefined ? " and where its supply came from" : ", where its supply came from and who supplied it more than in the baseline"}. The answer above and the sections after this one cover every region.`;
}

/** Body of the "Your region" section. */
export function renderRegionSection(view: RegionView, report: RunReport, layout: ChartLayout): string {
  return [cards(view, report), charts(view, report, layout), outputPart(view, report), madeHerePart(view, report), plantPart(view, report), plantStopPart(view, report), demandPart(view, report),
    lossPart(view, report), pricePart(view, report), supplyPart(view, report), gapPart(view, report)].filter((part) => part !== "").join("\n");
}
