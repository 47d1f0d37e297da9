/**
 * The dashboard's Sankey opens on the month the HTML report opens on, by the same rule (issue: the dashboard opened on
 * 2025-08 as "largest shortfall" while the HTML report picked 2028-03). Checked against the HTML report's own choice.
 */
import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/report-model.js";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { flowMonthTag, largestShortfallMonth, openingFlowMonth } from "../../web/src/lib/report-figures.js";
import { sampleReport } from "../fixtures/report/sample-report.js";

/** The month of the HTML report's checked flow tab, and its tag. */
function htmlOpening(report: RunReport): { month: string; tag: string } {
  const html = renderHtmlReport(report);
  const index = /<input type="radio" name="flow-month" class="flow-radio" id="flow-tab-(\d+)" checked>/.exec(html)?.[1];
  const label = new RegExp(`<label for="flow-tab-${index}">([0-9-]+)(?: <span class="tag">([^<]*)</span>)?</label>`).exec(html);
  if (label === null) throw new Error("no checked flow tab");
  return { month: label[1] ?? "", tag: label[2] ?? "" };
}

const sample = sampleReport();
/** The sample trimmed to 2027-01 onwards (as `--from 2027-01` reports it): its flows are the window's first, worst and last months. */
const trimmed: RunReport = {
  ...sample, window: { from: "2027-01", to: "2027-12" },
  flowGraphs: ["2027-01", "2027-05", "2027-12"].map((month) => ({ ...sample.flowGraphs[1]!, month })),
};
const noShortfall: RunReport = { ...sample, shortfallByElement: sample.shortfallByElement.map((s) => ({ ...s, values: s.values.map(() => 0) })) };

describe("the month the flows open on", () => {
  it.each([["the whole run", sample, "2026-09"], ["a window from 2027-01", trimmed, "2027-05"], ["a run with no final-use shortfall", noShortfall, "2026-01"]] as const)(
    "is the HTML report's for %s", (_, report, expected) => {
      const html = htmlOpening(report);
      expect(html.month).toBe(expected);
      expect(openingFlowMonth(report)).toBe(html.month);
      expect(flowMonthTag(report, html.month)).toBe(html.tag);
    });

  it("never picks a month before the window, even when the run's largest shortfall lies there", () => {
    // The whole run's largest is 2026-09; the window starts after it.
    expect(largestShortfallMonth(sample)).toBe("2026-09");
    expect(largestShortfallMonth(trimmed)).toBe("2027-05");
    expect(flowMonthTag(trimmed, "2026-09")).toBe("");
    expect(flowMonthTag(trimmed, "2027-01")).toBe("window start");
    expect(flowMonthTag(trimmed, "2027-12")).toBe("end");
  });

  it("tags every month the HTML report tags", () => {
    for (const report of [sample, trimmed]) {
      const html = renderHtmlReport(report);
      const tags = [...html.matchAll(/<label for="flow-tab-\d+">([0-9-]+)(?: <span class="tag">([^<]*)<\/span>)?<\/label>/g)].map((m) => [m[1], m[2] ?? ""]);
      expect(tags.length).toBe(3);
      expect(tags.map(([month]) => [month, flowMonthTag(report, month ?? "")])).toEqual(tags);
    }
  });
});
