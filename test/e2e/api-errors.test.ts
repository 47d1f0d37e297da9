import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, type TestServer } from "../../src/server/fixtures/test-server.js";

const webDir = mkdtempSync(join(tmpdir(), "chokepoint-web-"));
mkdirSync(join(webDir, "assets"));
writeFileSync(join(webDir, "index.html"), "<!doctype html><title>app</title>");
writeFileSync(join(webDir, "assets", "app-1234.js"), "console.log(1)");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ webDir });
});
afterAll(async () => {
  await server.dispose();
  rmSync(webDir, { recursive: true, force: true });
});

const PROBLEM = /^application\/problem\+json/;

describe("API errors are problem bodies", () => {
  it("answers a broken JSON body with 400 naming what is wrong", async () => {
    const { status, headers, body } = await request(server.url, "/api/scenarios/validate", { method: "POST", body: '{"yaml": "name: x",}', headers: { "content-type": "application/json" } });
    expect(status).toBe(400);
    expect(headers.get("content-type")).toMatch(PROBLEM);
    expect(body).toMatchObject({ type: "urn:chokepoint:problem:invalid-json", title: "Invalid JSON body", status: 400 });
    expect(body.detail).toMatch(/^the request body is not valid JSON: .*position 19/);
  });

  it("answers an empty JSON body with 400 and another media type with 415", async () => {
    const empty = await request(server.url, "/api/runs", { method: "POST", body: "", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toBe("the request body is empty; expected a JSON object");
    const text = await request(server.url, "/api/runs", { method: "POST", body: "scenario=baseline", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ type: "urn:chokepoint:problem:unsupported-media-type", detail: "send the request body as application/json" });
  });

  it("answers a body over the limit with 413", async () => {
    const yaml = `name: big\n# ${"x".repeat(300 * 1024)}\n`;
    const { status, headers, body } = await request(server.url, "/api/scenarios/big", { method: "PUT", json: { yaml } });
    expect(status).toBe(413);
    expect(headers.get("content-type")).toMatch(PROBLEM);
    expect(body).toMatchObject({ type: "urn:chokepoint:problem:body-too-large", status: 413, detail: "the request body is larger than 256 KiB, the most this server accepts" });
    expect((await request(server.url, "/api/scenarios/big")).status).toBe(404);
  });

  it("answers a body of the wrong shape with 400 and its issues", async () => {
    const { status, body } = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yml: "name: x" } });
    expect(status).toBe(400);
    expect(body.issues).toEqual([
      { code: "missing_field", path: ["body", "yaml"], message: "missing; expected string", expected: "string" },
      { code: "unknown_key", path: ["body", "yml"], message: 'unknown field "yml"' },
    ]);
  });

  it("answers an unknown API route with 404", async () => {
    for (const [method, path] of [["GET", "/api/nothing"], ["POST", "/api/world"], ["GET", "/api"], ["DELETE", "/somewhere"]] as const) {
      const { status, headers, body } = await request(server.url, path, { method });
      expect(status, `${method} ${path}`).toBe(404);
      expect(headers.get("content-type")).toMatch(PROBLEM);
      expect(body).toMatchObject({ type: "urn:chokepoint:problem:not-found", title: "Not found", status: 404 });
    }
  });

  it("refuses requests addressed to another host name (DNS rebinding)", async () => {
    const { port } = new URL(server.url);
    const getWithHost = (host: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      get({ host: "127.0.0.1", port, path: "/api/health", headers: { host } }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      }).on("error", reject);
    });
    const evil = await getWithHost(`evil.example:${port}`);
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ type: "urn:chokepoint:problem:forbidden-host", detail: 'this server answers requests to 127.0.0.1, localhost, [::1], ::1 only, not to "evil.example"' });
    expect((await getWithHost(`localhost:${port}`)).status).toBe(200);
  });

  it("serves an OpenAPI document that lists every route", async () => {
    const { status, body } = await request(server.url, "/api/docs");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual([
      "/api/compare", "/api/docs", "/api/health", "/api/runs", "/api/runs/{id}", "/api/runs/{id}/flows", "/api/runs/{id}/report",
      "/api/runs/{id}/series", "/api/scenarios", "/api/scenarios/validate", "/api/scenarios/{name}", "/api/world", "/api/world/dataset", "/api/world/facts",
    ]);
    expect(body.components.schemas.RunStatus.required).toEqual(["id", "scenario", "state", "progress", "createdAt"]);
    expect(body.paths["/api/runs"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/StartRunRequest" });
    expect(body.components.schemas.StartRunRequest.anyOf).toHaveLength(2);
    // The run options of the CLI's --baseline, --from and --region, on both forms of the body; echoed in a run's status.
    for (const form of body.components.schemas.StartRunRequest.anyOf) expect(Object.keys(form.properties)).toEqual(expect.arrayContaining(["baseline", "reportFrom", "region"]));
    expect(body.components.schemas.StartRunRequest.description).toMatch(/reportFrom, the first month of the reporting window .*region, a region id of the world/);
    expect(Object.keys(body.components.schemas.RunStatus.properties)).toEqual(expect.arrayContaining(["baseline", "reportFrom", "region"]));
    expect(Object.keys(body.components.schemas.RunReport.properties)).toEqual(expect.arrayContaining(["window", "regionView"]));
  });
});

describe("the web app", () => {
  it("serves built files and falls back to index.html for app routes", async () => {
    const index = await request(server.url, "/");
    expect(index).toMatchObject({ status: 200, body: "<!doctype html><title>app</title>" });
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const route = await request(server.url, "/runs/run-123", { headers: { accept: "text/html" } });
    expect(route.body).toBe("<!doctype html><title>app</title>");
    const script = await request(server.url, "/assets/app-1234.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect((await request(server.url, "/assets/missing.js")).status).toBe(404);
    expect((await request(server.url, "/..%2F..%2Fetc%2Fpasswd", { headers: { accept: "text/html" } })).body).toBe("<!doctype html><title>app</title>");
  });

  it("says how to build the dashboard when there is no build", async () => {
    const bare = await startTestServer({ webDir: join(webDir, "nothing-here") });
    try {
      const page = await request(bare.url, "/");
      expect(page.status).toBe(503);
      expect(page.body).toContain("npm run build:web");
      expect((await request(bare.url, "/api/health")).status).toBe(200);
    } finally {
      await bare.dispose();
    }
  });
});
