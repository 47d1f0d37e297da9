/**
 * Browser test of the dashboard: builds `web/` into a temporary folder, starts the real server on
 * it (temporary data folder, port 0) and drives Debian's Chromium: scenarios list, an editor error
 * marked at its line, save + run with progress, the results charts and the flow slider, compare,
 * the series explorer of the finished run (lines drawn, CSV of the rows counted, server problems
 * shown), compare, a what-if slider redrawn by the engine worker with no request to the server, and
 * the World tab (facts by stage, published references, China's share chart), and a run with a comparison, a region and a
 * reporting window picked in the run form (what the report covers, the region's cards).
 * Screenshots go to `test-results/dashboard-*.png`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/report-model.js";
import type { RunStatus } from "../../src/model/api.js";
import { renderHtmlReport } from "../../src/report/html-report.js";
import type { RegionView } from "../../src/report/region-view.js";
import { formatShare } from "../../src/report/number-format.js";
import { widestPremium } from "../../src/report/premium.js";
import { renderRunText } from "../../src/report/run-text.js";
import { startServer, type RunningServer } from "../../src/server/index.js";
import { itemText, regionCards } from "../../web/src/lib/region-figures.js";
import { scenarioNameProblem } from "../../web/src/lib/scenario-name.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = new URL("../../", import.meta.url).pathname;
const SHOTS = join(ROOT, "test-results");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`dashboard e2e skipped: ${CHROMIUM} not found (apt-get install chromium)`);

/** A short scenario, so the server's run (and its baseline) takes seconds. */
const SHORT_APRIL = `name: April 2025 controls, 36 months
description: The April 2025 regime over three years, for the dashboard test.
extends: apr-2025
months: 36
`;

/** Line 8 holds a share above 1: the editor must mark line 8. */
const WITH_MISTAKE = `name: Myanmar half
extends: apr-2025
months: 36
policies:
  - id: mm-half
    kind: supply-shock
    target: { region: MM, stage: mine }
    lossShare: 1.5
    from: 2025-06
`;

describe.skipIf(!hasChromium)(`dashboard in headless Chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  let browser: Browser;
  let server: RunningServer;
  let page: Page;
  const temp = mkdtempSync(join(tmpdir(), "chokepoint-dashboard-"));
  const pageErrors: string[] = [];
  const apiRequests: string[] = [];
  let runId = "";

  beforeAll(async () => {
    // Build into a temporary folder: always fresh, and never disturbs a web/dist another process serves.
    const webDir = join(temp, "web");
    const build = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", webDir, "--emptyOutDir", "--logLevel", "warn"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    server = await startServer({ port: 0, dataDir: join(temp, "data"), webDir, logLevel: "error", maxConcurrentRuns: 2 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on("pageerror", (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") pageErrors.push(`console: ${m.text()}`); });
    page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/api/")) apiRequests.push(`${r.method()} ${new URL(r.url()).pathname}`); });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  const shot = (name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `dashboard-${name}.png`), fullPage });
  /** Wait until a chart under `selector` has drawn SVG paths (the first path is an axis line, never "visible"). */
  const chartDrawn = async (selector: string, minPaths = 5) => {
    await page.waitForSelector(`${selector} svg path`, { state: "attached", timeout: 30_000 });
    await expect.poll(() => page.locator(`${selector} svg path`).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(minPaths);
  };
  const svgOf = (selector: string) => page.$eval(`${selector} svg`, (svg) => svg.outerHTML);

  it("lists ready-made scenarios and opens one in the editor", async () => {
    await page.goto(`${server.url}/#/scenarios/apr-2025`);
    await page.getByRole("button", { name: /April 2025 controls/ }).first().waitFor();
    await expect.poll(() => page.getByLabel("Scenario YAML").inputValue()).toContain("kind: export-licence");
    await page.getByTestId("validation").filter({ hasText: "valid" }).waitFor();
    await shot("scenarios");
  });

  it("marks a mistake at its line with line:column field — message", async () => {
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("Scenario YAML").fill(WITH_MISTAKE);
    await page.locator('.gutter-line.has-issue[data-line="8"]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("validation").textContent()).resolves.toBe("1 problem");
    await expect(page.getByTestId("issue-list").textContent()).resolves.toContain("8:16 policies[0].lossShare — expected a number <= 1, got 1.5");
    await expect(page.getByTestId("inline-issue").textContent()).resolves.toContain("policies[0].lossShare — expected a number <= 1, got 1.5");
    expect(await page.locator(".gutter-line.has-issue").count()).toBe(1);
    await shot("editor-error");
    // Fixing the line clears the mark.
    await page.getByLabel("Scenario YAML").fill(WITH_MISTAKE.replace("1.5", "0.5"));
    await page.getByTestId("validation").filter({ hasText: "valid" }).waitFor();
    expect(await page.locator(".gutter-line.has-issue").count()).toBe(0);
  });

  it("saves a short scenario and runs it on the server with a progress bar", async () => {
    await page.getByLabel("Scenario YAML").fill(SHORT_APRIL);
    // A name the server would refuse is refused before saving, naming every character a name may hold.
    await page.getByLabel("Scenario name").fill("April_2025");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe(scenarioNameProblem("April_2025"));
    expect(scenarioNameProblem("April_2025")).toContain("lower-case letters, digits, dashes (-), plus signs (+) and dots (.)");
    await page.getByLabel("Scenario name").fill("apr-2025-short");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/#\/scenarios\/apr-2025-short$/);
    await page.getByRole("button", { name: /April 2025 controls, 36 months/ }).waitFor();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByTestId("run-progress").waitFor();
    await shot("run-progress");
    await page.getByRole("button", { name: "Open results →" }).waitFor({ timeout: 120_000 });
    expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    await page.getByRole("button", { name: "Open results →" }).click();
    runId = decodeURIComponent(/#\/runs\/(.+)$/.exec(page.url())?.[1] ?? "");
    expect(runId).not.toBe("");
  }, 150_000);

  it("draws the results: prices, shortfalls, flows for a month picked with the slider, concentration, products, timeline", async () => {
    for (const chart of ["price-chart", "shortfall-region", "shortfall-element", "concentration", "sankey"]) await chartDrawn(`[data-testid="${chart}"]`);
    await expect(page.locator("[data-testid=price-chart] svg text").allTextContents()).resolves.toContain("US$/kg of Dy");
    await expect(page.locator("[data-testid=shortfall-region] svg text").allTextContents()).resolves.toContain("t/month of element content");
    // Episodes counted by type as the terminal counts them, from the same report.
    const report = await (await fetch(`${server.url}/api/runs/${encodeURIComponent(runId)}/report`)).json() as RunReport;
    const terminal = renderRunText(report);
    const useCount = /Shortages of final demand \(more than 1 % of need unmet\) — (\d+) episodes?/.exec(terminal)?.[1];
    const plantCount = /Plants short of input \(production lost\) — (\d+) episodes?/.exec(terminal)?.[1];
    await expect(page.getByTestId("kpi-final-demand-episodes").textContent()).resolves.toMatch(new RegExp(`^${useCount} episodes? of final demand unmet`));
    await expect(page.getByTestId("kpi-plant-episodes").textContent()).resolves.toMatch(new RegExp(`^${plantCount} episodes? of plants short of input$`));
    await expect(page.getByTestId("episodes-use-head").textContent()).resolves.toMatch(new RegExp(`— ${useCount} episodes?$`));
    await expect(page.getByTestId("episodes-plants-head").textContent()).resolves.toMatch(new RegExp(`— ${plantCount} episodes?$`));
    expect(await page.locator("[data-testid=episodes-use] tbody tr").count()).toBe(Math.min(8, Number(useCount)));
    // The Dy card gives the report's widest premium and its month, as the terminal and the HTML report do.
    const dyPremium = widestPremium(report, "Dy");
    await expect(page.getByTestId("kpi-premium-Dy-value").textContent()).resolves.toBe(dyPremium === undefined ? "–" : `+${formatShare(dyPremium.share)}`);
    if (dyPremium !== undefined) await expect(page.getByTestId("kpi-premium-Dy-when").textContent()).resolves.toMatch(new RegExp(`^in ${dyPremium.monthLabel}: `));
    expect(await page.locator(".timeline .window").count()).toBeGreaterThan(0);
    // Plants that stop or fall short: the report's rows, largest loss first, with the cells of the HTML report's table.
    const plants = report.plantShortfalls ?? [];
    expect(plants.length).toBeGreaterThan(0);
    const plantRows = page.locator("[data-testid=plant-shortfalls] tbody tr");
    expect(await plantRows.count()).toBe(Math.min(12, plants.length));
    expect(await plantRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-facility")))).toEqual(plants.slice(0, 12).map((x) => x.facility));
    const plantHtml = renderHtmlReport(report);
    const htmlPlants = plantHtml.slice(plantHtml.indexOf('data-table="plant-shortfalls"'), plantHtml.indexOf("</tbody>", plantHtml.indexOf('data-table="plant-shortfalls"')));
    const htmlFirst = [...(/<tr>([\s\S]*?)<\/tr>/.exec(htmlPlants.slice(htmlPlants.indexOf("<tbody>")))?.[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
      .map((c) => (c[1] ?? "").replace(/<svg[\s\S]*<\/svg>/, "").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&"));
    await expect(plantRows.first().locator("td").allTextContents()).resolves.toEqual(htmlFirst);
    await expect(page.getByTestId("plant-shortfalls").locator("caption").textContent()).resolves.toMatch(new RegExp(`^${plants.length} mines and plants more than 10 % below their output in the baseline run in a month`));
    await page.locator('section[aria-labelledby="h-plants"]').screenshot({ path: join(SHOTS, "dashboard-plants.png") });
    // End products by the world's short sector name, the full name in the cell's title.
    const sectorCells = page.locator('table[aria-label="End products lost"] tbody tr td:first-child');
    for (const [i, cell] of (await sectorCells.all()).entries()) {
      const title = await cell.getAttribute("title");
      const loss = report.endProductsLost.find((x) => x.sectorName === title);
      expect(loss, `row ${i}: ${title}`).toBeDefined();
      await expect(cell.textContent()).resolves.toBe(loss!.sectorShortName);
    }
    // Supply from China against the baseline: Japan's magnets fell below half of the baseline's while the queue held them.
    const japan = page.locator('table[aria-label="Supply from China"] tbody tr', { hasText: "JP" });
    await expect(japan.locator("td").last().textContent()).resolves.toMatch(/^\d+ \(from 2025-0[45]\)$/);
    await shot("results", true);

    // The Sankey opens on the month the HTML report of the same run opens on, with the same tag.
    const html = renderHtmlReport(report);
    const checked = /id="flow-tab-(\d+)" checked>/.exec(html)?.[1];
    const [, htmlMonth, htmlTag] = new RegExp(`<label for="flow-tab-${checked}">([0-9-]+)(?: <span class="tag">([^<]*)</span>)?`).exec(html) ?? [];
    await expect(page.getByTestId("flow-month-label").textContent()).resolves.toBe(htmlMonth);
    await expect(page.getByTestId("flow-month-tag").textContent()).resolves.toBe(htmlTag ?? "");
    const before = await page.getByTestId("flow-month-label").textContent();
    const sankeyBefore = await svgOf("[data-testid=sankey]");
    await page.getByTestId("flow-month").focus();
    // The first month comes with the report; the second is fetched from the server.
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("flow-month-label").textContent()).not.toBe(before);
    await expect.poll(() => svgOf("[data-testid=sankey]"), { timeout: 15_000 }).not.toBe(sankeyBefore);
    expect(apiRequests).toContain(`GET /api/runs/${runId}/flows`);
    await page.locator('section[aria-labelledby="h-flows"]').screenshot({ path: join(SHOTS, "dashboard-flows.png") });
  }, 90_000);

  it("explores the run's series: a variable and elements picked, a line each, and a CSV of exactly the rows counted", async () => {
    const explorer = page.getByTestId("series-explorer");
    await explorer.scrollIntoViewIfNeeded();
    // Opens on one variable and one element: Nd production at separation, regions summed.
    await chartDrawn("[data-testid=explorer-chart]");
    await expect(page.getByTestId("explorer-variable").inputValue()).resolves.toBe("production");
    await expect(page.locator("[data-testid=explorer-chart] svg text").allTextContents()).resolves.toContain("t/month of element content");
    await explorer.screenshot({ path: join(SHOTS, "dashboard-explorer-default.png") });
    // Only what the run holds is offered: price is, a made-up variable is not.
    const variables = await page.locator("[data-testid=explorer-variable] option").evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(variables).toEqual(expect.arrayContaining(["production", "price", "imports", "stock-working", "final-use"]));

    await page.getByTestId("explorer-variable").selectOption("price");
    await page.getByTestId("explorer-element").locator("summary").click();
    await page.getByTestId("explorer-element").getByRole("checkbox", { name: "Dy", exact: true }).check();
    await page.getByTestId("explorer-element").locator("summary").click();
    await page.locator('[data-testid=series-explorer][data-loading="false"]').waitFor();
    await expect.poll(() => page.locator("[data-testid=explorer-chart] svg text").allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["Nd · China market", "Nd · ex-China market", "Dy · China market", "Dy · ex-China market", "US$/kg of element"]));
    expect(apiRequests).toContain(`GET /api/runs/${runId}/series`);

    // The CSV holds exactly the rows counted: Nd and Dy prices in both markets, every month of the run.
    const count = Number((await page.getByTestId("explorer-row-count").textContent())?.replace(/[^0-9]/g, ""));
    expect(count).toBe(2 * 2 * 36);
    const href = await page.getByTestId("explorer-csv").getAttribute("href");
    const csv = await page.evaluate(async (url) => (await fetch(url ?? "")).text(), href);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("month,element,region,stage,variable,unit,value");
    expect(lines).toHaveLength(count + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2},(Nd|Dy),market:(china-domestic|ex-china),market,price,US\$\/kg,[0-9.]+$/);
    await page.locator('section[aria-labelledby="h-explore"]').screenshot({ path: join(SHOTS, "dashboard-explorer.png") });

    // A problem the server reports is shown with its detail and issues, not swallowed.
    expect(pageErrors).toEqual([]);
    await page.route("**/api/runs/*/series?**", (route) => route.fulfill({
      status: 400, contentType: "application/problem+json",
      body: JSON.stringify({ type: "urn:chokepoint:problem:invalid-request", title: "Invalid request", status: 400, detail: "the query matches more than 250,000 rows; narrow it", issues: [{ code: "too_big", path: ["query"], message: "matches more than 250000 rows", hint: "add a variable, element or region filter" }] }),
    }));
    await page.getByTestId("explorer-variable").selectOption("production");
    await expect(page.getByTestId("explorer-error").textContent()).resolves.toContain("the query matches more than 250,000 rows; narrow it");
    await expect(page.getByTestId("explorer-error").textContent()).resolves.toContain("add a variable, element or region filter");
    await page.unroute("**/api/runs/*/series?**");
    // The browser logs the refused request it was made to see; nothing else.
    expect(pageErrors).toEqual(["console: Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    pageErrors.length = 0;
  }, 60_000);

  it("compares two runs side by side", async () => {
    const started = await (await fetch(`${server.url}/api/runs`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ yaml: "name: Baseline, 36 months\nextends: baseline\nmonths: 36\n", baseline: false }),
    })).json() as RunStatus;
    await expect.poll(async () => ((await (await fetch(`${server.url}/api/runs/${started.id}`)).json()) as RunStatus).state, { timeout: 120_000, interval: 500 }).toBe("done");
    await page.goto(`${server.url}/#/compare?a=${encodeURIComponent(runId)}&b=${encodeURIComponent(started.id)}`);
    await page.getByTestId("comparison").waitFor({ timeout: 30_000 });
    await chartDrawn("[data-testid=compare-prices]");
    await chartDrawn("[data-testid=compare-shortfall]", 3);
    // The shortfall by importing region and element, as the API computes it (up to 12 rows).
    const api = await (await fetch(`${server.url}/api/compare?a=${encodeURIComponent(runId)}&b=${encodeURIComponent(started.id)}`)).json() as { differences: { shortfallByRegion: { region: string; element: string }[] } };
    expect(api.differences.shortfallByRegion.length).toBeGreaterThan(0);
    const table = page.getByRole("table", { name: "Final-use shortfall by importing region and element" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(Math.min(12, api.differences.shortfallByRegion.length));
    const first = api.differences.shortfallByRegion[0]!;
    await expect(table.locator("tbody tr").first().textContent()).resolves.toContain(`${first.region}${first.element}`);
    await shot("compare", true);
  }, 150_000);

  it("redraws a what-if in the browser's engine worker when a slider moves, without asking the server", async () => {
    await page.goto(`${server.url}/#/what-if/apr-2025-short`);
    await page.waitForSelector('[data-testid=what-if-results][data-runs="1"]', { timeout: 60_000 });
    await chartDrawn("[data-testid=what-if-prices]");
    await shot("what-if-start");
    // Every control has an accessible name of its own, and each slider says its value in words.
    const controls = page.locator('aside[aria-label="What-if controls"]').locator("input, select");
    expect(await controls.count()).toBe(6);
    for (const control of await controls.all()) expect(await control.getAttribute("aria-label")).toMatch(/\S/);
    for (const slider of await page.getByRole("slider").all()) expect(await slider.getAttribute("aria-valuetext")).toMatch(/\S/);
    await page.getByRole("slider", { name: /^China's licence approval share, for every Chinese export licence and every destination at once$/ }).waitFor();
    await expect(page.getByTestId("licence-help").textContent()).resolves.toMatch(/for every element and every destination at once/);
    // Only regions holding a stockpile can be picked; the EU is listed as holding none, and the note says so.
    const region = page.getByRole("combobox", { name: /^Stockpile released by/ });
    expect(await region.locator("option:not([disabled])").allTextContents()).toEqual(["CN", "JP", "KR", "US"]);
    expect(await region.locator('option[value="EU"]').isDisabled()).toBe(true);
    await expect(page.getByTestId("stockpile-note").textContent()).resolves.toMatch(/^EU and \d+ other regions hold no strategic stockpile in the world data .*only CN, JP, KR and US can release one\.$/);
    const pricesBefore = await svgOf("[data-testid=what-if-prices]");
    const requestsBefore = apiRequests.length;

    await page.getByTestId("slider-myanmar").focus();
    await page.keyboard.press("Home"); // 0 % of capacity: Myanmar cut off
    await expect(page.getByTestId("myanmar-value").textContent()).resolves.toBe("0% of capacity");
    await page.getByTestId("what-if-status").filter({ hasText: "Changed: what-if-mm-mine-output" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => svgOf("[data-testid=what-if-prices]"), { timeout: 15_000 }).not.toBe(pricesBefore);
    await chartDrawn("[data-testid=what-if-shortfall]", 3);
    expect(apiRequests.slice(requestsBefore)).toEqual([]);
    await shot("what-if", true);
  }, 90_000);

  it("shows the world the model starts from: facts by stage, published references and China's share by stage", async () => {
    await page.getByRole("link", { name: "World", exact: true }).click();
    await page.waitForURL(/#\/world$/);
    await page.getByTestId("facts-table").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("link", { name: "World", exact: true }).getAttribute("aria-current")).toBe("page");
    // Five stages × six element groups.
    expect(await page.locator("[data-testid=facts-table] tbody tr").count()).toBe(30);
    const separation = await page.locator('[data-testid=facts-table] tr[data-stage="separation"][data-group="all"]').textContent();
    expect(separation).toMatch(/t REO.*CN.*\d+%/);
    // References: each marked ok or departs, with its source in words.
    const references = page.locator("[data-testid=references] tbody tr");
    expect(await references.count()).toBeGreaterThan(0);
    for (const text of await references.allTextContents()) expect(text).toMatch(/(ok|departs)/);
    await expect(page.getByTestId("references").textContent()).resolves.toContain("U.S. Geological Survey");
    expect(await page.locator("[data-testid=facts-table] .ref-mark").count()).toBe(await references.count());
    await chartDrawn("[data-testid=world-china-share]");
    await expect(page.locator("[data-testid=world-china-share] svg text").allTextContents())
      .resolves.toEqual(expect.arrayContaining(["Mining", "Separation", "Magnets", "all REEs", "Nd+Pr", "Dy", "Tb", "China's share of the stage, %"]));
    await shot("world", true);
  }, 60_000);

  it("deletes a run from the results view", async () => {
    const started = await (await fetch(`${server.url}/api/runs`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ yaml: "name: Throwaway run\nextends: baseline\nmonths: 12\n", baseline: false }),
    })).json() as RunStatus;
    await expect.poll(async () => ((await (await fetch(`${server.url}/api/runs/${started.id}`)).json()) as RunStatus).state, { timeout: 120_000, interval: 500 }).toBe("done");
    await page.goto(`${server.url}/#/runs/${encodeURIComponent(started.id)}`);
    await page.getByRole("button", { name: "Delete run" }).click();
    await expect.poll(async () => (await fetch(`${server.url}/api/runs/${started.id}`)).status, { timeout: 15_000 }).toBe(404);
    await expect.poll(() => page.getByRole("button", { name: /Throwaway run/ }).count(), { timeout: 15_000 }).toBe(0);
  }, 150_000);

  it("runs with a comparison, a region and a reporting window picked in the run form, and shows the region's view", async () => {
    // A ready-made scenario with its own compareWith opens on it; "none" is offered too.
    await page.goto(`${server.url}/#/scenarios/oct-2025-returns`);
    await page.getByTestId("validation").filter({ hasText: "valid" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("run-baseline").inputValue()).toBe("oct-2025-suspended");
    await expect(page.getByTestId("run-baseline").locator("option:checked").textContent()).resolves.toBe("oct-2025-suspended (its own)");
    expect(await page.getByTestId("run-baseline").locator('option[value="(none)"]').count()).toBe(1);

    await page.goto(`${server.url}/#/scenarios/apr-2025-short`);
    await page.getByTestId("validation").filter({ hasText: "valid" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("run-baseline").inputValue()).toBe("baseline");
    await page.getByTestId("run-region").selectOption("EU");
    await page.getByTestId("run-from").selectOption("2025-07");
    await expect(page.getByTestId("run-form-note").textContent()).resolves.toContain("The report covers 2025-07 – 2026-12; the run still starts at 2024-01");
    await page.getByTestId("run-form").screenshot({ path: join(SHOTS, "dashboard-run-form.png") });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("button", { name: "Open results →" }).waitFor({ timeout: 120_000 });
    await page.getByRole("button", { name: "Open results →" }).click();
    const id = decodeURIComponent(/#\/runs\/(.+)$/.exec(page.url())?.[1] ?? "");
    const status = await (await fetch(`${server.url}/api/runs/${encodeURIComponent(id)}`)).json() as RunStatus;
    expect(status).toMatchObject({ scenario: "apr-2025-short", baseline: "baseline", region: "EU", reportFrom: "2025-07" });
    const report = await (await fetch(`${server.url}/api/runs/${encodeURIComponent(id)}/report`)).json() as RunReport & { regionView: RegionView };

    // What the report covers, under its title.
    await expect(page.getByTestId("coverage-window").textContent()).resolves.toBe("covers 2025-07 – 2026-12of a run from 2024-01");
    await expect(page.getByTestId("coverage-comparison").textContent()).resolves.toBe(`compared with ${report.baselineName}`);
    await expect(page.getByTestId("coverage-region").textContent()).resolves.toBe("region EUEuropean Union");
    await expect(page.getByTestId("kpi-shortfall").locator(".label").textContent()).resolves.toBe("Final-use shortfall, all elements, in 2025-07 – 2026-12");

    // "Your region": the view's cards, titled as the HTML report's, then who closed its gap.
    const region = page.getByTestId("region-view");
    await region.waitFor();
    const cards = regionCards(report.regionView, report);
    await expect(region.locator(".region-card h3").allTextContents()).resolves.toEqual(cards.map((c) => c.title));
    const html = renderHtmlReport(report, { regionView: report.regionView });
    const htmlTitles = [...html.matchAll(/data-region-card="[^"]+"><h3>([^<]*)<\/h3>/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
    expect(cards.slice(0, 6).map((c) => c.title)).toEqual(htmlTitles);
    const firstDemand = cards.find((c) => c.key === "final-demand")?.items[0];
    if (firstDemand !== undefined) await expect(region.getByTestId("region-card-final-demand").locator("li").first().textContent()).resolves.toBe(itemText(firstDemand));
    expect(await region.getByTestId("region-card-prices").locator("tbody tr").count()).toBe(4);
    await region.screenshot({ path: join(SHOTS, "dashboard-region.png") });
  }, 150_000);

  it("kept the console free of errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
