/**
 * @module report/html/answer
 * The "answer in brief" block at the top of the report: first shortage by element and region,
 * the deepest shortage, peak prices and the ex-China spread, and end products lost.
 * It restates figures from the sections below; it adds no new ones.
 */
import type { RunReport } from "../report-model.js";
import { formatShare, formatTonnes } from "../number-format.js";
import { widestPremium } from "../premium.js";
import { reportWindow } from "../report-window.js";
import { deepestShortage, finalDemandMet, firstShortages, lossesBySector, MAGNET_ELEMENTS, pricePairs, type PricePair } from "./derive.js";
import { escapeHtml } from "./escape.js";
import { formatUnits, formatUsdPerKg, pluralUnit } from "./format.js";
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

function lossCard(report: RunReport): string {
  const sectors = lossesBySector(report);
  const w = reportWindow(report);
  const title = `End products lost${w.trimmed ? `, ${w.label}` : ""}`;
  if (sectors.length === 0) return card("end-products", title, none(`No end products were lost in ${w.trimmed ? w.label : "this run"}.`));
  const items = sectors.slice(0, 6).map((s) =>
    `<li><strong>${formatUnits(s.totalUnits)}</strong> ${escapeHtml(pluralUnit(s.unit))} <span class="muted">· ${escapeHtml(s.sectorShortName)}</span></li>`);
  const more = sectors.length > 6 ? `<p class="muted">+${sectors.length - 6} more sectors</p>` : "";
  return card("end-products", title, `<ul class="plain">${items.join("")}</ul>${more}`);
}

/** The answer block: four cards of key numbers. */
export function renderAnswer(report: RunReport): string {
  return `<div class="cards">\n${[firstShortageCard(report), deepestCard(report), priceCard(report), lossCard(report)].join("\n")}\n</div>`;
}
