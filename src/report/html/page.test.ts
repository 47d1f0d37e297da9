import { describe, expect, it } from "vitest";
import type { RunReport } from "../report-model.js";
import { renderHtmlReport } from "../html-report.js";
import { regionView } from "../region-view.js";
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
    expect(order).toEqual(["answer", "prices", "shortfalls", "plants", "flows", "concentration", "provenance", "china-supply", "region-outputs", "made-here", "end-products", "timeline", "policy-costs", "gap-closers", "warnings"]);
    for (const table of ["prices", "shortage-episodes", "plant-shortfalls", "concentration", "provenance", "china-supply", "region-outputs", "made-here", "end-products-lost", "policy-timeline", "policy-costs", "gap-closers"]) {
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
      "lost-t-magnet", "lost-path-t-magnet", "lost-f-35-ndfeb-set", "lost-path-f-35-ndfeb-set", "policy-timeline",
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
    // Each figure with its sector and region (not summed over regions).
    expect(answer).toContain('<li><strong>182,400</strong> vehicles <span class="muted">· EV traction motors · <strong>JP</strong></span></li>');
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

  it("marks a peak at the backstop in the price table and the region's price card, with the note that says what it means", () => {
    const base = sampleReport();
    const capped: RunReport = { ...base, prices: base.prices.map((p) => (p.element === "Dy" && p.market === "ex-china" ? { ...p, peakAtBackstop: true } : p)) };
    const page = renderHtmlReport(capped, { regionView: regionView(capped, { id: "JP", name: "Japan" }) });
    expect(page).not.toBe(renderHtmlReport(base, { regionView: regionView(base, { id: "JP", name: "Japan" }) }));
    // The price table, the region's price card and the region's own price table.
    expect(page.match(/ \(backstop\)<\/td>/g)?.length).toBe(3);
    expect(page).toContain("the price reached its ceiling, price.backstopMultiple");
    expect(html).not.toContain("(backstop)");
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
      "plant-shortfalls": "No mine or plant made more than 10 % less than its capacity while its stage was short of input in any month of the run.",
      "china-supply": "No baseline run to compare with.",
      "region-outputs": "No region outside China made Nd, Pr, Dy or Tb at any stage in this run.",
      "made-here": "No region shipped out a quarter or more of an element it made while its own plants or final users were short of it, in this run.",
      "end-products": "No end products were lost in this run.",
      timeline: "No policies are in force in this run.",
      "policy-costs": "The scenario has no import tariff or price floor, so no duty or top-up was paid.",
      "gap-closers": "No baseline run to compare with, so no gap closers are computed.",
      warnings: "No warnings.",
    });
    expect(page).toContain("<p class=\"muted\">No shortfall in this run.</p>");
  });

  it("lists the plants that stop or fall short, largest loss first, with a strip of the months each was short", () => {
    const section = html.slice(html.indexOf('data-section="plants"'), html.indexOf('data-section="flows"'));
    expect(section).toContain("<h2><span class=\"n\">3</span>Plants that stop or fall short</h2>");
    expect(section).toContain("<caption>3 mines and plants more than 10 % below their output in the baseline run in a month, largest loss first</caption>");
    const table = section.slice(section.indexOf("<tbody>"), section.indexOf("</tbody>"));
    const cells = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => (c[1] ?? "").replace(/<svg[\s\S]*<\/svg>/, "[strip]")));
    expect(cells).toEqual([
      ["Japan sintered NdFeB (TDK, Proterial, Shin-Etsu Takefu, Daido/Intermetallics)<span class=\"id\">plant:jp-sintered-ndfeb</span>", "JP", "magnet", "[strip]", "2026-06", "2026-09 38%", "Dy, Tb", "1,240 t magnet", "6.3%"],
      ["VAC (Vacuumschmelze) sintered NdFeB, Hanau (Germany)<span class=\"id\">plant:vac-hanau</span>", "EU", "magnet", "[strip]", "2026-07", "2026-10 100%", "Dy", "210 t magnet", "11%"],
      ["Mountain Pass bastnasite mine and concentrator (California)<span class=\"id\">mine:mountain-pass</span>", "US", "mine", "[strip]", "2026-05", "2026-05 15%", "–", "160 t REO", "0.4%"],
    ]);
    // VAC's strip: four months from 2026-07, the darkest (100 %) last; a label for screen readers; a tick at 2027-01.
    const strip = table.slice(table.indexOf("plant:vac-hanau"), table.indexOf("</svg>", table.indexOf("plant:vac-hanau")));
    expect(strip).toContain('aria-label="4 months short from 2026-07; worst 2026-10 100%"');
    expect([...strip.matchAll(/<rect x="([\d.]+)" width="([\d.]+)" height="14" fill="#b2382c" fill-opacity="([\d.]+)"/g)].map((m) => [m[1], m[2], m[3]]))
      .toEqual([["45.0", "7.5", "0.58"], ["52.5", "7.5", "0.79"], ["60.0", "7.5", "0.93"], ["67.5", "7.5", "1.00"]]);
    expect(strip).toContain('<rect x="90.0" width="0.6" height="14" fill="#8a93a0"/>');
    expect(html).toContain("svg.strip { display: block;");
  });

  it("keeps a report saved before plant figures existed as it was: no plant section, no plant styles", () => {
    const { plantShortfalls: _, ...old } = sampleReport();
    const page = renderHtmlReport(old);
    expect(page).not.toMatch(/data-section="plants"|svg\.strip|plant-shortfalls/);
    expect(renderHtmlReport(old, { regionView: regionView(old, { id: "JP", name: "Japan" }) })).not.toContain("plants that stop or fall short");
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


describe("renderHtmlReport with a region (--region)", () => {
  const report = sampleReport();
  const page = renderHtmlReport(report, { regionView: regionView(report, { id: "JP", name: "Japan" }) });
  const section = page.slice(page.indexOf('data-section="your-region"'), page.indexOf('data-section="prices"'));
  /** The rows of a table of the region section, cells as text. */
  const rows = (key: string) => {
    const table = section.slice(section.indexOf(`data-table="${key}"`), section.indexOf("</table>", section.indexOf(`data-table="${key}"`)));
    return [...table.matchAll(/<tr>(<td[\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]));
  };

  it("opens on the region: a numbered section right after the answer in brief, in the contents and the masthead", () => {
    const order = [...page.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["answer", "your-region", "prices"]);
    expect(order.length).toBe(16);
    expect(page).toContain('<h2><span class="n">1</span>Your region: Japan (JP)</h2>');
    expect(page).toContain('<li><a href="#your-region">Your region: Japan (JP)</a></li>');
    expect(page).toContain("<dt>Your region</dt><dd>Japan (JP)</dd>");
    expect(section).toContain("The run&#39;s figures for Japan alone, 2026-01 to 2027-12");
    // The rest of the page is the world's, unchanged.
    const rest = (html: string) => html.slice(html.indexOf('data-section="prices"'), html.indexOf("<footer"));
    expect(rest(page).replace(/<span class="n">\d+<\/span>/g, "")).toBe(rest(html).replace(/<span class="n">\d+<\/span>/g, ""));
  });

  it("puts the region's key numbers in six cards", () => {
    const cards = [...section.matchAll(/data-region-card="([^"]+)"><h3>([^<]*)<\/h3>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(cards).toEqual([
      "final-demand: Final demand unmet, by element", "sectors: Final demand unmet, by sector", "end-products: End products lost",
      "plants-short: Plants short of input", "prices: Magnet-element prices it pays", "provenance: Separated in China",
    ]);
    expect(section).toContain("<li><strong>Dy</strong> 44 t <span class=\"muted\">· from 2026-06 · peak 44% of need</span></li>");
    expect(section).toContain("<li><strong>456</strong> t magnet <span class=\"muted\">· EV traction motors · worst 31% in 2026-09</span></li>");
    expect(section).toContain("<li><strong>182,400</strong> vehicles <span class=\"muted\">· EV traction motors</span></li>");
    expect(section).toContain('<th scope="row">Dy</th><td class="num">$895</td><td class="num">2026-09</td><td class="num">+290%</td>');
    expect(section).toMatch(/<li><strong>Nd<\/strong> 93% → 86%<\/li><li><strong>Dy<\/strong> 98% → 71%<\/li><\/ul><p class="muted">2026 → 2027, share of its use<\/p>/);
  });

  it("draws the region's final-use shortfall and China-origin share by month", () => {
    const charts = figures(section);
    expect([...charts.keys()]).toEqual(["region-shortfall", "region-china-origin"]);
    expect(charts.get("region-shortfall")).toContain(">JP final-use shortfall, all elements, t/month</text>");
    expect(charts.get("region-shortfall")).toContain(">t/month of element content</text>");
    expect(charts.get("region-china-origin")).toContain(">% of the region&#39;s use</text>");
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists what it made, its final demand unmet by element and by sector, its losses, its market's prices and its supply", () => {
    const parts = [...section.matchAll(/<h3 class="sub" data-region-part="([^"]+)">([^<]*)<\/h3>/g)].map((m) => m[2]);
    expect(parts).toEqual([
      "What JP made and where it went, over the run", "Made in JP, short in JP: output that left while JP was short of it, over the run",
      "JP&#39;s plants short of input (production lost), over the run", "JP&#39;s plants that stop or fall short, over the run", "Final demand unmet in JP, over the run",
      "End products not built in JP, over the run", "Prices JP&#39;s buyers pay: the ex-China market, US$/kg of element", "Where JP&#39;s supply came from",
      "Who closed JP&#39;s gap: its own extra output and extra imports, over the run",
    ]);
    expect(rows("region-made")).toEqual([["magnet", "Nd", "5,300", "900", "17%", "EU 900"]]);
    expect(section).toContain('data-empty="region-plants-short">JP&#39;s separation, metal and magnet plants got the input they needed in every month over the run.');
    // Its plant that fell short: no region column, the plant's name with its id under it.
    expect(section).toContain('<td>Japan sintered NdFeB (TDK, Proterial, Shin-Etsu Takefu, Daido/Intermetallics)<span class="id">plant:jp-sintered-ndfeb</span></td><td>magnet</td>');
    // (The plant and strip cells hold markup: `rows` keeps the plain-text cells.)
    expect(rows("region-plant-shortfalls")).toEqual([["magnet", "2026-06", "2026-09 38%", "Dy, Tb", "1,240 t magnet", "6.3%"]]);
    expect(rows("region-final-demand")).toEqual([["Dy", "2026-06", "2026-12", "7", "11", "44%", "44"], ["Tb", "2026-08", "2026-10", "3", "1.3", "32%", "2.6"]]);
    expect(rows("region-sector-shortfall")).toEqual([["EV traction motors", "t magnet", "9,800", "456", "4.7%", "2026-06", "2026-09", "31%"]]);
    expect(rows("region-end-products").map((r) => r.slice(0, 3))).toEqual([
      ["EV traction motors", "182,400", "vehicles"], ["Hybrid cars", "96,500", "vehicles"], ["Industrial motors, servo drives, robots and elevators", "820", "t magnet"],
      ["Wind turbine generators", "310", "MW"], ["Defence systems", "6", "F-35 NdFeB sets"],
    ]);
    // The ex-China market's prices of the magnet elements (JP ran short of nothing else), with the widest premium.
    expect(rows("region-prices").map((r) => [r[0], r[2], r[6]])).toEqual([
      ["Nd", "$118", "+56% (+$42.3) in 2026-09"], ["Pr", "$130", "+56% (+$46.6) in 2026-09"], ["Dy", "$895", "+290% (+$666) in 2026-09"], ["Tb", "$3,414", "+276% (+$2,505) in 2026-09"],
    ]);
    expect(rows("region-provenance")).toEqual([["Nd", "93%", "86%", "4,200"], ["Dy", "98%", "71%", "310"]]);
    expect(rows("region-china-supply")).toEqual([["1,210", "2,480", "−51%", "95", "310", "−69%", "9 (from 2026-05)"]]);
    // Who supplied it more: its own extra magnets (the sample report holds no imports).
    expect(rows("region-gap-closers")).toEqual([["JP", "own output", "magnet", "all", "52.4", "380", "2026-09"]]);
  });

  it("ranks extra imports into the region beside its own extra output in its gap-closer table", () => {
    const withImports: RunReport = { ...report, importGains: [{ importer: "JP", supplier: "VN", stage: "magnet", form: "magnet", element: "Dy", extraTonnes: 300, extraValueUsd: 90_000_000, fromMonth: "2026-08" }] };
    const own = renderHtmlReport(withImports, { regionView: regionView(withImports, { id: "JP", name: "Japan" }) });
    const part = own.slice(own.indexOf('data-table="region-gap-closers"'), own.indexOf("</table>", own.indexOf('data-table="region-gap-closers"')));
    expect([...part.matchAll(/<tr>(<td[\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]))).toEqual([
      ["VN", "import to JP", "magnet", "Dy", "90.0", "300", "2026-08"], ["JP", "own output", "magnet", "all", "52.4", "380", "2026-09"],
    ]);
    expect(part).toContain("extra imports into JP by supplier, form and element");
    // Without a baseline run, the part is left out.
    const none = { ...report, baselineName: undefined };
    expect(renderHtmlReport(none, { regionView: regionView(none, { id: "JP", name: "Japan" }) })).not.toContain("region-gap-closers");
  });

  it("says what a region did not suffer, and that no end product lost is not no magnet short", () => {
    const us = renderHtmlReport(report, { regionView: regionView(report, { id: "US", name: "United States" }) });
    const empties = Object.fromEntries([...us.matchAll(/data-empty="(region-[^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(empties).toEqual({
      "region-made-here": "US shipped out no more than a quarter of any element it made while its own plants or final users were short of it, over the run.",
      "region-plants-short": "US&#39;s separation, metal and magnet plants got the input they needed in every month over the run.",
      "region-end-products": "US lost no end products counted in units (vehicles, MW of wind, weapons systems) over the run.",
      "region-china-supply": "US imported no magnets and no Dy or Tb from China over the run, in this run or the baseline.",
    });
    // Its duty paid and floor top-ups received sit under its prices.
    expect(us).toContain("<p class=\"table-note\" data-region-costs>price-floor top-up received by US over the run: US$ 413 million; import duty paid by US over the run: US$ 18.8 million.</p>");
    const eu = renderHtmlReport(report, { regionView: regionView(report, { id: "EU", name: "European Union" }) });
    expect(eu).toMatch(/<li><strong>Tb · magnet<\/strong> 2026-08 → 2026-11 <span class="muted">· peak 25% of orders<\/span><\/li>/);
    const magnetsShort = { ...report, endProductsLost: report.endProductsLost.filter((x) => x.region !== "JP") };
    const jp = renderHtmlReport(magnetsShort, { regionView: regionView(magnetsShort, { id: "JP", name: "Japan" }) });
    expect(jp).toContain("None counted in units (vehicles, MW of wind, weapons systems). Magnet users counted in tonnes were short: see by sector.");
  });

  it("gives China its domestic market's prices, without a premium, and no provenance of its own", () => {
    const cn = renderHtmlReport(report, { regionView: regionView(report, { id: "CN", name: "China" }) });
    const own = cn.slice(cn.indexOf('data-section="your-region"'), cn.indexOf('data-section="prices"'));
    expect(own).toContain("Prices CN&#39;s buyers pay: China&#39;s domestic market, US$/kg of element");
    expect(own).not.toContain("Widest premium");
    expect(own).toContain('data-empty="region-provenance">China separates its own');
    expect(figures(own).size).toBe(0);
  });

  it("names the reporting window (--from) in every heading of the section", () => {
    const dyJp = report.shortages.find((e) => e.element === "Dy" && e.region === "JP" && e.stage === "use")!;
    const cut = { ...dyJp, startMonth: "2026-07", durationMonths: 6, beganMonth: dyJp.startMonth };
    const windowed: RunReport = { ...report, window: { from: "2026-07", to: "2027-12" }, shortages: [cut, { ...cut, stage: "magnet" }] };
    const own = renderHtmlReport(windowed, { regionView: regionView(windowed, { id: "JP", name: "Japan" }) });
    // An episode that began before the window says so, in the cards and the table.
    expect(own).toContain('<strong>Dy</strong> 44 t <span class="muted">· short since 2026-06 ·');
    expect(own).toContain("<strong>Dy · magnet</strong> since 2026-06, to 2026-12");
    expect(own).toContain('; &quot;since&quot;: short since before 2026-07</caption>');
    const parts = [...own.matchAll(/<h3 class="sub" data-region-part="[^"]+">([^<]*)<\/h3>/g)].map((m) => m[1] ?? "");
    expect(parts.filter((t) => t.includes("in 2026-07 – 2027-12")).length).toBe(7);
    expect(own).toContain("<h3>Final demand unmet, by element, 2026-07 – 2027-12</h3>");
    expect(figures(own).get("region-shortfall")).toContain(">before 2026-07</text>");
  });

  it("escapes a hostile region name, and keeps a report without a region as it was", () => {
    const hostile = renderHtmlReport(report, { regionView: regionView(report, { id: "JP", name: "<b>Japan</b>" }) });
    expect(hostile).not.toContain("<b>Japan");
    expect(hostile).toContain("Your region: &lt;b&gt;Japan&lt;/b&gt; (JP)");
    expect(html).not.toMatch(/your-region|region-card|#your-region/);
  });
});

describe("end products lost against the baseline, with what each unit is (review findings 1–4)", () => {
  const smco = "F-35 SmCo magnet set (22 kg of SmCo magnet; a yardstick for the whole sector, not aircraft)";
  const row = (region: string, totalUnits: number, baselineTotalUnits: number) => ({
    sector: "sector:smco-defense-aerospace", sectorName: "SmCo magnets for defence and aerospace", sectorShortName: "Defence, aerospace SmCo", unit: "F-35 SmCo set", region,
    endProductName: smco, magnetKgPerUnit: 22, totalUnits, magnetTonnes: (totalUnits * 22) / 1000, baselineTotalUnits, differenceUnits: totalUnits - baselineTotalUnits,
    peakMonth: totalUnits > 0 ? "2027-04" : "–", shortOf: ["Sm"], unmetShareOfNeed: 0.64,
  });
  const base = sampleReport();
  const report: RunReport = { ...base, baselineName: "apr-2025", endProductsLost: [row("US", 40_057, 9_947), row("EU", 120, 0), row("JP", 500, 500)] };
  const answerOf = (page: string) => page.slice(page.indexOf('data-answer="end-products"'), page.indexOf("</div>", page.indexOf('data-answer="end-products"')));

  it("issue: the brief leads with what this scenario caused against the baseline, says so, and tags each figure with its region", () => {
    const answer = answerOf(renderHtmlReport(report));
    expect(answer).toContain("<h3>End products lost: caused by this scenario vs apr-2025</h3>");
    expect(answer).toContain("Each figure: what this run lost minus what apr-2025 lost in the same sector, region and months (negative: fewer lost)");
    expect(answer).toContain('<li><strong>+30,110</strong> F-35 SmCo sets (+662 t magnet) <span class="muted">· Defence, aerospace SmCo · <strong>US</strong> · 40,057 lost, 9,947 in the baseline</span></li>');
    // The same in both runs: nothing caused, left out of the brief.
    expect(answer).not.toContain("<strong>JP</strong>");
    // What a unit is, from the world's end product, with its caveat: once, under the cards.
    const page = renderHtmlReport(report);
    const brief = page.slice(page.indexOf('data-section="answer"'), page.indexOf('data-section="prices"'));
    expect(brief).toContain(`<p class="table-note" data-end-product-units="answer">Units: Defence, aerospace SmCo: 1 F-35 SmCo set = ${smco}.</p>`);
    expect(brief.split("a yardstick for the whole sector").length).toBe(2);
  });

  it("issue: with --region, the brief leads with the region's figures, and says when it has none", () => {
    const eu = answerOf(renderHtmlReport(report, { regionView: regionView(report, { id: "EU", name: "European Union" }) }));
    expect(eu.indexOf("<strong>EU</strong>")).toBeGreaterThan(0);
    expect(eu.indexOf("<strong>EU</strong>")).toBeLessThan(eu.indexOf("<strong>US</strong>"));
    const withoutEu: RunReport = { ...report, endProductsLost: report.endProductsLost.filter((x) => x.region !== "EU") };
    const none = answerOf(renderHtmlReport(withoutEu, { regionView: regionView(withoutEu, { id: "EU", name: "European Union" }) }));
    expect(none).toMatch(/<li><strong>EU<\/strong> <span class="muted">· none caused by this scenario[^<]*<\/span><\/li><li><strong>\+30,110<\/strong>/);
  });

  it("issue: the loss tables and the region's card give the magnet, the baseline's losses and the difference, and the unit's caveat", () => {
    const page = renderHtmlReport(report, { regionView: regionView(report, { id: "US", name: "United States" }) });
    const table = page.slice(page.indexOf('data-table="end-products-lost"'), page.indexOf("</table>", page.indexOf('data-table="end-products-lost"')));
    expect(table).toContain("<th scope=\"col\" class=\"num\">Magnet, t</th><th scope=\"col\" class=\"num\">Baseline lost</th><th scope=\"col\" class=\"num\">Difference</th>");
    expect(table).toContain("baseline lost: what apr-2025 lost in the same sector, region and months; difference: this run&#39;s losses minus the baseline&#39;s, what this scenario caused (negative: fewer lost)");
    expect(table).toMatch(/<td>Defence, aerospace SmCo<\/td><td>US<\/td><td class="num">40,057<\/td><td>F-35 SmCo sets<\/td><td class="num">881<\/td><td class="num">9,947<\/td><td class="num">\+30,110<\/td>/);
    expect(page).toContain(`data-end-product-units="end-products-lost">Units: Defence, aerospace SmCo: 1 F-35 SmCo set = ${smco}.</p>`);
    const card = page.slice(page.indexOf('data-region-card="end-products"'), page.indexOf("</div>", page.indexOf('data-region-card="end-products"')));
    expect(card).toContain("<h3>End products lost: caused by this scenario vs apr-2025</h3>");
    expect(card).toContain('<li><strong>+30,110</strong> F-35 SmCo sets (+662 t magnet) <span class="muted">· Defence, aerospace SmCo · 40,057 lost, 9,947 in the baseline</span></li>');
    // The region section says what the unit is once, under its loss table.
    const own = page.slice(page.indexOf('data-section="your-region"'), page.indexOf('data-section="prices"'));
    expect(own.split("a yardstick for the whole sector, not aircraft").length).toBe(2);
    expect(own).toContain('data-end-product-units="region-end-products"');
    // Without a baseline: the run's units and the magnet they hold, no comparison.
    const { baselineTotalUnits: _b, differenceUnits: _d, ...runOnly } = row("US", 40_057, 0);
    const alone = renderHtmlReport({ ...report, baselineName: undefined, endProductsLost: [runOnly] });
    expect(answerOf(alone)).toContain('<li><strong>40,057</strong> F-35 SmCo sets (881 t magnet) <span class="muted">· Defence, aerospace SmCo · <strong>US</strong></span></li>');
    expect(alone).not.toContain("Lost in the baseline");
  });

  it("issue: the region's plants-short card gives the baseline's peak, worded 'worse than baseline' when this run's is at least 1.25 × it", () => {
    const episode = { element: "Sm", region: "US", stage: "magnet", startMonth: "2026-11", endMonth: "2027-12", durationMonths: 14, peakTonnesPerMonth: 5, peakShareOfDemand: 1, totalTonnes: 40 };
    const withPlants: RunReport = { ...report, shortages: [
      { ...episode, baselinePeakShareOfDemand: 0.56, alsoInBaseline: true, worseThanBaseline: true },
      { ...episode, element: "Gd", peakShareOfDemand: 0.5, baselinePeakShareOfDemand: 0.45, alsoInBaseline: true, worseThanBaseline: false },
      { ...episode, element: "Dy", baselinePeakShareOfDemand: 0, alsoInBaseline: false, worseThanBaseline: false },
    ] };
    const page = renderHtmlReport(withPlants, { regionView: regionView(withPlants, { id: "US", name: "United States" }) });
    const card = page.slice(page.indexOf('data-region-card="plants-short"'), page.indexOf("</div>", page.indexOf('data-region-card="plants-short"')));
    expect(card).toContain("peak 100% of orders · worse than baseline (56%)");
    expect(card).toContain("peak 50% of orders · baseline too (45%)");
    expect(card).toContain("peak 100% of orders · not short in the baseline");
    // The episode table's baseline column says the same in short.
    expect(page).toMatch(/<td>Sm<\/td><td>US<\/td><td>magnet<\/td>.*?<td class="num">56% worse<\/td>/s);
  });
});

describe("sector names in the end-product charts", () => {
  it("issue: a sector that lost units only before the window is named by the world's short name in the monthly chart, not a cut of its full name", () => {
    const base = sampleReport();
    const report: RunReport = {
      ...base,
      endProductsLost: base.endProductsLost.filter((x) => x.sector !== "sector:defense"),
      endProductsLostPaths: base.endProductsLostPaths.map((p) => ({ ...p, sectorShortName: p.label.startsWith("Defence systems") ? "Defence (NdFeB)" : p.label })),
    };
    const chart = figures(renderHtmlReport(report)).get("lost-path-f-35-ndfeb-set") ?? "";
    expect(chart).toContain(">Defence (NdFeB)</text>");
    expect(chart).not.toContain(">Defence systems</text>");
  });
});
