import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { emptyReport, sampleReport } from "../fixtures/report/sample-report.js";
import { plantTable, stripBars } from "../../web/src/lib/plant-shortfalls.js";

/** The HTML report's plant table: caption and each row's cells (the name cell split into name and id; the strip left out). */
function htmlPlantTable(html: string): { caption: string; rows: string[][] } {
  const section = html.slice(html.indexOf('data-section="plants"'), html.indexOf('data-section="flows"'));
  const caption = /<caption>([^<]*)<\/caption>/.exec(section)?.[1] ?? "";
  const body = section.slice(section.indexOf("<tbody>"), section.indexOf("</tbody>"));
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1] ?? ""))
    .map(([plant = "", ...rest]) => [...(/^(.*)<span class="id">(.*)<\/span>$/.exec(plant)?.slice(1) ?? [plant]), ...rest.filter((c) => !c.startsWith("<svg"))]);
  return { caption, rows };
}

describe("plantTable", () => {
  it("gives the rows of report.plantShortfalls as the HTML report's table does, largest loss first", () => {
    const report = sampleReport();
    const table = plantTable(report)!;
    const html = htmlPlantTable(renderHtmlReport(report));
    expect(table.caption).toBe(html.caption);
    expect(table.rows.map((x) => [x.name, x.facility, x.region, x.stage, x.from, x.worst, x.shortOf, x.lost, x.lostShare])).toEqual(html.rows);
    expect(table.rows.map((x) => x.facility)).toEqual(report.plantShortfalls!.map((x) => x.facility));
    expect(table.rows[0]).toMatchObject({ name: "Japan sintered NdFeB (TDK, Proterial, Shin-Etsu Takefu, Daido/Intermetallics)", region: "JP", stage: "magnet", from: "2026-06", worst: "2026-09 38%", shortOf: "Dy, Tb", lost: "1,240 t magnet", lostShare: "6.3%", monthsShort: 7 });
    // The last column is named as the note above the table names it.
    expect(table.shareHeader).toBe("of base");
    expect(table.note).toContain('"of base": of its baseline output over the window');
    expect(table.note).toMatch(/^Output lost against .* in the months a facility made more than 10 % less/);
  });

  it("draws each strip's months as the HTML report does: runs of the same tenth as one bar", () => {
    const vac = plantTable(sampleReport())!.rows.find((x) => x.facility === "plant:vac-hanau")!;
    // The HTML report's VAC strip: four bars of 7.5 px from x = 45 (month 6 of 24), fill-opacity 0.58, 0.79, 0.93, 1.00.
    expect(stripBars(vac.shareLostByMonth).map((b) => [b.start, b.end, (0.3 + 0.07 * b.tenths).toFixed(2)])).toEqual([[6, 7, "0.58"], [7, 8, "0.79"], [8, 9, "0.93"], [9, 10, "1.00"]]);
    expect(stripBars([0, 0.12, 0.14, 0.001, 0, 0.5])).toEqual([{ start: 1, end: 4, tenths: 1 }, { start: 5, end: 6, tenths: 5 }]);
  });

  it("says none fell short in the HTML report's words, and gives nothing for a report saved before plant figures existed", () => {
    expect(plantTable(emptyReport())).toMatchObject({ rows: [], empty: "No mine or plant made more than 10 % less than its capacity while its stage was short of input in any month of the run." });
    expect(renderHtmlReport(emptyReport())).toContain(plantTable(emptyReport())!.empty);
    const { plantShortfalls: _, ...old } = sampleReport();
    expect(plantTable(old)).toBeUndefined();
  });
});
