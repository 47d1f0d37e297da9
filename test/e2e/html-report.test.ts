/**
 * Browser test of the HTML report: the sample report opened from a file in headless Chromium with
 * every network request blocked. Checks that each chart drew, nothing was fetched, the console
 * stayed clean and the month selector works without script; saves `test-results/html-report.png`.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { regionView } from "../../src/report/region-view.js";
import { sampleReport } from "../fixtures/report/sample-report.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = new URL("../../", import.meta.url).pathname;
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-report e2e skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!hasChromium)(`HTML report in headless Chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  let browser: Browser;
  const html = renderHtmlReport(sampleReport());
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-html-")), "report.html");
  writeFileSync(file, html);

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openReport() {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    const page = await context.newPage();
    const attempted: string[] = [];
    const consoleErrors: string[] = [];
    // Anything but the report file itself counts as a network request: record it and refuse it.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      attempted.push(url);
      return route.abort();
    });
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) attempted.push(r.url()); });
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { context, page, attempted, consoleErrors };
  }

  it("draws every chart as an SVG with paths, fetches nothing and logs no errors", async () => {
    const { context, page, attempted, consoleErrors } = await openReport();
    await page.waitForSelector("[data-chart] svg path", { state: "attached" });
    const charts = await page.$$eval("[data-chart]", (els) =>
      els.map((el) => ({
        id: el.getAttribute("data-chart"),
        paths: [...el.querySelectorAll("svg path")].filter((p) => (p.getAttribute("d") ?? "").trim() !== "").length,
      })));
    const expected = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(charts.map((c) => c.id)).toEqual(expected);
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const c of charts) expect(c.paths, `chart ${c.id} has no drawn path`).toBeGreaterThan(3);
    expect(attempted).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("switches the Sankey month with the radio labels, without script", async () => {
    const { context, page } = await openReport();
    const visible = () => Promise.all([0, 1, 2].map((i) => page.locator(`[data-flow-panel="${i}"]`).isVisible()));
    expect(await visible()).toEqual([false, true, false]);
    await page.click('label[for="flow-tab-0"]');
    expect(await visible()).toEqual([true, false, false]);
    await page.click('label[for="flow-tab-2"]');
    expect(await visible()).toEqual([false, false, true]);
    await context.close();
  });

  it("opens a region's report (--region) on its section, with every chart drawn and no table wider than the page", async () => {
    const report = sampleReport();
    const regionFile = join(mkdtempSync(join(tmpdir(), "chokepoint-html-region-")), "report.html");
    writeFileSync(regionFile, renderHtmlReport(report, { regionView: regionView(report, { id: "JP", name: "Japan" }) }));
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(regionFile).href, { waitUntil: "load" });
    const section = page.locator("#your-region");
    expect(await section.locator("h2").innerText()).toBe("1Your region: Japan (JP)");
    // Six cards in three columns: the second row starts below the first.
    const boxes = await section.locator(".region-cards .card").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(boxes.length).toBe(6);
    expect(new Set(boxes.map(Math.round)).size).toBe(2);
    const charts = await section.locator("[data-chart]").evaluateAll((els) => els.map((el) => [...el.querySelectorAll("svg path")].filter((p) => (p.getAttribute("d") ?? "") !== "").length));
    expect(charts.length).toBe(2);
    for (const paths of charts) expect(paths).toBeGreaterThan(3);
    const overflowing = await section.locator(".table-wrap").evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector("table")?.getAttribute("data-table")));
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it("takes a full-page screenshot to test-results/html-report.png", async () => {
    const { context, page } = await openReport();
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    const png = await page.screenshot({ path: join(ROOT, "test-results/html-report.png"), fullPage: true });
    expect(png.byteLength).toBeGreaterThan(50_000);
    await context.close();
  });
});
