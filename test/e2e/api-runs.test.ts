import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeriesVariableHeld } from "../../src/model/api.js";
import { request, startTestServer, waitForRun, type TestServer } from "../../src/server/fixtures/test-server.js";

const SCENARIO = `name: Dy/Tb ban to Japan
start: 2024-01
months: 18
policies:
  - id: cn-ban
    kind: export-ban
    issuer: CN
    elements: [Dy, Tb]
    forms: [oxide, metal]
    destinations: { only: [JP] }
    from: 2024-04
`;
const SMALL = "name: Small\nmonths: 12\n";

describe("runs API: one run from start to compare", () => {
  let server: TestServer;
  let runId: string;
  let baselineRunId: string;
  beforeAll(async () => {
    server = await startTestServer();
    await request(server.url, "/api/scenarios/dy-ban", { method: "PUT", json: { yaml: SCENARIO } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("starts a run of a saved scenario (202) and finishes it with a baseline", async () => {
    const started = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban" } });
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBe(`/api/runs/${started.body.id}`);
    expect(started.body).toMatchObject({ scenario: "dy-ban", baseline: "baseline" });
    expect(["queued", "running"]).toContain(started.body.state);
    runId = started.body.id;
    const done = await waitForRun(server.url, runId);
    expect(done).toMatchObject({ state: "done", progress: 1 });
    expect(done.finishedAt).toBeDefined();
    const list = await request(server.url, "/api/runs");
    expect(list.body.runs[0].id).toBe(runId);
  });

  it("compares a scenario with its own compareWith when the request names no baseline", async () => {
    const started = await request(server.url, "/api/runs", { method: "POST", json: { yaml: "name: Against the ban\nmonths: 12\ncompareWith: dy-ban\n" } });
    expect(started.status).toBe(202);
    expect(started.body.baseline).toBe("dy-ban");
    expect((await waitForRun(server.url, started.body.id)).state).toBe("done");
    expect((await request(server.url, `/api/runs/${started.body.id}/report`)).body.baselineName).toBe("Dy/Tb ban to Japan");
  });

  it("serves the report of a finished run", async () => {
    const { status, body } = await request(server.url, `/api/runs/${runId}/report`);
    expect(status).toBe(200);
    expect(body.scenario).toMatchObject({ name: "Dy/Tb ban to Japan", startMonth: "2024-01", months: 18 });
    expect(body.baselineName).toMatch(/^Baseline/);
    expect(body.monthLabels).toHaveLength(18);
    expect(body.timeline.map((t: { id: string }) => t.id)).toEqual(["cn-ban"]);
    // "Plants this scenario adds" is measured against the baseline run's plants, as the command line measures it.
    expect(body.addedPlants.reference).toBe("baseline");
  });

  it("filters the tidy series by variable, element, region and months", async () => {
    const { status, body } = await request(server.url, `/api/runs/${runId}/series?variable=price&element=Dy,Tb&region=market:ex-china&from=2024-03&to=2024-05`);
    expect(status).toBe(200);
    expect(body.columns).toEqual(["month", "element", "region", "stage", "variable", "unit", "value"]);
    expect(body.rows).toHaveLength(6);
    for (const row of body.rows) {
      expect(row.slice(0, 6)).toEqual([expect.stringMatching(/^2024-0[345]$/), expect.stringMatching(/^(Dy|Tb)$/), "market:ex-china", "market", "price", "US$/kg"]);
      expect(row[6]).toBeGreaterThan(0);
    }
    const repeated = await request(server.url, `/api/runs/${runId}/series?variable=price&element=Dy&element=Tb&region=market:ex-china&from=2024-03&to=2024-05`);
    expect(repeated.body.rows).toEqual(body.rows);
  });

  it("answers every series query with the run's dimensions: what each filter accepts and what each variable holds", async () => {
    const { body } = await request(server.url, `/api/runs/${runId}/series?variable=price&element=Dy&to=2024-01`);
    const { dimensions } = body;
    expect(dimensions.element.slice(0, 3)).toEqual(["Sc", "Y", "La"]);
    expect(dimensions.region).toEqual(expect.arrayContaining(["CN", "JP", "market:china-domestic", "market:ex-china"]));
    expect(dimensions.variable).toEqual(expect.arrayContaining(["production", "price", "shortfall", "magnets-produced"]));
    // The whole horizon, whatever the query's months.
    expect(dimensions.months).toHaveLength(18);
    expect([dimensions.months[0], dimensions.months[17]]).toEqual(["2024-01", "2025-06"]);
    const held = new Map<string, SeriesVariableHeld>(dimensions.held.map((h: SeriesVariableHeld) => [h.variable, h]));
    expect(held.get("price")).toEqual({ variable: "price", units: ["US$/kg"], element: expect.arrayContaining(["Nd", "Dy", "Tb"]), region: ["market:china-domestic", "market:ex-china"], stage: ["market"] });
    expect(held.get("production")).toMatchObject({ units: ["t"], region: expect.arrayContaining(["CN"]), stage: expect.arrayContaining(["mine", "separation"]) });
    expect(held.get("magnets-produced")).toMatchObject({ units: ["t magnet"], element: [], stage: ["magnet"] });
    // Every value a variable holds is one its filter accepts, and returns rows.
    for (const h of dimensions.held) for (const name of ["element", "region", "stage"] as const) expect(dimensions[name]).toEqual(expect.arrayContaining(h[name]));
    const nd = await request(server.url, `/api/runs/${runId}/series?variable=production&element=Nd&region=${held.get("production")?.region[0]}`);
    expect(nd.body.rows.length).toBeGreaterThan(0);
    // A query that matches nothing still says what the run holds.
    const none = await request(server.url, `/api/runs/${runId}/series?variable=price&region=CN`);
    expect(none.body.rows).toEqual([]);
    expect(none.body.dimensions).toEqual(dimensions);
  });

  it("answers 400 naming the parameter for an unknown element, region or variable", async () => {
    const element = await request(server.url, `/api/runs/${runId}/series?element=Xx`);
    expect(element.status).toBe(400);
    expect(element.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(element.body.issues).toEqual([expect.objectContaining({ code: "unknown_reference", path: ["query", "element"], received: "Xx" })]);
    expect(element.body.issues[0].message).toMatch(/^unknown element "Xx"; expected one of Sc, Y, La/);
    const region = await request(server.url, `/api/runs/${runId}/series?region=US`);
    expect(region.body.issues[0]).toMatchObject({ path: ["query", "region"], received: "US" });
    const variable = await request(server.url, `/api/runs/${runId}/series?variable=gdp`);
    expect(variable.body.issues[0]).toMatchObject({ path: ["query", "variable"], received: "gdp" });
    const months = await request(server.url, `/api/runs/${runId}/series?from=2024-13`);
    expect(months.status).toBe(400);
    expect(months.body.issues[0]).toMatchObject({ code: "invalid_format", path: ["query", "from"] });
    const unknownParam = await request(server.url, `/api/runs/${runId}/series?elements=Dy`);
    expect(unknownParam.body.issues[0]).toMatchObject({ code: "unknown_key", path: ["query", "elements"] });
  });

  it("serves the flow graph of any month of the run, and 400 outside it", async () => {
    const { status, body } = await request(server.url, `/api/runs/${runId}/flows?month=2024-06`);
    expect(status).toBe(200);
    expect(body.month).toBe("2024-06");
    expect(body.links.length).toBeGreaterThan(0);
    expect(body.nodes.some((n: { stage: string }) => n.stage === "mine")).toBe(true);
    const outside = await request(server.url, `/api/runs/${runId}/flows?month=2030-01`);
    expect(outside.status).toBe(400);
    expect(outside.body.detail).toBe(`month 2030-01 is not in run ${runId} (2024-01 to 2025-06)`);
    expect((await request(server.url, `/api/runs/${runId}/flows`)).status).toBe(400);
  });

  it("compares two finished runs", async () => {
    const started = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "baseline", baseline: false } });
    expect(started.body.baseline).toBeUndefined();
    baselineRunId = started.body.id;
    expect((await waitForRun(server.url, baselineRunId)).state).toBe("done");
    const { status, body } = await request(server.url, `/api/compare?a=${runId}&b=${baselineRunId}`);
    expect(status).toBe(200);
    expect(body.a.run.id).toBe(runId);
    expect(body.b.report.scenario.months).toBe(120);
    expect(body.differences.chinaShareAtEnd.map((c: { stage: string }) => c.stage)).toEqual(["mine", "separation", "metal", "magnet", "use"]);
    for (const p of body.differences.peakPrices) expect(p.deltaUsdPerKg).toBeCloseTo(p.aUsdPerKg - p.bUsdPerKg);
    expect((await request(server.url, `/api/compare?a=${runId}`)).status).toBe(400);
    expect((await request(server.url, `/api/compare?a=${runId}&b=run-nope`)).status).toBe(404);
  });

  it("answers 404 for unknown runs and scenarios, 422 for an unknown baseline or invalid YAML", async () => {
    expect((await request(server.url, "/api/runs/run-nope")).status).toBe(404);
    expect((await request(server.url, "/api/runs/run-nope/report")).status).toBe(404);
    expect((await request(server.url, "/api/runs", { method: "POST", json: { scenario: "nowhere" } })).status).toBe(404);
    const baseline = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", baseline: "nowhere" } });
    expect(baseline.status).toBe(422);
    expect(baseline.body.issues[0]).toMatchObject({ path: ["body", "baseline"], received: "nowhere" });
    const yaml = await request(server.url, "/api/runs", { method: "POST", json: { yaml: "name: X\nmonths: 0\n" } });
    expect(yaml.status).toBe(422);
    expect(yaml.body.issues[0]).toMatchObject({ path: ["months"], line: 2, column: 9 });
    // A scenario's own comparison (compareWith) must name a scenario the server knows.
    const unknownComparison = await request(server.url, "/api/runs", { method: "POST", json: { yaml: "name: X\nmonths: 12\ncompareWith: nowhere\n" } });
    expect(unknownComparison.status).toBe(422);
    expect(unknownComparison.body.issues[0]).toMatchObject({ path: ["compareWith"], line: 3, received: "nowhere" });
    // A path is no name the server knows either: the check answers it at its line, before any run (code review: a
    // path was offered as the run form's default and then refused).
    const byPath = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yaml: "name: X\nmonths: 12\ncompareWith: ./other.yaml\n" } });
    expect(byPath.body.valid).toBe(false);
    expect(byPath.body.issues[0]).toMatchObject({ path: ["compareWith"], line: 3 });
    const shape = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", extra: 1 } });
    expect(shape.status).toBe(400);
    expect(shape.body.issues[0]).toMatchObject({ code: "unknown_key", path: ["body", "extra"] });
  });
});

describe("runs API: the report's window and region (the CLI's --from and --region)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await request(server.url, "/api/scenarios/dy-ban", { method: "PUT", json: { yaml: SCENARIO } });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("accepts reportFrom and region, shows them in the run's status, and builds the report over the window with the region's view", async () => {
    const started = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", reportFrom: "2024-07", region: "JP" } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ scenario: "dy-ban", baseline: "baseline", reportFrom: "2024-07", region: "JP" });
    const done = await waitForRun(server.url, started.body.id);
    expect(done).toMatchObject({ state: "done", reportFrom: "2024-07", region: "JP" });
    expect((await request(server.url, `/api/runs/${started.body.id}`)).body).toMatchObject({ reportFrom: "2024-07", region: "JP", baseline: "baseline" });
    expect((await request(server.url, "/api/runs")).body.runs[0]).toMatchObject({ id: started.body.id, reportFrom: "2024-07", region: "JP" });

    const { body: report } = await request(server.url, `/api/runs/${started.body.id}/report`);
    expect(report.window).toEqual({ from: "2024-07", to: "2025-06" });
    // The run itself still starts at the scenario's start; every summary covers the window.
    expect(report.monthLabels[0]).toBe("2024-01");
    for (const e of report.shortages) expect(e.startMonth >= "2024-07").toBe(true);
    expect(report.regionView).toMatchObject({ region: "JP", regionName: "Japan", window: { from: "2024-07", to: "2025-06" }, market: "ex-china" });
    for (const key of ["finalDemandByElement", "finalDemandBySector", "endProductsLost", "plantShortages", "prices", "chinaOrigin", "gapClosers"]) {
      expect(Array.isArray(report.regionView[key]), key).toBe(true);
    }
    expect(report.regionView.prices.every((p: { market: string }) => p.market === "ex-china")).toBe(true);
  });

  it("leaves a run without them as before: the whole run, no region view", async () => {
    const started = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", baseline: false } });
    // Absent fields are left out of the JSON.
    expect(Object.keys(started.body)).not.toEqual(expect.arrayContaining(["baseline"]));
    expect(Object.keys(started.body)).not.toEqual(expect.arrayContaining(["reportFrom"]));
    expect(Object.keys(started.body)).not.toEqual(expect.arrayContaining(["region"]));
    await waitForRun(server.url, started.body.id);
    const { body: report } = await request(server.url, `/api/runs/${started.body.id}/report`);
    expect(report.window).toEqual({ from: "2024-01", to: "2025-06" });
    expect(report.regionView).toBeUndefined();
    expect(report.baselineName).toBeUndefined();
  });

  it("refuses a reportFrom that is not YYYY-MM (400) or outside the run (422), naming the field", async () => {
    const form = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", reportFrom: "2024-7" } });
    expect(form.status).toBe(400);
    expect(form.body.issues[0]).toMatchObject({ path: ["body", "reportFrom"], received: '"2024-7"' });
    const outside = await request(server.url, "/api/runs", { method: "POST", json: { yaml: "name: Small\nstart: 2024-01\nmonths: 12\n", reportFrom: "2025-01" } });
    expect(outside.status).toBe(422);
    expect(outside.body.issues).toEqual([expect.objectContaining({ path: ["body", "reportFrom"], received: "2025-01", expected: "a month of the run, 2024-01 to 2024-12" })]);
    expect(outside.body.detail).toContain("reportFrom: expected a month of the run, 2024-01 to 2024-12");
    const before = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", reportFrom: "2023-12" } });
    expect(before.status).toBe(422);
    expect(before.body.issues[0].path).toEqual(["body", "reportFrom"]);
  });

  it("refuses a region the world does not have (422), naming the field and the closest ids", async () => {
    const runsBefore = (await request(server.url, "/api/runs")).body.runs.length;
    const typo = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", region: "jp" } });
    expect(typo.status).toBe(422);
    expect(typo.body.issues).toEqual([expect.objectContaining({ code: "unknown_reference", path: ["body", "region"], received: "jp" })]);
    expect(typo.body.issues[0].message).toBe('"jp" is not a region of this world; did you mean JP? (expected one of CN, AU, JP)');
    const both = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", region: "EU", reportFrom: "2030-01" } });
    expect(both.status).toBe(422);
    // Every problem at once.
    expect(both.body.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(["body.reportFrom", "body.region"]);
    const shape = await request(server.url, "/api/runs", { method: "POST", json: { scenario: "dy-ban", region: "" } });
    expect(shape.status).toBe(400);
    expect(shape.body.issues[0].path).toEqual(["body", "region"]);
    // Nothing was queued by a refused request.
    expect((await request(server.url, "/api/runs")).body.runs).toHaveLength(runsBefore);
  });

  it("tells a run form a valid scenario's horizon and its own compareWith", async () => {
    const { body } = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yaml: "name: Against the ban\nextends: dy-ban\nmonths: 12\ncompareWith: dy-ban\n" } });
    expect(body).toEqual({ valid: true, issues: [], horizon: { startMonth: "2024-01", months: 12 }, compareWith: "dy-ban" });
    const invalid = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yaml: "name: X\nmonths: 0\n" } });
    expect(invalid.body.horizon).toBeUndefined();
  });
});

describe("runs API: concurrency, limits and restarts", () => {
  it("runs several at once and stays responsive", async () => {
    const server = await startTestServer({ maxConcurrentRuns: 2 });
    try {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await request(server.url, "/api/runs", { method: "POST", json: { yaml: `name: Run ${i}\nmonths: 24\nseed: ${i + 1}\n` } })).body.id);
      const states = (await request(server.url, "/api/runs")).body.runs.map((r: { state: string }) => r.state);
      // Two compute, two wait (a worker thread takes far longer to start than four requests).
      expect(states.filter((s: string) => s === "running")).toHaveLength(2);
      expect(states.filter((s: string) => s === "queued")).toHaveLength(2);
      const t0 = performance.now();
      expect((await request(server.url, "/api/health")).body.ok).toBe(true);
      expect(performance.now() - t0).toBeLessThan(1000);
      const finished = await Promise.all(ids.map((id) => waitForRun(server.url, id)));
      expect(finished.map((r) => r.state)).toEqual(["done", "done", "done", "done"]);
    } finally {
      await server.dispose();
    }
  });

  it("refuses runs beyond the queue with 429, and a queued run has no report yet (409)", async () => {
    const server = await startTestServer({ maxConcurrentRuns: 1, maxQueuedRuns: 1 });
    try {
      const first = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      const second = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect([first.status, second.status]).toEqual([202, 202]);
      expect(second.body.state).toBe("queued");
      const third = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("5");
      expect(third.body).toMatchObject({ type: "urn:chokepoint:problem:too-many-runs", title: "Too many runs", status: 429 });
      expect(third.body.detail).toBe("1 run is computing and 1 is waiting, the most this server allows (--max-runs 1, --max-queue 1); try again when one finishes");
      const early = await request(server.url, `/api/runs/${second.body.id}/report`);
      expect(early.status).toBe(409);
      expect(early.body.detail).toMatch(/has no results: it is (queued|running)/);
      expect((await waitForRun(server.url, second.body.id)).state).toBe("done");
      expect((await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } })).status).toBe(202);
    } finally {
      await server.dispose();
    }
  });

  it("deletes a finished run with its outputs, and cancels a queued one (204; then 404)", async () => {
    const server = await startTestServer({ maxConcurrentRuns: 1, maxQueuedRuns: 2 });
    try {
      const first = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      const second = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect(second.body.state).toBe("queued");
      // The queued run is cancelled: it never runs and is gone.
      expect((await request(server.url, `/api/runs/${second.body.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await request(server.url, `/api/runs/${second.body.id}`)).status).toBe(404);
      expect((await waitForRun(server.url, first.body.id)).state).toBe("done");
      expect((await request(server.url, `/api/runs/${first.body.id}/report`)).status).toBe(200);
      expect((await request(server.url, `/api/runs/${first.body.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await request(server.url, `/api/runs/${first.body.id}/report`)).status).toBe(404);
      const ids = (await request(server.url, "/api/runs")).body.runs.map((r: { id: string }) => r.id);
      expect(ids).not.toContain(first.body.id);
      expect(ids).not.toContain(second.body.id);
      const unknown = await request(server.url, "/api/runs/run-nope", { method: "DELETE" });
      expect(unknown.status).toBe(404);
      // The server still runs new work after a cancellation.
      const third = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect((await waitForRun(server.url, third.body.id)).state).toBe("done");
    } finally {
      await server.dispose();
    }
  });

  it("cancels a running run: its worker stops, nothing is committed, and its slot is free at once", async () => {
    const server = await startTestServer({ maxConcurrentRuns: 1, maxQueuedRuns: 0 });
    try {
      const { body } = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL.replace("months: 12", "months: 120") } });
      expect((await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } })).status).toBe(429);
      expect((await request(server.url, `/api/runs/${body.id}`, { method: "DELETE" })).status).toBe(204);
      // Right after the DELETE (its worker may still be stopping), a new run is taken, not refused with 429.
      const right = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect(right.status).toBe(202);
      expect((await waitForRun(server.url, right.body.id)).state).toBe("done");
      // Give a worker that was already computing the time to finish: the run must stay gone.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await request(server.url, `/api/runs/${body.id}`)).status).toBe(404);
      const next = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL, baseline: false } });
      expect((await waitForRun(server.url, next.body.id)).state).toBe("done");
    } finally {
      await server.dispose();
    }
  });

  it("stops a run over the time limit and says so", async () => {
    const server = await startTestServer({ runTimeLimitMs: 50 });
    try {
      const { body } = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL } });
      const run = await waitForRun(server.url, body.id);
      expect(run.state).toBe("failed");
      expect(run.error).toBe("the run took longer than the 0.05 s limit and was stopped; shorten the horizon (months) or raise --run-time-limit");
      expect((await request(server.url, `/api/runs/${body.id}/report`)).body.detail).toContain("it failed: the run took longer");
    } finally {
      await server.dispose();
    }
  });

  it("keeps a finished run and its outputs across a restart", async () => {
    let server = await startTestServer();
    try {
      const { body } = await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL } });
      await waitForRun(server.url, body.id);
      const report = (await request(server.url, `/api/runs/${body.id}/report`)).body;
      const series = (await request(server.url, `/api/runs/${body.id}/series?variable=production`)).body;
      server = await server.restart();
      expect(server.interruptedRuns).toBe(0);
      expect((await request(server.url, `/api/runs/${body.id}`)).body).toMatchObject({ state: "done", progress: 1 });
      expect((await request(server.url, `/api/runs/${body.id}/report`)).body).toEqual(report);
      expect((await request(server.url, `/api/runs/${body.id}/series?variable=production`)).body).toEqual(series);
    } finally {
      await server.dispose();
    }
  });

  it("marks runs cut short by a restart as failed (interrupted)", async () => {
    let server = await startTestServer({ maxConcurrentRuns: 1 });
    try {
      const first = (await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL } })).body;
      const second = (await request(server.url, "/api/runs", { method: "POST", json: { yaml: SMALL } })).body;
      expect(second.state).toBe("queued");
      server = await server.restart();
      expect(server.interruptedRuns).toBeGreaterThanOrEqual(1);
      const after = (await request(server.url, `/api/runs/${second.id}`)).body;
      expect(after).toMatchObject({ state: "failed", error: "interrupted by a server restart" });
      expect(after.finishedAt).toBeDefined();
      const firstAfter = (await request(server.url, `/api/runs/${first.id}`)).body;
      // The first may have finished before the restart; if not, it was interrupted too.
      if (firstAfter.state !== "done") expect(firstAfter).toMatchObject({ state: "failed", error: "interrupted by a server restart" });
    } finally {
      await server.dispose();
    }
  });
});
