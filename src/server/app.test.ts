import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { computeWorldFacts } from "../analysis/facts.js";
import { openStore } from "../store/index.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { buildApp } from "./app.js";
import { TINY_WORLD_DIR } from "./fixtures/test-server.js";
import { HttpError } from "./http-error.js";
import { RunManager } from "./run-manager.js";
import { ScenarioCatalog } from "./scenario-catalog.js";
import { WebApp } from "./web-app.js";

const dataDir = mkdtempSync(join(tmpdir(), "chokepoint-app-"));
const store = openStore(dataDir);
const world = loadWorldFromDirectory(TINY_WORLD_DIR);
const logged: string[] = [];
const runs = new RunManager({ store, worldDir: TINY_WORLD_DIR, limits: { maxConcurrentRuns: 1, maxQueuedRuns: 0, runTimeLimitMs: 1000 }, log: () => {} });
const app = buildApp({
  version: "test", store, world,
  catalog: new ScenarioCatalog(store, world),
  runs,
  facts: () => computeWorldFacts(world),
  web: new WebApp(join(dataDir, "no-web")),
  openApi: () => ({}),
  tidyColumns: () => undefined,
}, {
  logLevel: "error", bodyLimitBytes: 1024,
  logStream: new Writable({ write(chunk, _encoding, done) { logged.push(String(chunk)); done(); } }),
});
app.get("/api/test/boom", async () => {
  throw new TypeError("secret internal detail");
});
app.get("/api/test/expected", async () => {
  throw new HttpError(418, "conflict", "Teapot", "short and stout", [{ code: "invalid_value", path: ["query"], message: "no coffee" }], { "x-extra": "1" });
});

afterAll(async () => {
  await runs.close();
  await app.close();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("server error path", () => {
  it("logs an unexpected error and answers a bare 500 problem", async () => {
    const response = await app.inject({ method: "GET", url: "/api/test/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: "urn:chokepoint:problem:internal", title: "Internal Server Error", status: 500,
      detail: "an unexpected error occurred; the server log has the details",
    });
    expect(response.body).not.toContain("secret");
    expect(logged.join("")).toContain("secret internal detail");
  });

  it("renders an HttpError as its problem body with its headers", async () => {
    const response = await app.inject({ method: "GET", url: "/api/test/expected" });
    expect(response.statusCode).toBe(418);
    expect(response.headers["x-extra"]).toBe("1");
    expect(response.json()).toEqual({
      type: "urn:chokepoint:problem:conflict", title: "Teapot", status: 418, detail: "short and stout",
      issues: [{ code: "invalid_value", path: ["query"], message: "no coffee" }],
    });
  });

  it("refuses new runs when the queue is full, before touching the store", async () => {
    await app.inject({ method: "POST", url: "/api/runs", payload: { yaml: "name: A\nmonths: 6\n", baseline: false } });
    const second = await app.inject({ method: "POST", url: "/api/runs", payload: { yaml: "name: B\nmonths: 6\n", baseline: false } });
    expect(second.statusCode).toBe(429);
    expect(store.listRuns().map((r) => r.scenario)).toEqual(["A"]);
  });
});
