/**
 * The run form's options become the CLI's --baseline, --region and --from on POST /api/runs (issue: "the dashboard
 * cannot answer the EU or defence questions": no region, no reporting window, no comparison chosen at run time), the
 * report's header says what it covers, and the region's cards say what the HTML report's "Your region" cards say.
 */
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/report-model.js";
import { startRunRequestSchema } from "../../src/model/api.js";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { regionView } from "../../src/report/region-view.js";
import { itemText, regionCards } from "../../web/src/lib/region-figures.js";
import { endProductsByUnit, reportPeriod, totalShortfallTonnes, unitLossHeadline } from "../../web/src/lib/report-figures.js";
import {
  comparisonChoices, defaultComparison, horizonMonths, NO_COMPARISON, reportCoverage, reportFromInHorizon, runRequestOptions,
} from "../../web/src/lib/run-options.js";
import { sampleReport } from "../fixtures/report/sample-report.js";

describe("the run form's comparison", () => {
  it("defaults to the scenario's own compareWith, else baseline, and never to itself", () => {
    expect(defaultComparison("oct-2025-suspended", "oct-2025-returns")).toBe("oct-2025-suspended");
    expect(defaultComparison(undefined, "kachin-cutoff")).toBe("baseline");
    expect(defaultComparison(undefined, "baseline")).toBe(NO_COMPARISON);
  });

  it("offers the default first, then every other scenario but the one run", () => {
    const names = ["apr-2025", "baseline", "oct-2025-returns", "oct-2025-suspended"];
    expect(comparisonChoices(names, { defaultName: "oct-2025-suspended", scenarioName: "oct-2025-returns" })).toEqual(["oct-2025-suspended", "apr-2025", "baseline"]);
    // A default the list does not hold (a compareWith the server will refuse) is still shown, so the form never hides it.
    expect(comparisonChoices(["baseline"], { defaultName: "gone", scenarioName: undefined })).toEqual(["gone", "baseline"]);
    expect(comparisonChoices(names, { defaultName: NO_COMPARISON, scenarioName: "baseline" })).toEqual(["apr-2025", "oct-2025-returns", "oct-2025-suspended"]);
  });
});

describe("the run form's request", () => {
  it("sends nothing for the defaults: the server applies the scenario's compareWith and reports the whole run", () => {
    expect(runRequestOptions({ comparison: "oct-2025-suspended", region: "", reportFrom: "" }, "oct-2025-suspended")).toEqual({});
  });

  it("sends the CLI's --baseline, --region and --from as baseline, region and reportFrom", () => {
    const options = runRequestOptions({ comparison: "baseline", region: "EU", reportFrom: "2026-11" }, "oct-2025-suspended");
    expect(options).toEqual({ baseline: "baseline", region: "EU", reportFrom: "2026-11" });
    // The body the form posts is one the API accepts.
    expect(startRunRequestSchema.safeParse({ scenario: "oct-2025-returns", ...options }).success).toBe(true);
    expect(runRequestOptions({ comparison: NO_COMPARISON, region: "US", reportFrom: "" }, "baseline")).toEqual({ baseline: false, region: "US" });
  });

  it("offers every month of the horizon for the window, and drops a month the scenario no longer has", () => {
    const horizon = { startMonth: "2025-10", months: 5 };
    expect(horizonMonths(horizon)).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(reportFromInHorizon("2026-01", horizon)).toBe("2026-01");
    expect(reportFromInHorizon("2026-03", horizon)).toBe("");
    expect(reportFromInHorizon("2026-03", undefined)).toBe("2026-03");
  });
});

/** The report as the server serves a run with `reportFrom: 2026-07` and `region: JP`. */
function windowedJapan(): RunReport & { regionView: ReturnType<typeof regionView> } {
  const report = sampleReport();
  const dyJp = report.shortages.find((e) => e.element === "Dy" && e.region === "JP" && e.stage === "use")!;
  const cut = { ...dyJp, startMonth: "2026-07", durationMonths: 6, beganMonth: dyJp.startMonth };
  const windowed: RunReport = { ...report, window: { from: "2026-07", to: "2027-12" }, shortages: [cut, { ...cut, stage: "magnet" }] };
  return { ...windowed, regionView: regionView(windowed, { id: "JP", name: "Japan" }) };
}

describe("what the report covers", () => {
  it("says the window (and where the run began), the comparison and the region", () => {
    const report = windowedJapan();
    expect(reportCoverage(report).map((c) => [c.label, c.value, c.note])).toEqual([
      ["covers", "2026-07 – 2027-12", `of a run from ${report.monthLabels[0]}`],
      ["compared with", "baseline-2024", ""],
      ["region", "JP", "Japan"],
    ]);
  });

  it("says the whole run and no comparison for a run without options", () => {
    const { window: _window, ...whole } = sampleReport();
    const report = { ...whole, baselineName: undefined };
    const last = report.monthLabels[report.monthLabels.length - 1];
    expect(reportCoverage(report).map((c) => [c.label, c.value, c.note])).toEqual([
      ["covers", `${report.monthLabels[0]} – ${last}`, "the whole run"],
      ["compared with", "nothing", "no comparison run"],
    ]);
  });
});

describe("the headline cards of a report with a window (issue: the total counted months before --from)", () => {
  it("sums the final-use shortfall over the window only, and says which months", () => {
    const whole = sampleReport();
    const windowed = { ...whole, window: { from: "2026-07", to: whole.monthLabels[whole.monthLabels.length - 1]! } };
    const from = whole.monthLabels.indexOf("2026-07");
    const expected = whole.shortfallByElement.reduce((a, s) => a + s.values.slice(from).reduce((x, y) => x + y, 0), 0);
    expect(totalShortfallTonnes(windowed)).toBeCloseTo(expected);
    expect(totalShortfallTonnes(windowed)).toBeLessThan(totalShortfallTonnes(whole));
    expect(reportPeriod(whole)).toBe("over the horizon");
    expect(reportPeriod(windowed)).toBe(`in 2026-07 – ${windowed.window.to}`);
    const card = unitLossHeadline(endProductsByUnit(windowed.endProductsLost)[0]!, windowed.baselineName, reportPeriod(windowed));
    expect(card.sub).toContain(`· all regions, in 2026-07 – ${windowed.window.to}`);
  });
});

/** Each "Your region" card of the HTML report: its title and its lines as text. */
function htmlRegionCards(html: string): Map<string, { title: string; lines: string[] }> {
  const text = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim();
  const cards = new Map<string, { title: string; lines: string[] }>();
  for (const m of html.matchAll(/<div class="card" data-region-card="([^"]+)"><h3>([^<]*)<\/h3>([\s\S]*?)\n<\/div>/g)) {
    cards.set(m[1] ?? "", { title: text(m[2] ?? ""), lines: [...(m[3] ?? "").matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => text(li[1] ?? "")) });
  }
  return cards;
}

describe("the region's cards (issue: no region view on the dashboard)", () => {
  const report = windowedJapan();
  const html = htmlRegionCards(renderHtmlReport(report, { regionView: report.regionView }));
  const cards = regionCards(report.regionView, report);

  it("has the HTML report's cards, then who closed its gap", () => {
    expect(cards.map((c) => c.key)).toEqual([...html.keys(), "gap-closers"]);
    expect(cards.map((c) => c.key)).toEqual(["final-demand", "sectors", "end-products", "plants-short", "prices", "provenance", "gap-closers"]);
  });

  it.each(["final-demand", "sectors", "end-products", "plants-short", "provenance"])("words the %s card as the HTML report does (its first five lines)", (key) => {
    const card = cards.find((c) => c.key === key)!;
    const theirs = html.get(key)!;
    expect(card.title).toBe(theirs.title);
    expect(card.items.slice(0, 5).map(itemText)).toEqual(theirs.lines);
  });

  it("names the window in the titles, and an episode that began before it", () => {
    expect(cards.find((c) => c.key === "final-demand")?.title).toBe("Final demand unmet, by element, 2026-07 – 2027-12");
    expect(itemText(cards.find((c) => c.key === "final-demand")!.items[0]!)).toMatch(/^Dy 44 t · short since 2026-06 · peak \d+% of need$/);
    expect(itemText(cards.find((c) => c.key === "plants-short")!.items[0]!)).toMatch(/^Dy · magnet since 2026-06, to 2026-12 · peak/);
  });

  it("gives the prices its buyers pay with the widest premium over China's, as the HTML card's table", () => {
    const prices = cards.find((c) => c.key === "prices")!;
    expect(prices.table?.head).toEqual(["", "Peak, US$/kg", "in", "Widest premium"]);
    const page = renderHtmlReport(report, { regionView: report.regionView });
    const card = /data-region-card="prices">[\s\S]*?<\/table>/.exec(page)?.[0] ?? "";
    const htmlRows = [...card.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [m[1], ...[...(m[2] ?? "").matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1])]);
    expect(prices.table?.rows).toEqual(htmlRows);
    expect(prices.table?.rows.map((r) => r[0])).toEqual(["Nd", "Pr", "Dy", "Tb"]);
    expect(prices.note).toBe("the ex-China market");
  });

  it("lists who closed its gap against the baseline, largest value first", () => {
    const gap = cards.find((c) => c.key === "gap-closers")!;
    expect(gap.title).toBe("Who closed its gap vs baseline-2024, 2026-07 – 2027-12");
    expect(gap.items.length).toBeGreaterThan(0);
    expect(gap.items.length).toBe(report.regionView.gapClosers?.length);
    for (const item of gap.items) expect(itemText(item)).toMatch(/^US\$ [\d,.]+ M (JP's own \w+ output|\S+ → JP, \w+ (in )?\w+) · [\d,.]+ t · (from \d{4}-\d{2}|never above 1% of baseline in a month)$/);
  });

  it("leaves out who closed the gap without a comparison run", () => {
    const alone = { ...report, baselineName: undefined };
    expect(regionCards(regionView(alone, { id: "JP", name: "Japan" }), alone).map((c) => c.key)).not.toContain("gap-closers");
  });
});
