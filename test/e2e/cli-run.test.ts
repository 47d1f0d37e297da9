/**
 * End-to-end tests of `chokepoint run` and `compare`: the real CLI on a small fixture world and on
 * a ready-made scenario; files written atomically; CSV and IAMC totals agree with the JSON; the
 * HTML report a run writes draws every chart in headless Chromium; bad input gives pinned messages
 * and exit codes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatTonnes } from "../../src/report/number-format.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const TINY = join(ROOT, "test/fixtures/scenarios/tiny");
const CHROMIUM = "/usr/bin/chromium";

function chokepoint(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/chokepoint.js"), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Parse a CSV line with RFC 4180 quoting. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { cells.push(cell); cell = ""; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const [head = "", ...lines] = text.trimEnd().split("\n");
  return { header: parseCsvLine(head), rows: lines.map(parseCsvLine) };
}

describe("chokepoint run on the tiny fixture world", () => {
  const base = mkdtempSync(join(tmpdir(), "chokepoint-run-"));
  const out = join(base, "report");
  let result: ReturnType<typeof chokepoint>;

  beforeAll(() => {
    result = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--out", out);
  });

  it("prints the answer, fitting 100 columns, and exits 0", () => {
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    for (const section of ["Shortages of final demand", "Plants that stop or fall short", "Prices, US$/kg", "End products not built", "Who closes the gap", "Concentration by stage", "Policy timeline"]) {
      expect(result.out).toContain(section);
    }
    expect(result.out).toContain("dy-ban");
    for (const line of result.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("writes the report and data files, and nothing else next to them", () => {
    expect(readdirSync(out).sort()).toEqual(["chokepoint-run.json", "index.html", "run.json", "series-iamc.csv", "series.csv"]);
    expect(readdirSync(base)).toEqual(["report"]);
  });

  it("writes tidy CSV and IAMC that add up to the same totals as the JSON", () => {
    type Row = [string, string, string, string, string, string, number];
    const json = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as { scenario: { name: string }; dataset: { version: string }; columns: string[]; rows: Row[]; facilityColumns: string[]; facilityRows: Row[] };
    expect(json.scenario.name).toBe("Tiny Dy ban");
    expect(json.dataset.version).toBe("test.1");
    const csv = parseCsv(readFileSync(join(out, "series.csv"), "utf8"));
    expect(csv.header).toEqual(["month", "element", "region", "stage", "variable", "unit", "value", "facility"]);
    expect(csv.rows.length).toBe(json.rows.length + json.facilityRows.length);
    // Facility rows: output and utilisation by facility (its id in the last column), the same in run.json's facilityRows.
    expect(json.facilityColumns).toEqual(["month", "facility", "region", "stage", "variable", "unit", "value"]);
    const plants = csv.rows.filter((r) => r[7] !== "");
    expect(plants.length).toBe(json.facilityRows.length);
    expect(plants.length).toBeGreaterThan(0);
    expect(new Set(plants.map((r) => r[4]))).toEqual(new Set(["facility-output", "facility-utilisation"]));
    for (const r of plants) expect(r[7]).toMatch(/^(mine|plant):/);
    for (const r of plants.filter((x) => x[4] === "facility-utilisation")) expect(Number(r[6])).toBeLessThanOrEqual(1);
    expect(csv.rows.filter((r) => r[7] === "").length).toBe(json.rows.length);
    const sum = (rows: (string | number)[][], pick: (r: (string | number)[]) => boolean) => rows.filter(pick).reduce((t, r) => t + Number(r[6]), 0);
    const isCnNdMine = (r: (string | number)[]) => r[1] === "Nd" && r[2] === "CN" && r[3] === "mine" && r[4] === "production";
    const fromJson = sum(json.rows, isCnNdMine);
    expect(fromJson).toBeGreaterThan(0);
    expect(sum(csv.rows, isCnNdMine)).toBeCloseTo(fromJson, 0);
    const iamc = parseCsv(readFileSync(join(out, "series-iamc.csv"), "utf8"));
    expect(iamc.header.slice(0, 5)).toEqual(["Model", "Scenario", "Region", "Variable", "Unit"]);
    expect(iamc.header.slice(5)).toEqual(["2024", "2025"]);
    const line = iamc.rows.find((r) => r[2] === "CN" && r[3] === "Production|Mine|Nd");
    expect(line?.[4]).toBe("t/yr");
    const yearly = (line ?? []).slice(5).reduce((t, v) => t + Number(v), 0);
    expect(Math.abs(yearly - fromJson) / fromJson).toBeLessThan(1e-4);
  });

  it.skipIf(!existsSync(CHROMIUM))("writes an HTML report whose every chart is drawn in headless Chromium", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"] });
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await page.goto(pathToFileURL(join(out, "index.html")).href, { waitUntil: "load" });
      const charts = await page.$$eval("[data-chart]", (els) => els.map((el) => ({
        id: el.getAttribute("data-chart"),
        drawn: [...el.querySelectorAll("svg path")].filter((p) => (p.getAttribute("d") ?? "").length > 10).length,
      })));
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const c of charts) expect({ id: c.id, drawn: c.drawn > 0 }).toEqual({ id: c.id, drawn: true });
      expect(errors).toEqual([]);
      mkdirSync(join(ROOT, "test-results"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "test-results/cli-run-report.png"), fullPage: true });
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it("prints CSV, IAMC or JSON instead of the table with --format, limited by --from/--to", () => {
    const csv = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "csv", "--from", "2024-07", "--to", "2024-09");
    expect(csv.code).toBe(0);
    const months = new Set(parseCsv(csv.out).rows.map((r) => r[0]));
    expect([...months].sort()).toEqual(["2024-07", "2024-08", "2024-09"]);
    const iamc = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "iamc");
    expect(iamc.out.split("\n")[0]).toBe("Model,Scenario,Region,Variable,Unit,2024,2025");
    const json = JSON.parse(chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "json").out) as { baseline: unknown; rows: unknown[]; chokepoint: { producedBy?: { worldSha1: string } } };
    expect(json.baseline).toBeNull();
    // The same document as run.json, with what produced it (a code review: stdout's copy left it out).
    expect(json.chokepoint.producedBy?.worldSha1).toMatch(/^[0-9a-f]{40}$/);
    expect(json.rows.length).toBeGreaterThan(100);
  });

  it("prints one region's rows with --region, and rejects a region the world does not have (exit 2, nothing written)", () => {
    const all = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline");
    const jp = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--region", "JP");
    expect(jp.code).toBe(0);
    expect(jp.out).toContain("Showing JP only (--region)");
    expect(jp.out.replace(/\s+/g, " ")).toContain("The HTML report and run.json written by --out open on JP's view and cover every region after it.");
    expect(jp.out).toContain("JP's output of Nd, Pr, Dy and Tb and where it went");
    const rows = (text: string) => {
      const lines = text.split("\n");
      const start = lines.findIndex((l) => l.startsWith("Shortages of final demand"));
      return lines.slice(start + 3).filter((l) => /^[A-Z][a-z]?\s+[A-Z]{2,3}\s/.test(l)).slice(0, 40);
    };
    expect(rows(jp.out).length).toBeGreaterThan(0);
    for (const row of rows(jp.out)) expect(row.split(/\s+/)[1], row).toBe("JP");
    expect(rows(all.out).some((r) => r.split(/\s+/)[1] !== "JP")).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-region-"));
    const bad = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--region", "XX", "--out", join(dir, "out"));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--region XX: not a region of this world; expected one of /);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--region", "JP", "--format", "csv").err).toContain("--region: only with the table format");
  });

  it("opens the HTML report on the region with --region --out, and run.json's report carries the same view", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-region-view-"));
    const r = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--region", "JP", "--from", "2024-10", "--out", join(dir, "out"));
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "out", "index.html"), "utf8");
    const sections = [...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]);
    expect(sections.slice(0, 2)).toEqual(["answer", "your-region"]);
    expect(html).toContain("Your region: Japan (JP)</h2>");
    expect(html).toContain("What JP made and where it went, in 2024-10 – 2025-12");
    type View = { region: string; regionName: string; window: { from: string }; market: string; finalDemandByElement: { element: string; totalTonnes: number }[] };
    const doc = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8")) as { report: { regionView: View; shortages: { element: string; region: string; stage: string; totalTonnes: number }[] } };
    const view = doc.report.regionView;
    expect(view).toMatchObject({ region: "JP", regionName: "Japan", window: { from: "2024-10" }, market: "ex-china" });
    // The view's final demand unmet is JP's use-stage episodes of the report, summed by element.
    const dy = doc.report.shortages.filter((e) => e.region === "JP" && e.stage === "use" && e.element === "Dy").reduce((t, e) => t + e.totalTonnes, 0);
    expect(dy).toBeGreaterThan(0);
    expect(view.finalDemandByElement.find((x) => x.element === "Dy")?.totalTonnes).toBeCloseTo(dy, 9);
    // The section's final-demand table shows that total.
    const table = html.slice(html.indexOf('data-table="region-final-demand"'), html.indexOf("</table>", html.indexOf('data-table="region-final-demand"')));
    expect(table).toMatch(new RegExp(`<tr><td>Dy</td>.*<td class="num">${formatTonnes(dy)}</td></tr>`));
    // Without --region the report has no region view.
    const plain = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--out", join(dir, "plain"));
    expect(plain.code).toBe(0);
    expect(readFileSync(join(dir, "plain", "index.html"), "utf8")).not.toContain("your-region");
    expect((JSON.parse(readFileSync(join(dir, "plain", "run.json"), "utf8")) as { report: object }).report).not.toHaveProperty("regionView");
  });

  it("with --region, the gap closers are who supplied the region more: Japan's extra Nd metal from China beside its own magnets", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-region-gap-"));
    const r = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--region", "JP", "--out", join(dir, "out"));
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const start = lines.findIndex((l) => l.startsWith("Who closes the gap for JP"));
    const table = lines.slice(start, lines.findIndex((l, i) => i > start && l.trim() === ""));
    expect(table.join(" ").replace(/\s+/g, " ")).toContain("who supplied JP more than in Tiny baseline: its own extra output by stage, and extra imports into JP by supplier, form and element");
    // China issues the scenario's ban on Japan: its extra metal is marked "†" (what its measures let through), with the note.
    expect(table.some((l) => /^CN †\s+import to JP\s+metal\s+Nd\s/.test(l))).toBe(true);
    expect(r.out.replace(/\s+/g, " ")).toContain("† issues this scenario's export measures");
    // Own output names the elements weighing most in its value (not "all"): net tonnes can hide a change of mix.
    expect(table.some((l) => /^JP\s+own output\s+magnet\s+Nd \+[\d,.]+.*\s/.test(l))).toBe(true);
    type Row = { source: string; supplier: string; form?: string; element?: string; extraValueUsd: number };
    const doc = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8")) as { report: { regionView: { gapClosers: Row[] } } };
    const rows = doc.report.regionView.gapClosers;
    expect(rows.find((g) => g.source === "import" && g.supplier === "CN" && g.form === "metal" && g.element === "Nd")?.extraValueUsd).toBeGreaterThan(0);
    expect(rows.map((g) => g.extraValueUsd)).toEqual([...rows.map((g) => g.extraValueUsd)].sort((a, b) => b - a));
    const html = readFileSync(join(dir, "out", "index.html"), "utf8");
    const part = html.slice(html.indexOf('data-table="region-gap-closers"'), html.indexOf("</table>", html.indexOf('data-table="region-gap-closers"')));
    expect(part).toMatch(/<tr><td>CN †<\/td><td>import to JP<\/td><td>metal<\/td><td>Nd<\/td>/);
    // Without --region nothing changes: the table is every region's extra output, and run.json has no imports.
    const plain = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"));
    expect(plain.out).toContain("Who closes the gap (extra output against Tiny baseline");
    expect(plain.out).not.toContain("import to");
    const json = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--format", "json");
    expect((JSON.parse(json.out) as { report: object }).report).not.toHaveProperty("importGains");
  });

  it("with --from and --region, the terminal's plant and gap-closer rows are run.json's and the HTML's, within the window", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-from-region-"));
    const r = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--from", "2024-10", "--region", "JP", "--out", join(dir, "out"));
    expect(r.code).toBe(0);
    const section = (heading: string) => {
      const lines = r.out.split("\n");
      const start = lines.findIndex((l) => l.startsWith(heading));
      const end = lines.findIndex((l, i) => i > start && l.trim() === "");
      return lines.slice(start, end).filter((l) => !/^[─ ]+$/.test(l));
    };
    type Plant = { facility: string; region: string; firstMonth: string; lostTonnes: number };
    type Gap = { supplier: string; source: string; fromIssuer?: boolean; element?: string; extraTonnes: number; firstMonth?: string };
    const doc = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8")) as { report: { regionView: { plantShortfalls: Plant[]; gapClosers: Gap[] } } };
    const html = readFileSync(join(dir, "out", "index.html"), "utf8");
    // Plants: every row of the region's view is JP's, starts in the window, and is in the terminal's table and the HTML.
    const plants = doc.report.regionView.plantShortfalls;
    expect(plants.length).toBeGreaterThan(0);
    const plantLines = section("Plants that stop or fall short");
    for (const x of plants) {
      expect(x.region).toBe("JP");
      expect(x.firstMonth >= "2024-10").toBe(true);
      const id = x.facility.replace(/^(plant|mine):/, "");
      expect(plantLines.some((l) => l.startsWith(id) && l.includes(x.firstMonth) && l.includes(`${formatTonnes(x.lostTonnes)} t`)), id).toBe(true);
      expect(html).toContain(x.facility);
    }
    // Gap closers: the terminal's rows, in order, are run.json's, with the same tonnes.
    const gapLines = section("Who closes the gap for JP, 2024-10 – 2025-12");
    const gaps = doc.report.regionView.gapClosers;
    expect(gaps.length).toBeGreaterThan(1);
    const tableRows = gapLines.filter((l) => /^\S+( †)?\s+(import to JP|own output)\s/.test(l));
    expect(tableRows.length).toBe(Math.min(gaps.length, 12));
    gaps.slice(0, tableRows.length).forEach((g, i) => {
      const cells = tableRows[i]!.split(/\s{2,}/);
      expect(cells[0], tableRows[i]).toBe(g.fromIssuer === true ? `${g.supplier} †` : g.supplier);
      expect(tableRows[i]).toContain(formatTonnes(g.extraTonnes));
    });
  });

  it("ends the run and every summary at --to (a run is causal: the months before are the full run's)", () => {
    const full = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "json");
    const cut = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "json", "--to", "2024-09");
    expect(cut.code).toBe(0);
    type Doc = { scenario: { months: number }; report: { monthLabels: string[] }; rows: [string, ...unknown[]][] };
    const a = JSON.parse(full.out) as Doc;
    const b = JSON.parse(cut.out) as Doc;
    expect(b.scenario.months).toBe(9);
    expect(b.report.monthLabels.at(-1)).toBe("2024-09");
    // The rows up to 2024-09 are the full run's, value for value, but for series zero in every one of those months:
    // the full run writes their zero months (they are non-zero later), the cut run has no such series.
    const key = (r: readonly unknown[]) => r.slice(1, 5).join("|");
    const upToCut = a.rows.filter((r) => r[0] <= "2024-09");
    const live = new Set(upToCut.filter((r) => r[6] !== 0).map(key));
    expect(b.rows).toEqual(upToCut.filter((r) => live.has(key(r))));
    // The table's summaries end there too.
    const table = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--to", "2024-09").out;
    expect(table.replace(/\s+/g, " ")).toContain("separated in China, 2024-01 – 2024-04 → 2024-06 – 2024-09");
    // A run this short may have no plant short of input: the section still says so.
    const early = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--to", "2024-02").out;
    expect(early).toMatch(/Plants short of input \(production lost\) — (0 episodes\n {2}none: every region's separation, metal and magnet plants got the input they needed in every month|\d+ episodes?)/);
  });

  it("reports every summary over the --from window (the run still starts at the scenario's start), in the terminal, run.json and the HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-from-"));
    const r = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", join(TINY, "baseline.yaml"), "--from", "2024-10", "--out", join(dir, "out"));
    expect(r.code).toBe(0);
    const text = r.out.replace(/\s+/g, " ");
    expect(text).toContain("— 24 months from 2024-01 to 2025-12");
    expect(text).toContain("Reporting window 2024-10 – 2025-12: every table below covers these months, except the policy timeline. The run itself starts 2024-01");
    for (const heading of [
      "Shortages of final demand (more than 1 % of need unmet) — 3 episodes in 2024-10 – 2025-12 (cut at 2024-10",
      "Plants short of input (production lost) — 10 episodes in 2024-10 – 2025-12", "Prices, US$/kg of element (China domestic vs ex-China), 2024-10 – 2025-12: start is 2024-10",
      "End products not built for lack of magnets, 2024-10 – 2025-12", "Who closes the gap, 2024-10 – 2025-12", "Concentration by stage (2024-10 → 2025-12)",
      "separated in China, 2024-10 – 2025-04 → 2025-06 – 2025-12", "Supply from China against Tiny baseline (2024-10 – 2025-12,",
    ]) expect(text, heading).toContain(heading);
    // Dy JP began short in 2024-06: the table cuts it at the window and says when it began.
    // The baseline is as short in those months: its peak % of need, and "also".
    expect(r.out).toMatch(/^Dy\s+JP\s+2024-10\s+2025-12\s+15\s+.*\s2024-06\s+100% also$/m);
    for (const line of r.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // run.json: the report says its window; its summaries start there; its month series cover the whole run.
    type Doc = { report: { window: { from: string; to: string }; monthLabels: string[]; prices: { peakMonth: string }[]; shortages: { startMonth: string }[] } };
    const doc = JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8")) as Doc;
    expect(doc.report.window).toEqual({ from: "2024-10", to: "2025-12" });
    expect(doc.report.monthLabels[0]).toBe("2024-01");
    for (const x of [...doc.report.prices.map((p) => p.peakMonth), ...doc.report.shortages.map((e) => e.startMonth)]) expect(x >= "2024-10").toBe(true);
    const html = readFileSync(join(dir, "out", "index.html"), "utf8");
    expect(html).toContain("<dt>Reporting window</dt><dd>2024-10 → 2025-12</dd>");
    expect(html).toContain("Every figure and table in this report covers <strong>2024-10 – 2025-12</strong>");
    expect(html).toContain("Lost in 2024-10 – 2025-12");
  });

  it("takes --year YYYY as --from YYYY-01 --to YYYY-12, and says so in --help", () => {
    expect(chokepoint("run", "--help").out.replace(/\s+/g, " ")).toContain("--year <YYYY> one calendar year: short for --from YYYY-01 --to YYYY-12 (not with --from or --to)");
    const year = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--year", "2025");
    const both = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--from", "2025-01", "--to", "2025-12");
    expect(year.code).toBe(0);
    expect(year.out).toBe(both.out);
    expect(year.out.replace(/\s+/g, " ")).toContain("Reporting window 2025-01 – 2025-12");
    const csv = chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--year", "2024", "--format", "csv");
    expect([...new Set(parseCsv(csv.out).rows.map((r) => r[0]))].sort()).toEqual(Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, "0")}`));
  });
});

describe("chokepoint run: bad input", () => {
  it("names the ready-made scenarios when a name is unknown (exit 1)", () => {
    const r = chokepoint("run", "oct-2099");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no scenario file scenarios\/oct-2099\.yaml; ready-made scenarios are: apr-2025, baseline, /);
  });

  it("issue: names --baseline when it names no scenario, before running anything (exit 2)", () => {
    const r = chokepoint("run", join(TINY, "dy-ban.yaml"), "--baseline", "nosuch");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^error: --baseline nosuch: no scenario file scenarios\/nosuch\.yaml; ready-made scenarios are: apr-2025, baseline, /);
  });

  it("rejects an unknown format and a month that is not a month (exit 2)", () => {
    expect(chokepoint("run", join(TINY, "baseline.yaml"), "--format", "xml").err).toContain("--format xml: expected one of table, json, csv, iamc");
    const r = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--from", "2024-13");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--from 2024-13: expected a month written YYYY-MM");
    const outside = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--from", "2030-01");
    expect(outside.code).toBe(2);
    expect(outside.err).toContain("--from 2030-01: outside the run (2024-01 + 24 months)");
    const late = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--to", "2026-01");
    expect(late.code).toBe(2);
    expect(late.err).toContain("--to 2026-01: expected a month inside the run (2024-01 + 24 months)");
    const reversed = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--from", "2025-01", "--to", "2024-06");
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain("--to 2024-06: expected a month not before --from 2025-01");
  });

  it("rejects a malformed --year, one combined with --from or --to, and one the run does not cover in full (exit 2, nothing written)", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-year-"));
    const cases: [string[], string][] = [
      [["--year", "25"], "--year 25: expected a year written YYYY (short for --from YYYY-01 --to YYYY-12)"],
      [["--year", "2025-01"], "--year 2025-01: expected a year written YYYY"],
      [["--year", "2025", "--from", "2025-03"], "--year 2025: expected alone, not with --from (--year 2025 is short for --from 2025-01 --to 2025-12)"],
      [["--year", "2025", "--to", "2025-06"], "--year 2025: expected alone, not with --to"],
      [["--year", "2026"], "--year 2026: expected a year the run covers in full (2024-01 + 24 months: 2024 to 2025)"],
      [["--year", "2023"], "--year 2023: expected a year the run covers in full"],
    ];
    for (const [args, message] of cases) {
      const r = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", ...args, "--out", join(dir, "out"));
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toContain(message);
      expect(r.out).toBe("");
    }
    expect(readdirSync(dir)).toEqual([]);
    // A run that does not cover a whole calendar year says so.
    const part = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--to", "2024-06", "--year", "2024");
    expect(part.err).toContain("--year 2024: expected alone, not with --to");
  });

  it("lists every problem of an invalid scenario with file:line:column and writes nothing (exit 1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-bad-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, `name: bad\nworld: ${join(ROOT, "test/fixtures/worlds/tiny")}\nmonths: 12\npolicies:\n  - { id: x, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], destinations: { only: [XX] }, from: 2024-02 }\n  - { id: y, kind: export-licence, issuer: CN, elements: [Tb], forms: [oxide], approvalShare: 2, from: 2024-02 }\n`);
    const r = chokepoint("run", file, "--no-baseline", "--out", join(dir, "out"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:6:95 {2}policies\[1\]\.approvalShare\n {2}expected a number <= 1, got 2\n1 problem found/);
    expect(existsSync(join(dir, "out"))).toBe(false);
    // Once the shape is right, the reference problem shows up with its place.
    writeFileSync(file, readFileSync(file, "utf8").replace("approvalShare: 2", "approvalShare: 0.5"));
    const r2 = chokepoint("run", file, "--no-baseline", "--out", join(dir, "out"));
    expect(r2.err).toMatch(/bad\.yaml:5:99 {2}policies\[0\]\.destinations\.only\[0\]\n {2}unknown region "XX"; expected one defined in the world's regions\.yaml/);
    expect(readdirSync(dir)).toEqual(["bad.yaml"]);
  });

  it("refuses to overwrite a folder it did not write (exit 2) and leaves it untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-mine-"));
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const r = chokepoint("run", join(TINY, "baseline.yaml"), "--out", dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("folder exists and was not written by chokepoint");
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });
});

describe("chokepoint: paths and commands that are not there", () => {
  it("gives a usage error for a --world folder that does not exist (exit 2)", () => {
    const r = chokepoint("run", join(TINY, "baseline.yaml"), "--world", "/nonexistent/world");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--world /nonexistent/world: no such folder");
  });

  it("names the world: field when a scenario's world folder is missing (exit 1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-noworld-"));
    writeFileSync(join(dir, "s.yaml"), "name: s\nworld: ../missing-world\n");
    const r = chokepoint("scenario", "check", join(dir, "s.yaml"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/s\.yaml:2:8 {2}world\n {2}no world folder .*missing-world; world: is a folder path relative to this scenario file/);
  });

  it("gives a usage error when --out cannot be created (exit 2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-outfile-"));
    writeFileSync(join(dir, "notdir"), "a file");
    const r = chokepoint("run", join(TINY, "baseline.yaml"), "--no-baseline", "--out", join(dir, "notdir", "sub"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("cannot create its parent folder");
  });

  it("exits 2 with help when no command is given", () => {
    const r = chokepoint();
    expect(r.code).toBe(2);
    expect(r.err + r.out).toContain("Usage: chokepoint");
  });
});

describe("chokepoint compare", () => {
  it("issue: points --region, --from, --to and --year to `run a --baseline b`, which compares over them (exit 2)", () => {
    const r = chokepoint("compare", "oct-2025-returns", "oct-2025-suspended", "--region", "EU", "--from", "2026-11");
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: --region EU --from 2026-11: compare shows both runs whole, for every region; for one region or a window, run one scenario against the other (its shortage, supply-from-China and gap-closer tables compare with the --baseline run): chokepoint run oct-2025-returns --baseline oct-2025-suspended --region EU --from 2026-11\n");
  });

  it("shows two runs side by side", () => {
    const r = chokepoint("compare", join(TINY, "dy-ban.yaml"), join(TINY, "baseline.yaml"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("A: Tiny Dy ban vs B: Tiny baseline");
    expect(r.out).toContain("Peak prices, US$/kg of element");
    // When each run's peak came and where its price ended (a user review: a baseline boom years later read as "the
    // controls lowered prices"): the rows are the run.json reports' own peak months.
    expect(r.out).toContain("Peak month and price at the end (2025-12), US$/kg");
    const a = JSON.parse(chokepoint("run", join(TINY, "dy-ban.yaml"), "--no-baseline", "--format", "json").out) as { report: { prices: { element: string; market: string; peakMonth: string }[] } };
    const dy = a.report.prices.find((p) => p.element === "Dy" && p.market === "china");
    expect(r.out.split("\n").some((l) => l.startsWith("Dy ") && l.includes(`${dy?.peakMonth} → $`))).toBe(true);
    for (const line of r.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("chokepoint run on a ready-made scenario (bundled world)", () => {
  it("answers apr-2025 against the baseline with the licence on the timeline", () => {
    const r = chokepoint("run", "apr-2025", "--quiet");
    expect(r.code).toBe(0);
    expect(r.out).toContain("April 2025 controls (Ann. 18/2025) as enacted");
    expect(r.out).toContain("compared with Baseline");
    expect(r.out).toMatch(/cn-ann18-2025\S*\s+export-licence\s+2025-04-04 → end/);
  }, 120_000);
});

describe("end products lost against a baseline (bundled world; review findings 1–3)", () => {
  const base = mkdtempSync(join(tmpdir(), "chokepoint-lost-"));
  const window = ["--from", "2026-11", "--to", "2029-12", "--region", "US", "--quiet"];
  type Loss = { sector: string; region: string; unit: string; endProductName?: string; totalUnits: number; baselineTotalUnits?: number; differenceUnits?: number; magnetTonnes?: number };
  const lossesOf = (dir: string): { all: Loss[]; region: Loss[] } => {
    const report = JSON.parse(readFileSync(join(dir, "run.json"), "utf8")).report;
    return { all: report.endProductsLost, region: report.regionView.endProductsLost };
  };
  let embargo: ReturnType<typeof chokepoint>;
  beforeAll(() => {
    embargo = chokepoint("run", "heavy-ree-embargo", "--baseline", "apr-2025", ...window, "--out", join(base, "embargo"));
    expect(embargo.code, embargo.err).toBe(0);
    const alone = chokepoint("run", "apr-2025", "--no-baseline", ...window, "--out", join(base, "apr"));
    expect(alone.code, alone.err).toBe(0);
  }, 240_000);

  it("issue: the baseline column is what the baseline run alone loses in the same window, and the difference is what the scenario caused, in the terminal, run.json and the HTML", () => {
    const smco = (x: Loss) => x.sector === "sector:smco-defense-aerospace" && x.region === "US";
    const run = lossesOf(join(base, "embargo"));
    const alone = lossesOf(join(base, "apr")).all.find(smco)!;
    const row = run.all.find(smco)!;
    expect(alone.totalUnits).toBeGreaterThan(0);
    expect(row.baselineTotalUnits).toBeCloseTo(alone.totalUnits, 6);
    expect(row.differenceUnits).toBeCloseTo(row.totalUnits - alone.totalUnits, 6);
    expect(run.region.find(smco)).toEqual(row);
    const [lost, inBaseline, caused] = [row.totalUnits, alone.totalUnits, row.totalUnits - alone.totalUnits].map((v) => formatTonnes(v));
    // Terminal: the comparison table under the run's own.
    const table = embargo.out.slice(embargo.out.indexOf("\nAgainst April 2025 controls"));
    expect(table.split("\n").find((l) => l.startsWith("Defence, aerospace SmCo"))?.replace(/\s+/g, " ")).toMatch(new RegExp(`^Defence, aerospace SmCo US F-35 SmCo set ${lost} ${inBaseline} \\+${caused} \\+[\\d,]+$`));
    // HTML: the brief leads with the difference, says what it is, and leads with the region's rows.
    const html = readFileSync(join(base, "embargo", "index.html"), "utf8");
    const brief = html.slice(html.indexOf('data-answer="end-products"'), html.indexOf("</div>", html.indexOf('data-answer="end-products"')));
    expect(brief).toContain("caused by this scenario vs April 2025 controls");
    expect(brief).toContain(`<strong>+${caused}</strong> F-35 SmCo sets`);
    expect(brief).toContain(`· <strong>US</strong> · ${lost} lost, ${inBaseline} in the baseline`);
  });

  it("issue: every report gives the magnet the units hold and says once what each unit is, in the world's words", () => {
    const row = lossesOf(join(base, "embargo")).all.find((x) => x.sector === "sector:defense" && x.region === "US")!;
    const world = readFileSync(join(ROOT, "world/demand.yaml"), "utf8");
    // The world's own end-product name (with its caveat), read from the data, not from code.
    expect(world).toContain(`name: "${row.endProductName}"`);
    expect(row.magnetTonnes).toBeCloseTo((row.totalUnits * 14) / 1000, 6);
    const flat = embargo.out.replace(/\s+/g, " ");
    expect(flat).toContain(`1 F-35 NdFeB set = ${row.endProductName}`);
    expect(flat.split(row.endProductName!).length).toBe(2);
    const html = readFileSync(join(base, "embargo", "index.html"), "utf8");
    for (const key of ["answer", "region-end-products", "end-products-lost"]) {
      expect(html, key).toMatch(new RegExp(`data-end-product-units="${key}">Units:[^<]*1 F-35 NdFeB set = F-35 NdFeB magnet set \\(14 kg`));
    }
  });
});

