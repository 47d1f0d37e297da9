import { describe, expect, it } from "vitest";
import type { RunReport } from "../report-model.js";
import { renderHtmlReport } from "../html-report.js";
import { emptyReport, sampleReport } from "../../../test/fixtures/report/sample-report.js";

const html = renderHtmlReport(sampleReport());

/** The inner HTML of each `<figure data-chart>`, by id. */
function figures(page: string): Map<string, string> {
  return new Map([...page.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

describe("renderHtmlReport", () => {
  it("has the header and every section, in order", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<h1>China Dy/Tb export licences, suspended Nov 2026</h1>");
    expect(html).toContain("<dt>Dataset</dt><dd>chokepoint-world 2024.3</dd>");
    expect(html).toContain("<dt>Horizon</dt><dd>2026-01 → 2027-12 (24 months)</dd>");
    expect(html).toContain("<dt>Compared with</dt><dd>baseline-2024</dd>");
    const order = [...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(["answer", "prices", "shortfalls", "flows", "concentration", "provenance", "china-supply", "region-outputs", "end-products", "timeline", "policy-costs", "gap-closers", "warnings"]);
    for (const table of ["prices", "shortage-episodes", "concentration", "provenance", "china-supply", "region-outputs", "end-products-lost", "policy-timeline", "policy-costs", "gap-closers"]) {
      expect(html, table).toContain(`data-table="${table}"`);
    }
    // The provenance table: first and last year per element, for each region.
    const origin = html.slice(html.indexOf('data-table="provenance"'), html.indexOf("</table>", html.indexOf('data-table="provenance"')));
    expect(origin).toMatch(/<td>JP<\/td><td[^>]*>98%<\/td><td[^>]*>71%<\/td><td[^>]*>93%<\/td><td[^>]*>86%<\/td><td[^>]*>–<\/td>/);
    // Made outside China: separation, metal and magnets first, the mines' concentrate last, largest first, with the destinations.
    const outputs = html.slice(html.indexOf('data-table="region-outputs"'), html.indexOf("</table>", html.indexOf('data-table="region-outputs"')));
    expect([...outputs.matchAll(/<tr><td>([A-Z]+)<\/td><td>([a-z]+)<\/td><td>([A-Za-z]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`))
      .toEqual(["US separation Nd", "US separation Pr", "JP magnet Nd", "US mine Nd"]);
    expect(outputs).toMatch(/<td>US<\/td><td>separation<\/td><td>Nd<\/td><td[^>]*>2,450<\/td><td[^>]*>610<\/td><td>JP 400, KR 150, EU 60<\/td>/);
    // Supply from China: each importer's tonnes, the baseline's and the change, and the months magnets fell below half.
    const supply = html.slice(html.indexOf('data-table="china-supply"'), html.indexOf("</table>", html.indexOf('data-table="china-supply"')));
    expect(supply).toMatch(/<td>JP<\/td><td[^>]*>1,210<\/td><td[^>]*>2,480<\/td><td[^>]*>−51%<\/td><td[^>]*>95<\/td><td[^>]*>310<\/td><td[^>]*>−69%<\/td><td[^>]*>9 \(from 2026-05\)<\/td>/);
    expect(supply).toMatch(/<td>EU<\/td>.*<td[^>]*>none<\/td>/s);
    // The loss table says what each region was short of while it lost units.
    const losses = html.slice(html.indexOf('data-table="end-products-lost"'), html.indexOf("</table>", html.indexOf('data-table="end-products-lost"')));
    expect(losses).toContain("Short of (share of need unmet while losing)");
    expect(losses).toMatch(/<td>JP<\/td>.*?<td[^>]*>Dy, Tb 31%<\/td>/s);
    // The costs table: one row per payment and region, totals and each calendar year in US$ million.
    const costs = html.slice(html.indexOf('data-table="policy-costs"'), html.indexOf("</table>", html.indexOf('data-table="policy-costs"')));
    expect(costs).toMatch(/price-floor top-up received<\/td><td[^>]*>US<\/td><td[^>]*>413<\/td><td[^>]*>96\.0<\/td><td[^>]*>317<\/td>/);
    expect(costs).toMatch(/import duty paid<\/td><td[^>]*>US<\/td><td[^>]*>18\.8<\/td><td[^>]*>7\.3<\/td><td[^>]*>11\.5<\/td>/);
  });

  it("draws each chart as an inline SVG with a title and drawn paths", () => {
    const charts = figures(html);
    expect([...charts.keys()]).toEqual([
      "price-nd", "price-pr", "price-dy", "price-tb", "price-other-elements", "shortfall-by-element", "shortfall-by-region",
      "flows-0", "flows-1", "flows-2", "china-share-by-stage", "china-origin-by-region", "lost-vehicle", "lost-path-vehicle", "lost-mw", "lost-path-mw",
      "lost-t-magnet", "lost-path-t-magnet", "lost-f-35-equivalent", "lost-path-f-35-equivalent", "policy-timeline",
    ]);
    for (const [id, inner] of charts) {
      expect(inner, id).toMatch(/^\n<svg role="img" aria-label="[^"]+" class="chart-svg" width="\d+" height="\d+"/);
      expect(inner.match(/<path d="M/g)?.length ?? 0, id).toBeGreaterThan(3);
      expect(inner, id).not.toMatch(/<style|ecmeta_|zr\d+-cls/);
    }
    expect(charts.get("price-dy")).toContain(">US$/kg of element</text>");
    expect(charts.get("shortfall-by-region")).toContain(">t/month of element content</text>");
    expect(charts.get("lost-vehicle")).toContain(">vehicles</text>");
    expect(charts.get("flows-1")).toContain(">Flows in 2026-09, t/month of element content</text>");
  });

  it("answers the key questions up front", () => {
    const answer = html.slice(html.indexOf('data-section="answer"'), html.indexOf('data-section="prices"'));
    expect(answer).toContain("<strong>Dy · JP</strong> from 2026-06");
    expect(answer).toContain("45% <span class=\"unit\">of need</span>");
    expect(answer).toMatch(/<th scope="row">Dy<\/th><td class="num">\$255<\/td><td class="num">\$895<\/td><td class="num">\+290% <span class="muted">\(\+\$666 in 2026-09\)<\/span>/);
    expect(answer).toContain("<strong>324,100</strong> vehicles");
  });

  it("shows the month with the largest shortfall first in the flow selector", () => {
    expect(html).toContain('<input type="radio" name="flow-month" class="flow-radio" id="flow-tab-1" checked>');
    expect(html).toContain('<label for="flow-tab-1">2026-09 <span class="tag">largest shortfall</span></label>');
  });

  it("is self-contained: no script, no external resource, a CSP that forbids both", () => {
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|@import|\ssrc=/i);
    expect([...html.matchAll(/<link [^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="icon" href="data:,">']);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    const urls = [...html.matchAll(/https?:\/\/[^\s"<)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith("http://www.w3.org/"));
    expect(urls).toEqual(["https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_18.html", "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_18.html"]);
  });

  it("gives the same bytes for the same report, with ids unique in the page", () => {
    expect(renderHtmlReport(sampleReport())).toBe(html);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("escapes hostile text from user YAML everywhere it appears", () => {
    const base = sampleReport();
    const evil = '<script>alert("x")</script>';
    const hostile: RunReport = {
      ...base, title: evil,
      scenario: { ...base.scenario, name: `${evil} & co`, description: "<img src=x onerror=alert(1)>", extendsChain: ["</dd><b>chain</b>"] },
      dataset: { name: '"><svg onload=alert(1)>', version: "1" },
      baselineName: "<i>base</i>",
      timeline: [{ ...base.timeline[0]!, title: "<b>policy</b>", kind: "<u>k</u>", reference: 'javascript:alert(1) "quoted" https://ok.example/a?b=1&c=<x>' }],
      shortfallByRegion: [{ label: "<em>JP</em>", unit: "t/month", values: base.monthLabels.map((_, m) => (m === 5 ? 3 : 0)) }],
      warnings: ["<iframe src=//evil>"],
    };
    const page = renderHtmlReport(hostile);
    expect(page).not.toMatch(/<script|<img|<svg onload|<iframe|<b>|<i>|<em>|<u>|href="javascript/i);
    expect(page).toContain("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&lt;em&gt;JP&lt;/em&gt;");
    expect(page).toContain('<a href="https://ok.example/a?b=1&amp;c=" rel="noreferrer noopener">https://ok.example/a?b=1&amp;c=</a>&lt;x&gt;');
  });

  it("says so instead of drawing empty charts when nothing happened", () => {
    const page = renderHtmlReport(emptyReport());
    expect(figures(page).size).toBe(0);
    const empties = Object.fromEntries([...page.matchAll(/data-empty="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(empties).toEqual({
      prices: "No prices were recorded in this run.",
      shortfalls: "No shortfall in this run: every region&#39;s demand was met in every month.",
      flows: "No flows were recorded for this run.",
      "china-share": "No concentration series in this run.",
      provenance: "Origins were not recorded for this run.",
      "china-supply": "No baseline run to compare with.",
      "region-outputs": "No region outside China made Nd, Pr, Dy or Tb at any stage in this run.",
      "end-products": "No end products were lost in this run.",
      timeline: "No policies are in force in this run.",
      "policy-costs": "The scenario has no import tariff or price floor, so no duty or top-up was paid.",
      "gap-closers": "No baseline run to compare with, so no gap closers are computed.",
      warnings: "No warnings.",
    });
    expect(page).toContain("<p class=\"muted\">No shortfall in this run.</p>");
  });

  it("drops flow links that run backwards or within a stage, which a Sankey cannot draw", () => {
    const base = sampleReport();
    const graph = base.flowGraphs[0]!;
    const looped = { ...graph, links: [...graph.links, { source: "use:JP", target: "mine:CN", tonnes: 50 }, { source: "metal:CN", target: "metal:other", tonnes: 20 }] };
    const page = renderHtmlReport({ ...base, flowGraphs: [looped] });
    expect(figures(page).get("flows-0")).toContain("Flows in 2026-01");
  });

  it("says when a price peaks in the run's last month (the horizon, not a turning point)", () => {
    const base = sampleReport();
    const last = base.monthLabels[base.monthLabels.length - 1]!;
    const page = renderHtmlReport({ ...base, prices: base.prices.map((p, i) => (i === 0 ? { ...p, peakMonth: last } : p)) });
    const table = page.slice(page.indexOf('data-table="prices"'), page.indexOf("</table>", page.indexOf('data-table="prices"')));
    expect(table).toContain(`${last} (end: still rising)`);
    expect(html.slice(html.indexOf('data-table="prices"'), html.indexOf("</table>", html.indexOf('data-table="prices"')))).not.toContain("still rising");
  });

  it("keeps the episode table when only intermediate stages ran short", () => {
    const base = sampleReport();
    const page = renderHtmlReport({ ...base, shortfallByElement: [], shortfallByRegion: [], shortages: base.shortages.filter((e) => e.stage === "magnet") });
    expect(page).toContain('data-empty="shortfall-series"');
    expect(page).toContain('data-table="shortage-episodes"');
    expect(figures(page).has("shortfall-by-element")).toBe(false);
    // The answer says final demand was met and that its shortages are plants' input (the terminal reports none).
    const answer = page.slice(page.indexOf('data-section="answer"'), page.indexOf('data-section="prices"'));
    expect(answer).toContain("Final demand met everywhere · first plants short of input");
    expect(answer).toContain("<h3>Deepest plant-input shortage (final demand met)</h3>");
    expect(answer).not.toContain("Deepest large shortage of final demand");
    expect(html.slice(html.indexOf('data-section="answer"'), html.indexOf('data-section="prices"'))).toContain("<h3>Deepest large shortage of final demand</h3>");
  });

  it("names the reporting window (--from) in the masthead, the answer, every table and the charts, which shade the months before it", () => {
    const base = sampleReport();
    const dyJp = base.shortages.find((e) => e.element === "Dy" && e.region === "JP" && e.stage === "use")!;
    const windowed: RunReport = { ...base, window: { from: "2026-07", to: "2027-12" }, shortages: [{ ...dyJp, startMonth: "2026-07", durationMonths: 5, beganMonth: dyJp.startMonth }] };
    const page = renderHtmlReport(windowed);
    expect(page).toContain("<dt>Reporting window</dt><dd>2026-07 → 2027-12</dd>");
    expect(page).toContain('<p class="window-note" data-window="2026-07">Every figure and table in this report covers <strong>2026-07 – 2027-12</strong>, except the policy timeline.');
    const answer = page.slice(page.indexOf('data-section="answer"'), page.indexOf('data-section="prices"'));
    expect(answer).toContain("First shortage in 2026-07 – 2027-12, by element and region");
    expect(answer).toContain("<strong>Dy · JP</strong> short since 2026-06");
    expect(answer).toContain("Peak prices, US$/kg, 2026-07 – 2027-12");
    expect(answer).toContain("End products lost, 2026-07 – 2027-12");
    const caption = (key: string) => page.slice(page.indexOf(`data-table="${key}"`)).match(/<caption>([^<]*)<\/caption>/)?.[1] ?? "";
    expect(caption("prices")).toBe("Prices at the start of the window (2026-07), their peak within it and at its end (2027-12), US$/kg of element content");
    expect(caption("shortage-episodes")).toContain("Shortage episodes in 2026-07 – 2027-12");
    expect(caption("china-supply")).toContain("Imports from China in 2026-07 – 2027-12 against the baseline");
    expect(caption("gap-closers")).toContain("in 2026-07 – 2027-12");
    expect(caption("policy-costs")).toContain("2026-07 – 2027-12 (a year the window cuts counts only its months in it)");
    expect(page).toContain("<th scope=\"col\">Began (before 2026-07)</th>");
    expect(page).toContain("<th scope=\"col\" class=\"num\">Lost in 2026-07 – 2027-12</th>");
    expect(page).toContain("<th scope=\"col\">Top region 2026-07</th>");
    // Series charts keep the whole run, with the months before the window shaded and labelled; the Sankey and bars do not.
    const charts = figures(page);
    for (const id of ["price-dy", "price-other-elements", "shortfall-by-element", "china-share-by-stage", "china-origin-by-region", "lost-path-vehicle"]) {
      expect(charts.get(id), id).toContain(">before 2026-07</text>");
    }
    expect(charts.get("lost-vehicle")).not.toContain("before 2026-07");
    // The whole-run report has none of it.
    expect(html).not.toMatch(/Reporting window|class="window-note"|before 2026-/);
  });
});

