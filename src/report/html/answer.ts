/**
 * @module report/html/answer
 * The "answer in brief" block at the top of the report: first shortage by element and region,
 * the deepest shortage, peak prices and the ex-China spread, and end products lost.
 * It restates figures from the sections below; it adds no new ones.
 */
import { differenceOf } from "../end-products.js";
import type { EndProductLoss, RunReport } from "../report-model.js";
import { formatShare, formatTonnes } from "../number-format.js";
import { widestPremium } from "../premium.js";
import { reportWindow } from "../report-window.js";
import { deepestShortage, finalDemandMet, firstShortages, MAGNET_ELEMENTS, pricePairs, type PricePair } from "./derive.js";
import { escapeHtml } from "./escape.js";
import { formatUnits, formatUsdPerKg } from "./format.js";
import { lossesCompared, renderLossItem, renderUnitNote } from "./section-products.js";
import { renderCard } from "./tables.js";

const MAX_FIRST_SHORTAGES = 8;
const card = (key: string, title: string, body: string) => renderCard("answer", key, title, body);
const none = (text: string) => `<p class="muted">${escapeHtml(text)}</p>`;

function firstShortageCard(report: RunReport): string {
  // The magnet elements (Nd, Pr, Dy, Tb) first, each group earliest first: a reader looks for those before lutetium.
  const magnet = (e: { element: string }) => (MAGNET_ELEMENTS.includes(e.element) ? 0 : 1);
  const firsts = firstShortages(report).sort((a, b) => magnet(a) - magnet(b));
  const w = reportWindow(report);
  const where = w.trimmed ? ` in ${w.label}` : "";
  if (firsts.length === 0) return card("first-shortage", "First shortage", none(`No shortfall${w.trimmed ? where : " in this run"}.`));
  // With final demand met everywhere the list is of plants short of input, and says so (the terminal reports no shortage).
  const title = finalDemandMet(report) ? `Final demand met everywhere${where} · first plants short of input` : `First shortage${where}, by element and region (magnet elements first)`;
  // An episode that began before the window says so: "short since 2025-06".
  const items = firsts.slice(0, MAX_FIRST_SHORTAGES).map((e) =>
    `<li><strong>${escapeHtml(e.element)} · ${escapeHtml(e.region)}</strong> ${e.beganMonth === undefined ? `from ${escapeHtml(e.startMonth)}` : `short since ${escapeHtml(e.beganMonth)}`} <span class="muted">(${escapeHtml(e.stage)})</span></li>`);
  const more = firsts.length > MAX_FIRST_SHORTAGES ? `<p class="muted">+${firsts.length - MAX_FIRST_SHORTAGES} more element–region pairs</p>` : "";
  return card("first-shortage", title, `<ul class="plain">${items.join("")}</ul>${more}`);
}

function deepestCard(report: RunReport): string {
  const e = deepestShortage(report);
  const w = reportWindow(report);
  const where = w.trimmed ? `, ${w.label}` : "";
  if (e === undefined) return card("deepest-shortage", "Deepest shortage", none(`No shortfall in ${w.trimmed ? w.label : "this run"}.`));
  const plantsOnly = finalDemandMet(report);
  // Among episodes of at least 5 % of the largest episode's tonnes (a fraction of a tonne of Yb does not lead).
  const title = plantsOnly ? `Deepest plant-input shortage (final demand met)${where}` : `Deepest large shortage of final demand${where}`;
  const unit = plantsOnly ? "of the plants' need" : "of need";
  return card("deepest-shortage", title, `<p class="big">${formatShare(e.peakShareOfDemand)} <span class="unit">${unit}</span></p>
<p>${escapeHtml(e.element)} in ${escapeHtml(e.region)} (${escapeHtml(e.stage)}): ${formatTonnes(e.peakTonnesPerMonth)} t short in the worst month; episode ${escapeHtml(e.startMonth)} → ${escapeHtml(e.endMonth)}, ${e.durationMonths} months, ${formatTonnes(e.totalTonnes)} t in all${e.beganMonth === undefined ? "" : ` in the window (it began ${escapeHtml(e.beganMonth)})`}.</p>
<p class="muted">Among episodes of at least 5 % of the largest one's tonnes; the shortage table lists every episode.</p>`);
}

function peakOf(report: RunReport, pair: PricePair, market: "china" | "ex-china"): number | undefined {
  const summary = report.prices.find((p) => p.element === pair.element && p.market === market);
  if (summary !== undefined) return summary.peakUsdPerKg;
  const values = market === "china" ? pair.china : pair.exChina;
  return values === undefined || values.length === 0 ? undefined : Math.max(...values);
}

function priceCard(report: RunReport): string {
  const pairs = pricePairs(report);
  const shown = pairs.filter((p) => MAGNET_ELEMENTS.includes(p.element));
  const list = shown.length > 0 ? shown : pairs.slice(0, 4);
  if (list.length === 0) return card("prices", "Peak prices", none("No prices were recorded in this run."));
  const w = reportWindow(report);
  const rows = list.map((p) => {
    const cn = peakOf(report, p, "china");
    const ex = peakOf(report, p, "ex-china");
    // The largest mark-up in one month, its gap that month and the month (peaks may fall in other months).
    const spread = widestPremium(report, p.element);
    const spreadText = spread === undefined ? "–" : `+${Math.round(100 * spread.share)}% <span class="muted">(+${formatUsdPerKg(spread.usdPerKg)} in ${escapeHtml(spread.monthLabel)})</span>`;
    return `<tr><th scope="row">${escapeHtml(p.element)}</th><td class="num">${cn === undefined ? "–" : formatUsdPerKg(cn)}</td><td class="num">${ex === undefined ? "–" : formatUsdPerKg(ex)}</td><td class="num">${spreadText}</td></tr>`;
  });
  return card("prices", `Peak prices, US$/kg${w.trimmed ? `, ${w.label}` : ""}`, `<table class="compact"><thead><tr><th></th><th class="num">China</th><th class="num">ex-China</th><th class="num">Widest premium</th></tr></thead><tbody>${rows.join("")}</tbody></table>`);
}

/** Items the end-products card lists before it counts the rest. */
const MAX_LOSS_ITEMS = 6;

/**
 * End products lost, each figure tagged with its region, the chosen region's (`--region`) first. With a baseline run the
 * lead figure of each is the difference from it — what this scenario caused — largest first either way, and both runs'
 * losses follow in grey; rows the same in both are left out. A note says what each unit is.
 */
function lossCard(report: RunReport, region: string | undefined): string {
  const w = reportWindow(report);
  const compared = lossesCompared(report);
  const when = w.trimmed ? `, ${w.label}` : "";
  const title = compared ? `End products lost${when}: caused by this scenario vs ${report.baselineName ?? "the baseline"}` : `End products lost${when}`;
  const figure = (x: EndProductLoss) => (compared ? differenceOf(x) : x.totalUnits);
  const rows = [...listedLosses(report)].sort((a, b) => Math.abs(figure(b)) - Math.abs(figure(a)));
  const own = region === undefined ? [] : rows.filter((x) => x.region === region);
  const ordered = [...own, ...rows.filter((x) => x.region !== region)];
  const period = w.trimmed ? `in ${w.label}` : "in this run";
  if (ordered.length === 0) {
    return card("end-products", title, none(compared ? `No more and no fewer end products lost than in the baseline ${period}.` : `No end products were lost ${period}.`));
  }
  const regionNone = region === undefined || own.length > 0 ? ""
    : `<li><strong>${escapeHtml(region)}</strong> <span class="muted">· ${escapeHtml(compared ? "none caused by this scenario (no more, no fewer than in the baseline)" : "none lost")}</span></li>`;
  const items = ordered.slice(0, MAX_LOSS_ITEMS).map((x) => renderLossItem(x, { compared }));
  const more = ordered.length > MAX_LOSS_ITEMS ? `<p class="muted">+${ordered.length - MAX_LOSS_ITEMS} more sector–region pairs in the table below</p>` : "";
  const words = compared ? `<p class="muted">Each figure: what this run lost minus what ${escapeHtml(report.baselineName ?? "the baseline")} lost in the same sector, region and months (negative: fewer lost); then both runs' losses.</p>` : "";
  return card("end-products", title, `${words}<ul class="plain">${regionNone}${items.join("")}</ul>${more}`);
}

/** The end products the brief lists (`lossCard`'s rows), for the note under the cards that says what each unit is. */
function listedLosses(report: RunReport): readonly EndProductLoss[] {
  const compared = lossesCompared(report);
  return report.endProductsLost.filter((x) => formatUnits(Math.abs(compared ? differenceOf(x) : x.totalUnits)) !== "0");
}

/**
 * The answer block: four cards of key numbers, then a note on what each end-product unit listed is; with `region`
 * (`--region`), the end products lead with that region's.
 */
export function renderAnswer(report: RunReport, { region }: { readonly region?: string | undefined } = {}): string {
  return `<div class="cards">\n${[firstShortageCard(report), deepestCard(report), priceCard(report), lossCard(report, region)].join("\n")}\n</div>${renderUnitNote(listedLosses(report), "answer")}`;
}
