import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, waitForRun, type TestServer } from "../../src/server/fixtures/test-server.js";
import { BUNDLED_WORLD_DIR } from "../../src/world/node.js";

// The bundled 2024 world with ready-made scenarios, kept short (24 months) to stay quick.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ worldDir: BUNDLED_WORLD_DIR });
});
afterAll(async () => {
  await server.dispose();
});

describe("API on the bundled world", () => {
  it("runs a ready-made scenario, shortened, against the baseline", async () => {
    const yaml = "name: April 2025 controls, two years\nextends: apr-2025\nmonths: 24\n";
    expect((await request(server.url, "/api/scenarios/apr-2025-short", { method: "PUT", json: { yaml } })).status).toBe(201);
    const started = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "apr-2025-short" } });
    expect(started.status).toBe(202);
    const run = await waitForRun(server.url, started.body.id, 60_000);
    expect(run).toMatchObject({ state: "done", baseline: "baseline" });
    const report = (await request(server.url, `/api/runs/${run.id}/report`)).body;
    expect(report.scenario.extendsChain).toEqual(["April 2025 controls (Ann. 18/2025) as enacted", "Baseline (2024 world, announced projects, no new measures)"]);
    expect(report.monthLabels).toHaveLength(24);
    expect(report.timeline.length).toBeGreaterThan(0);
    expect(report.gapClosers).toBeDefined();
    const dy = await request(server.url, `/api/runs/${run.id}/series?variable=price&element=Dy`);
    expect(dy.body.rows).toHaveLength(48);
  });

  it("describes the world: summary, dataset and facts", async () => {
    const summary = (await request(server.url, "/api/world")).body;
    expect(summary.dataset.calibrationYear).toBe(2024);
    expect(summary.regions.map((r: { id: string }) => r.id)).toContain("CN");
    expect(summary.facilities.some((f: { stage: string; unit: string }) => f.stage === "mine" && f.unit === "t REO/yr")).toBe(true);
    const dataset = (await request(server.url, "/api/world/dataset")).body;
    expect(dataset.mines.length).toBe(summary.facilities.filter((f: { stage: string }) => f.stage === "mine").length);
    const facts = (await request(server.url, "/api/world/facts")).body;
    const separation = facts.facts.find((f: { stage: string; group: string }) => f.stage === "separation" && f.group === "all");
    expect(separation.chinaShare).toBeGreaterThan(0.8);
  });
});
