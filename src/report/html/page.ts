/**
 * @module report/html/page
 * The page around the sections: `<head>` with the inline stylesheet and a strict
 * Content-Security-Policy (no network, no script), the masthead, the contents and the footer.
 */
import type { RunReport } from "../report-model.js";
import type { RegionView } from "../region-view.js";
import { ADDED_PLANTS_TITLE, hasAddedPlantsSection } from "../added-plants-text.js";
import { renderAnswer } from "./answer.js";
import { ADDED_PLANTS_CSS, ADDED_PLANTS_INTRO, renderAddedPlantsSection } from "./section-added-plants.js";
import type { ChartLayout } from "./echarts-ssr.js";
import { reportWindow } from "../report-window.js";
import { escapeHtml } from "./escape.js";
import { renderConcentrationSection, renderOriginSection } from "./section-concentration.js";
import { flowTabsCss, renderFlowSection } from "./section-flows.js";
import { renderChinaSupplySection, renderCostSection, renderGapSection, renderRegionOutputSection, renderWarningSection } from "./section-gaps.js";
import { MADE_HERE_INTRO, renderMadeHereSection } from "./section-made-here.js";
import { PLANT_CSS, renderPlantSection } from "./section-plants.js";
import { renderPriceSection } from "./section-prices.js";
import { REGION_CSS, regionSectionIntro, renderRegionSection } from "./section-region.js";
import { renderProductSection } from "./section-products.js";
import { renderShortfallSection } from "./section-shortfalls.js";
import { renderTimelineSection } from "./section-timeline.js";
import { REPORT_CSS } from "./styles.js";

/** Nothing may load from anywhere: styles inline, images only as data URLs, no script at all. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** One section of the page: anchor id, heading, one line on how to read it, and the body HTML. */
interface Section {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly body: string;
}

/** "United States (US)". */
const regionTitle = (view: RegionView) => (view.regionName === view.region ? view.region : `${view.regionName} (${view.region})`);

function sections(report: RunReport, layout: ChartLayout, view: RegionView | undefined): Section[] {
  const w = reportWindow(report);
  return [
    ...(view === undefined ? [] : [{ id: "your-region", title: `Your region: ${regionTitle(view)}`, intro: regionSectionIntro(view, report), body: renderRegionSection(view, report, layout) }]),
    { id: "prices", title: "Price paths by market", intro: "China's domestic price against the ex-China price for each element, US$/kg of element content. The gap between the lines is what buyers outside China pay extra.", body: renderPriceSection(report, layout) },
    { id: "shortfalls", title: "Shortfalls", intro: "Demand that could not be met, t/month of element content, stacked by element and by importing region; then each shortage episode.", body: renderShortfallSection(report, layout) },
    // Reports saved before plant figures existed have none: the page keeps its sections.
    ...(report.plantShortfalls === undefined ? [] : [{ id: "plants", title: "Plants that stop or fall short", intro: `Which mines and plants make well below ${report.baselineName === undefined ? "their capacity while their stage is short of input" : "their output in the baseline run"}, from when, and how much output they lose: the suppliers a buyer of their products has to replace.`, body: renderPlantSection(report) }]),
    ...(hasAddedPlantsSection(report) ? [{ id: "added-plants", title: ADDED_PLANTS_TITLE, intro: ADDED_PLANTS_INTRO, body: renderAddedPlantsSection(report) }] : []),
    { id: "flows", title: "Flows through the chain", intro: "Where material went in a chosen month, from mines through separation, metal and magnet making to use, by region. Pick a month above the chart.", body: renderFlowSection(report, layout) },
    { id: "concentration", title: "Concentration by stage", intro: `China's share of each stage's world output (for use: of world demand) month by month, and the concentration of each stage at the start and end of the ${w.trimmed ? `reporting window (${w.label})` : "run"}.`, body: renderConcentrationSection(report, layout) },
    { id: "provenance", title: "Where the content comes from", intro: "How much of each importing region's use of the magnet elements was separated in China — the provenance the model carries through every stage, and what an extraterritorial rule like MOFCOM Ann. 61/2025 tests.", body: renderOriginSection(report, layout) },
    { id: "china-supply", title: "Supply from China", intro: "What each importing region got from China — magnets, and Dy and Tb as oxide or metal — against the baseline run, and how many months its magnets from China fell below half of the baseline's.", body: renderChinaSupplySection(report) },
    { id: "region-outputs", title: "Made outside China", intro: "Nd, Pr, Dy and Tb made outside China by region and stage, and where they went: the supply that could reopen the chokepoint, and whether it stays where it is made.", body: renderRegionOutputSection(report) },
    { id: "made-here", title: "Made here, short here", intro: MADE_HERE_INTRO, body: renderMadeHereSection(report) },
    { id: "end-products", title: "End products lost", intro: "Products not built for lack of rare earths, in each sector's own unit, by importing region and month.", body: renderProductSection(report, layout) },
    { id: "timeline", title: "Policy timeline", intro: `When each policy of the scenario is in force; gaps between bars are suspensions.${w.trimmed ? ` The whole run from ${w.runStart}: measures before ${w.from} shaped the window's stocks and prices.` : ""}`, body: renderTimelineSection(report, layout) },
    { id: "policy-costs", title: "What the measures cost", intro: "Money the scenario's tariffs and price floors move each year: duty importers paid, and top-ups paid to producers to bring their price up to a floor.", body: renderCostSection(report) },
    { id: "gap-closers", title: "Who closed the gap", intro: "Regions and stages that produced more than in the baseline run, and from when.", body: renderGapSection(report) },
    { id: "warnings", title: "Warnings", intro: "What the run flagged about its own results.", body: renderWarningSection(report) },
  ];
}

function masthead(report: RunReport, view: RegionView | undefined): string {
  const s = report.scenario;
  const last = report.monthLabels[report.monthLabels.length - 1];
  const horizon = `${s.startMonth}${last === undefined ? "" : ` → ${last}`} (${s.months} months)`;
  const w = reportWindow(report);
  const meta: [string, string][] = [
    ...(view === undefined ? [] : [["Your region", regionTitle(view)] as [string, string]]),
    ...(s.name !== report.title ? [["Scenario", s.name] as [string, string]] : []),
    ["Dataset", `${report.dataset.name} ${report.dataset.version}`],
    ["Horizon", horizon],
    ...(w.trimmed ? [["Reporting window", `${w.from} → ${w.to}`] as [string, string]] : []),
    ["Seed", String(s.seed)],
    ...(s.extendsChain.length > 0 ? [["Extends", s.extendsChain.join(" → ")] as [string, string]] : []),
    ["Compared with", report.baselineName ?? "no baseline"],
  ];
  return `<header class="masthead"><div class="wrap">
<p class="kicker">Chokepoint · rare-earth supply-chain scenario report</p>
<h1>${escapeHtml(report.title)}</h1>
${s.description.trim() === "" ? "" : `<p class="lede">${escapeHtml(s.description)}</p>`}
<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join("")}</dl>
</div></header>${w.trimmed ? `\n<div class="wrap"><p class="window-note" data-window="${escapeHtml(w.from)}">Every figure and table in this report covers <strong>${escapeHtml(w.label)}</strong>, except the policy timeline. The run starts ${escapeHtml(w.runStart)}, so stocks and prices carry what happened before; the charts show the whole run with the months before ${escapeHtml(w.from)} shaded. Shortage episodes that began earlier are cut at ${escapeHtml(w.from)} and say when they began.</p></div>` : ""}`;
}

/** Options of `renderPage`, resolved by `renderHtmlReport`. */
export interface PageOptions {
  readonly layout: ChartLayout;
  /** Extra footer line (plain text), e.g. the command that produced the report. */
  readonly footerNote: string | undefined;
  /** One region's view (`--region`): a "Your region" section right after the answer in brief. */
  readonly regionView: RegionView | undefined;
}

/** The whole HTML document of a run report. */
export function renderPage(report: RunReport, { layout, footerNote, regionView }: PageOptions): string {
  const body = sections(report, layout, regionView);
  const toc = [{ id: "answer", title: "In brief" }, ...body].map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("");
  const rendered = body.map((s, i) => `<section id="${s.id}" data-section="${s.id}">
<h2><span class="n">${i + 1}</span>${escapeHtml(s.title)}</h2>
<p class="intro">${escapeHtml(s.intro)}</p>
${s.body}
</section>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Chokepoint">
<title>${escapeHtml(report.title)} · Chokepoint report</title>
<link rel="icon" href="data:,">
<style>${REPORT_CSS}${flowTabsCss(report.flowGraphs.length)}${report.plantShortfalls === undefined && !hasAddedPlantsSection(report) ? "" : PLANT_CSS}${hasAddedPlantsSection(report) ? ADDED_PLANTS_CSS : ""}${regionView === undefined ? "" : REGION_CSS}
</style>
</head>
<body>
${masthead(report, regionView)}
<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>
<main class="wrap">
<section id="answer" data-section="answer">
<h2>The answer in brief</h2>
${renderAnswer(report, { region: regionView?.region })}
</section>
${rendered.join("\n")}
</main>
<footer class="wrap">Made by Chokepoint from dataset ${escapeHtml(report.dataset.name)} ${escapeHtml(report.dataset.version)}, scenario seed ${report.scenario.seed}. Tonnes (t) are tonnes of rare-earth element content; prices are US$ per kg of element. Charts are drawn when the report is made; the page loads nothing from the network.${footerNote === undefined ? "" : `<br>${escapeHtml(footerNote)}`}</footer>
</body>
</html>
`;
}
