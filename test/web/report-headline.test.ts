/**
 * The run page's headline figures say what the terminal and the HTML report say for the same report: episode counts by
 * type, the widest ex-China premium (with its month), and the month the flows open on. Rendered with react-dom/server.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/report-model.js";
import { renderRunText } from "../../src/report/run-text.js";
import { HeadlineFigures } from "../../web/src/views/report/report-view.js";
import { EpisodeTables } from "../../web/src/views/report/sections.js";
import { sampleReport } from "../fixtures/report/sample-report.js";

const text = (html: string) => html.replace(/<br\/>/g, "\n").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
/** The text inside the element with `data-testid="id"` (first match; elements without nested same-tag children). */
function byTestId(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (m === null) throw new Error(`no data-testid="${id}" in ${html.slice(0, 400)}…`);
  return text(m[2] ?? "");
}
const headline = (report: RunReport) => renderToStaticMarkup(createElement(HeadlineFigures, { report }));

describe("headline episode counts (issue: 90 'shortage episodes' where the terminal showed 45 of final demand)", () => {
  it("counts final-demand episodes and plants short of input apart, with the terminal's numbers", () => {
    const report = sampleReport();
    const terminal = renderRunText(report);
    const finalDemand = /Shortages of final demand \(more than 1 % of need unmet\) — (\d+) episodes?/.exec(terminal)?.[1];
    const plants = /Plants short of input \(production lost\) — (\d+) episodes?/.exec(terminal)?.[1];
    expect([finalDemand, plants]).toEqual(["4", "1"]);
    const html = headline(report);
    expect(byTestId(html, "kpi-final-demand-episodes")).toBe(`${finalDemand} episodes of final demand unmet, longest 7 months`);
    expect(byTestId(html, "kpi-plant-episodes")).toBe(`${plants} episode of plants short of input`);
    // The total of both types is never called "shortage episodes".
    expect(text(html)).not.toMatch(/\b5 (shortage )?episodes/);
  });

  it("says 0 of final demand when only plants were short", () => {
    const report = { ...sampleReport(), shortages: sampleReport().shortages.filter((e) => e.stage !== "use") };
    const html = headline(report);
    expect(byTestId(html, "kpi-final-demand-episodes")).toBe("0 episodes of final demand unmet");
    expect(byTestId(html, "kpi-plant-episodes")).toBe("1 episode of plants short of input");
  });

  it("lists the episodes in two tables headed by the same counts", () => {
    const html = renderToStaticMarkup(createElement(EpisodeTables, { report: sampleReport() }));
    expect(byTestId(html, "episodes-use-head")).toBe("Shortages of final demand — 4 episodes");
    expect(byTestId(html, "episodes-plants-head")).toBe("Plants short of input (production lost) — 1 episode");
    const stages = (id: string) => [...(new RegExp(`data-testid="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "").matchAll(/<tr><td>.*?<\/td><td>[A-Z]+<\/td><td>([a-z]+)<\/td>/g)].map((m) => m[1]);
    expect(stages("episodes-use")).toEqual(["use", "use", "use", "use"]);
    expect(stages("episodes-plants")).toEqual(["magnet"]);
  });
});
