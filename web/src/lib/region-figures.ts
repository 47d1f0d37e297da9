/**
 * @module web/lib/region-figures
 * The key figures of one region's view of a run (`RegionView`, the report's `regionView` when the run followed a
 * region) as the dashboard's cards: the HTML report's "Your region" cards — final demand unmet by element and by sector,
 * end products lost (against the baseline), plants short of input, the prices it pays with the widest premium, the share
 * separated in China — and who closed its gap. Words the view's own figures, in the HTML cards' order and wording;
 * computes no model figures.
 */
import type { RunReport } from "../../../src/analysis/report-model.js";
import { baselinePeakWords } from "../../../src/report/baseline-peak.js";
import { differenceOf, hasBaselineLosses, magnetTonnesText, signedText } from "../../../src/report/end-products.js";
import { formatUnits, formatUsdPerKg, pluralUnit, shortSectorName } from "../../../src/report/html/format.js";
import { formatShare, formatTonnes, formatUsdMillions } from "../../../src/report/number-format.js";
import { gapCloserElementText, gapCloserSupplierText, ISSUER_NOTE, type ElementShortfall, type RegionView } from "../../../src/report/region-view.js";
import { reportWindow } from "../../../src/report/report-window.js";

/** The magnet elements, listed first (as the HTML report lists them). */
const MAGNET_ELEMENTS: readonly string[] = ["Nd", "Pr", "Dy", "Tb"];

const MARKET_NAMES = { china: "China's domestic market", "ex-china": "the ex-China market" } as const;

/** One line of a card: a bold figure, the rest of the line, then muted detail ("· from 2026-11 · peak 40% of need"). */
export interface RegionCardItem {
  readonly strong: string;
  readonly main: string;
  readonly muted: string;
}

/** One card of the region's key figures. */
export interface RegionCard {
  readonly key: "final-demand" | "sectors" | "end-products" | "plants-short" | "prices" | "provenance" | "gap-closers";
  readonly title: string;
  readonly items: readonly RegionCardItem[];
  /** A small table instead of items (the prices card): header cells and rows. */
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /** What the card says when it has nothing to list. */
  readonly empty: string;
  /** A muted line under the items. */
  readonly note?: string;
}

/** A line's text as the HTML card reads once its tags are stripped. */
export const itemText = (x: RegionCardItem): string => [x.strong, x.main, x.muted].filter((part) => part !== "").join(" ");

const isMagnetElement = (element: string) => MAGNET_ELEMENTS.includes(element);
const magnetFirst = <T extends { readonly element: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => Number(!isMagnetElement(a.element)) - Number(!isMagnetElement(b.element)));
/** Nd, Pr, Dy, Tb, then the rest alphabetically. */
const inElementOrder = <T extends { readonly element: string }>(rows: readonly T[]) => {
  const rank = (e: string) => (isMagnetElement(e) ? MAGNET_ELEMENTS.indexOf(e) : MAGNET_ELEMENTS.length);
  return [...rows].sort((a, b) => rank(a.element) - rank(b.element) || (rank(a.element) === MAGNET_ELEMENTS.length ? a.element.localeCompare(b.element) : 0));
};
const firstShort = (x: ElementShortfall) => (x.beganMonth === undefined ? x.firstMonth : `since ${x.beganMonth}`);

/** An import's element in its form: "Dy oxide", "Nd metal", "Dy in magnets", "Nd in concentrate". */
function importedAs(element: string | undefined, form: string): string {
  if (element === undefined) return form;
  return form === "magnet" ? `${element} in magnets` : form === "concentrate" ? `${element} in concentrate` : `${element} ${form}`;
}

/** The cards of one region's view of `report`, in the order the HTML report shows them, then who closed its gap. */
export function regionCards(view: RegionView, report: RunReport): RegionCard[] {
  const w = reportWindow(report);
  const when = w.trimmed ? `, ${w.label}` : "";
  const exChina = view.market === "ex-china";
  // With a baseline: what this scenario caused (the difference), largest either way first (as the HTML card, `lossesCompared`).
  const compared = report.baselineName !== undefined && hasBaselineLosses(view.endProductsLost);
  const losses = [...view.endProductsLost].sort((a, b) => (compared ? Math.abs(differenceOf(b)) - Math.abs(differenceOf(a)) : 0));
  const magnetUsersShort = view.finalDemandBySector.some((x) => x.unit === "t magnet");
  const cards: RegionCard[] = [
    {
      key: "final-demand", title: `Final demand unmet, by element${when}`, empty: "Met in every month (never more than 1 % short).",
      items: magnetFirst(view.finalDemandByElement).map((x) => ({
        strong: x.element, main: `${formatTonnes(x.totalTonnes)} t`, muted: `· ${x.beganMonth === undefined ? "from" : "short"} ${firstShort(x)} · peak ${formatShare(x.peakShareOfNeed)} of need`,
      })),
    },
    {
      key: "sectors", title: `Final demand unmet, by sector${when}`, empty: "Every sector got what it needed.",
      items: view.finalDemandBySector.map((x) => ({
        strong: formatTonnes(x.shortUnits), main: x.unit, muted: `· ${x.sectorShortName ?? shortSectorName(x.sectorName)} · worst ${formatShare(x.worstShareOfNeed)} in ${x.worstMonth}`,
      })),
    },
    {
      key: "end-products", title: `End products lost${when}${compared ? `: caused by this scenario vs ${report.baselineName ?? "the baseline"}` : ""}`,
      empty: `None counted in units (vehicles, MW of wind, weapons systems).${magnetUsersShort ? " Magnet users counted in tonnes were short: see by sector." : ""}`,
      items: losses.map((x) => {
        const units = compared ? differenceOf(x) : x.totalUnits;
        const magnet = x.magnetKgPerUnit === undefined ? "" : ` (${magnetTonnesText(x, units, { signed: compared })} magnet)`;
        const both = compared ? ` · ${formatUnits(x.totalUnits)} lost, ${formatUnits(x.baselineTotalUnits ?? 0)} in the baseline` : "";
        return { strong: compared ? signedText(differenceOf(x), formatUnits) : formatUnits(x.totalUnits), main: `${pluralUnit(x.unit)}${magnet}`, muted: `· ${x.sectorShortName ?? shortSectorName(x.sectorName)}${both}` };
      }),
    },
    {
      key: "plants-short", title: `Plants short of input${when}`, empty: "None: its plants got the input they needed.",
      items: view.plantShortages.map((x) => {
        const against = baselinePeakWords(x);
        return {
          strong: `${x.element} · ${x.stage}`, main: x.beganMonth === undefined ? `${x.startMonth} → ${x.endMonth}` : `since ${x.beganMonth}, to ${x.endMonth}`,
          muted: `· peak ${formatShare(x.peakShareOfDemand)} of orders${against === undefined ? "" : ` · ${against}`}`,
        };
      }),
    },
    {
      key: "prices", title: `Magnet-element prices it pays${when}`, empty: "No magnet-element prices were recorded.", items: [], note: MARKET_NAMES[view.market],
      table: {
        head: ["", "Peak, US$/kg", "in", ...(exChina ? ["Widest premium"] : [])],
        rows: inElementOrder(view.prices.filter((p) => isMagnetElement(p.element))).map((p) => [
          p.element, `${formatUsdPerKg(p.peakUsdPerKg)}${p.peakAtBackstop === true ? " (backstop)" : ""}`, p.peakMonth,
          ...(exChina ? [p.widestPremium === undefined ? "–" : `+${formatShare(p.widestPremium.share)}`] : []),
        ]),
      },
    },
    {
      key: "provenance", title: "Separated in China",
      empty: !exChina ? "Its own separation: origin is tracked for use outside China." : "Origins were not recorded.",
      items: exChina ? inElementOrder(view.chinaOrigin).map((x) => ({ strong: x.element, main: `${formatShare(x.firstYearShare)} → ${formatShare(x.lastYearShare)}`, muted: "" })) : [],
      ...(exChina && view.chinaOrigin.length > 0 ? { note: `${view.chinaOriginPeriods.first} → ${view.chinaOriginPeriods.last}, share of its use` } : {}),
    },
  ];
  // Without a baseline run there is no gap to close (the view has no gap closers then).
  if (view.gapClosers !== undefined) {
    cards.push({
      key: "gap-closers", title: `Who closed its gap vs ${report.baselineName ?? "the baseline"}${when}`,
      empty: `${view.region} neither produced nor imported more than in the baseline.`,
      items: view.gapClosers.map((g) => ({
        strong: `US$ ${formatUsdMillions(g.extraValueUsd)} M`,
        main: g.source === "import" ? `${gapCloserSupplierText(g)} → ${view.region}, ${importedAs(g.element, g.form ?? g.stage)}` : `${view.region}'s own ${g.stage} output${g.mainElements !== undefined && g.mainElements.length > 0 ? ` (${gapCloserElementText(g)} t)` : ""}`,
        muted: `· ${formatTonnes(g.extraTonnes)} t · ${g.fromMonth === undefined ? "never above 1% of baseline in a month" : `from ${g.fromMonth}`}`,
      })),
      note: `own extra output by stage, and extra imports by supplier, form and element, valued at the run's first-month China prices${view.gapClosers.some((g) => g.fromIssuer === true) ? `. ${ISSUER_NOTE}` : ""}`,
    });
  }
  return cards;
}

/** The intro line of the region's section: its name and the months every figure covers. */
export function regionIntro(view: RegionView, report: RunReport): string {
  const w = reportWindow(report);
  return `The run's figures for ${view.regionName} alone, ${w.from} to ${w.to}, as the HTML report's "Your region" section gives them (run.json: report.regionView). The rest of this page covers every region.`;
}
