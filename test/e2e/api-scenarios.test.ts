import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, type TestServer } from "../../src/server/fixtures/test-server.js";

const BAN = `name: Dy/Tb ban to Japan
description: China bans Dy and Tb oxide exports to Japan for a year.
start: 2025-01
months: 24
policies:
  - id: cn-ban
    kind: export-ban
    issuer: CN
    elements: [Dy, Tb]
    forms: [oxide, metal]
    destinations: { only: [JP] }
    from: 2025-06
    until: 2026-06
`;

// Line 9 names a region the tiny world does not have.
const UNKNOWN_REGION = BAN.replace("destinations: { only: [JP] }", "destinations: { only: [US] }");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("scenarios API", () => {
  it("lists the ready-made scenarios, read-only", async () => {
    const { status, body } = await request(server.url, "/api/scenarios");
    expect(status).toBe(200);
    const baseline = body.scenarios.find((s: { name: string }) => s.name === "baseline");
    expect(baseline.origin).toBe("ready-made");
    expect(baseline.updatedAt).toBeUndefined();
    expect(baseline.title).toMatch(/^Baseline/);
  });

  it("saves a valid scenario, returns it, lists it and replaces it", async () => {
    const created = await request(server.url, "/api/scenarios/dy-ban", { method: "PUT", json: { yaml: BAN } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "dy-ban", title: "Dy/Tb ban to Japan", origin: "saved", yaml: BAN });
    const replaced = await request(server.url, "/api/scenarios/dy-ban", { method: "PUT", json: { yaml: BAN.replace("months: 24", "months: 30") } });
    expect(replaced.status).toBe(200);
    const got = await request(server.url, "/api/scenarios/dy-ban");
    expect(got.body.yaml).toContain("months: 30");
    const list = await request(server.url, "/api/scenarios");
    expect(list.body.scenarios.filter((s: { origin: string }) => s.origin === "saved").map((s: { name: string }) => s.name)).toContain("dy-ban");
  });

  it("refuses an invalid scenario with 422 and located issues, and stores nothing", async () => {
    const { status, headers, body } = await request(server.url, "/api/scenarios/bad-region", { method: "PUT", json: { yaml: UNKNOWN_REGION } });
    expect(status).toBe(422);
    expect(headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ type: "urn:chokepoint:problem:invalid-scenario", title: "Invalid scenario", status: 422 });
    expect(body.issues).toEqual([{
      code: "unknown_reference", path: ["policies", 0, "destinations", "only", 0], file: "bad-region.yaml", line: 11, column: 28,
      message: `unknown region "US"; expected one defined in the world's regions.yaml: CN, AU, JP`, expected: "a region from regions.yaml", received: "US",
    }]);
    expect(body.detail).toContain("bad-region.yaml:11:28  policies[0].destinations.only[0]");
    expect((await request(server.url, "/api/scenarios/bad-region")).status).toBe(404);
  });

  it("reports YAML syntax and shape errors with line and column", async () => {
    const { status, body } = await request(server.url, "/api/scenarios/shape", { method: "PUT", json: { yaml: "name: X\nmonths: many\n" } });
    expect(status).toBe(422);
    expect(body.issues[0]).toMatchObject({ path: ["months"], line: 2, column: 9, message: 'expected a number, got "many"' });
  });

  it("follows extends to saved scenarios first and ready-made ones second", async () => {
    const child = "name: Longer ban\nextends: dy-ban\nmonths: 36\n";
    expect((await request(server.url, "/api/scenarios/dy-ban-long", { method: "PUT", json: { yaml: child } })).status).toBe(201);
    const fromReadyMade = "name: Short baseline\nextends: baseline\nmonths: 12\n";
    expect((await request(server.url, "/api/scenarios/short", { method: "PUT", json: { yaml: fromReadyMade } })).status).toBe(201);
  });

  it("refuses extends of an unknown scenario, of a path, and a cycle", async () => {
    const unknown = await request(server.url, "/api/scenarios/orphan", { method: "PUT", json: { yaml: "name: Orphan\nextends: nowhere\n" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues[0]).toMatchObject({ code: "unknown_reference", path: ["extends"], line: 2, column: 10 });
    expect(unknown.body.issues[0].message).toMatch(/^unknown scenario "nowhere"; expected one of .*baseline/);
    const path = await request(server.url, "/api/scenarios/orphan", { method: "PUT", json: { yaml: "name: Orphan\nextends: ../../etc/passwd\n" } });
    expect(path.status).toBe(422);
    expect(path.body.issues[0].message).toContain("the server does not read scenario files by path");
    const cycle = await request(server.url, "/api/scenarios/dy-ban", { method: "PUT", json: { yaml: BAN.replace("start: 2025-01", "extends: dy-ban-long\nstart: 2025-01") } });
    expect(cycle.status).toBe(422);
    expect(cycle.body.issues[0].message).toBe("extends forms a cycle: dy-ban → dy-ban-long → dy-ban");
  });

  it("refuses a scenario that names a world folder", async () => {
    const { status, body } = await request(server.url, "/api/scenarios/elsewhere", { method: "PUT", json: { yaml: "name: Elsewhere\nworld: ../../world\n" } });
    expect(status).toBe(422);
    expect(body.issues[0]).toMatchObject({ path: ["world"], line: 2, column: 8, hint: "remove the world field" });
  });

  it("validates without saving, always answering 200", async () => {
    const ok = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yaml: BAN } });
    expect(ok).toMatchObject({ status: 200, body: { valid: true, issues: [] } });
    const bad = await request(server.url, "/api/scenarios/validate", { method: "POST", json: { yaml: UNKNOWN_REGION } });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.issues[0]).toMatchObject({ file: "scenario.yaml", line: 11, column: 28 });
  });

  it("deletes saved scenarios only", async () => {
    expect((await request(server.url, "/api/scenarios/short", { method: "DELETE" })).status).toBe(204);
    expect((await request(server.url, "/api/scenarios/short")).status).toBe(404);
    expect((await request(server.url, "/api/scenarios/short", { method: "DELETE" })).status).toBe(404);
    const readyMade = await request(server.url, "/api/scenarios/baseline", { method: "DELETE" });
    expect(readyMade.status).toBe(409);
    expect(readyMade.body.detail).toContain("only saved scenarios can be deleted");
    const overwrite = await request(server.url, "/api/scenarios/baseline", { method: "PUT", json: { yaml: BAN } });
    expect(overwrite.status).toBe(409);
    expect((await request(server.url, "/api/scenarios/baseline")).body.origin).toBe("ready-made");
  });

  it("refuses to delete a saved scenario that another saved scenario extends (409)", async () => {
    expect((await request(server.url, "/api/scenarios/parent-x", { method: "PUT", json: { yaml: BAN } })).status).toBe(201);
    const child = "name: child\nextends: parent-x\nmonths: 12\n";
    expect((await request(server.url, "/api/scenarios/child-x", { method: "PUT", json: { yaml: child } })).status).toBe(201);
    const refused = await request(server.url, "/api/scenarios/parent-x", { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('"parent-x" is extended by saved scenario(s) child-x');
    expect((await request(server.url, "/api/scenarios/child-x", { method: "DELETE" })).status).toBe(204);
    expect((await request(server.url, "/api/scenarios/parent-x", { method: "DELETE" })).status).toBe(204);
  });

  it("refuses (409) to save a parent version that would make a saved scenario extending it invalid, and keeps the old one", async () => {
    expect((await request(server.url, "/api/scenarios/base-y", { method: "PUT", json: { yaml: BAN } })).status).toBe(201);
    // The child suspends the parent's policy by id; a grandchild extends the child.
    const child = "name: child-y\nextends: base-y\npolicies:\n  - id: pause\n    kind: suspension\n    suspends: [cn-ban]\n    from: 2025-09\n    until: 2025-12\n";
    expect((await request(server.url, "/api/scenarios/child-y", { method: "PUT", json: { yaml: child } })).status).toBe(201);
    expect((await request(server.url, "/api/scenarios/grandchild-y", { method: "PUT", json: { yaml: "name: grandchild-y\nextends: child-y\nmonths: 12\n" } })).status).toBe(201);
    // A new parent without the policy the child suspends.
    const renamed = BAN.replace("id: cn-ban", "id: cn-ban-2");
    const refused = await request(server.url, "/api/scenarios/base-y", { method: "PUT", json: { yaml: renamed } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('saving "base-y" would make saved scenario(s) child-y, grandchild-y invalid');
    expect(refused.body.issues[0].file).toBe("child-y.yaml");
    expect(refused.body.issues[0].message).toContain("cn-ban");
    // Nothing changed: the old parent is still there, and a compatible new version saves.
    expect((await request(server.url, "/api/scenarios/base-y")).body.yaml).toBe(BAN);
    expect((await request(server.url, "/api/scenarios/base-y", { method: "PUT", json: { yaml: BAN.replace("months: 24", "months: 30") } })).status).toBe(200);
    for (const name of ["grandchild-y", "child-y", "base-y"]) expect((await request(server.url, `/api/scenarios/${name}`, { method: "DELETE" })).status).toBe(204);
  });

  it("sees a child written in flow style too: its parent cannot be deleted or broken", async () => {
    expect((await request(server.url, "/api/scenarios/base-z", { method: "PUT", json: { yaml: BAN } })).status).toBe(201);
    const child = "{ name: child-z, extends: base-z, policies: [{ id: pause, kind: suspension, suspends: [cn-ban], from: 2025-09, until: 2025-12 }] }\n";
    expect((await request(server.url, "/api/scenarios/child-z", { method: "PUT", json: { yaml: child } })).status).toBe(201);
    expect((await request(server.url, "/api/scenarios/base-z", { method: "DELETE" })).status).toBe(409);
    expect((await request(server.url, "/api/scenarios/base-z", { method: "PUT", json: { yaml: BAN.replace("id: cn-ban", "id: other") } })).status).toBe(409);
    for (const name of ["child-z", "base-z"]) expect((await request(server.url, `/api/scenarios/${name}`, { method: "DELETE" })).status).toBe(204);
  });

  it("rejects names that are paths (400) and touches no file", async () => {
    const parent = dirname(server.dataDir);
    const before = { data: readdirSync(server.dataDir).sort(), parent: readdirSync(parent).sort() };
    for (const name of ["..%2F..%2Fevil", "..%2Fevil.yaml", "..%5Cevil", "Evil", "a%2Fb", "%2Fetc%2Fpasswd"]) {
      const put = await request(server.url, `/api/scenarios/${name}`, { method: "PUT", json: { yaml: BAN } });
      expect(put.status, name).toBe(400);
      expect(put.body.issues[0]).toMatchObject({ code: "invalid_format", path: ["params", "name"] });
      expect((await request(server.url, `/api/scenarios/${name}`)).status, name).toBe(400);
      expect((await request(server.url, `/api/scenarios/${name}`, { method: "DELETE" })).status, name).toBe(400);
    }
    expect(readdirSync(server.dataDir).sort()).toEqual(before.data);
    expect(readdirSync(parent).sort()).toEqual(before.parent);
  });
});
