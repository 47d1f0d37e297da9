import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const TINY = join(ROOT, "test/fixtures/worlds/tiny");

function chokepoint(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/chokepoint.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("chokepoint data check (real CLI)", () => {
  it("says what a valid world holds and exits 0", () => {
    const r = chokepoint("data", "check", "--world", TINY);
    expect(r.code).toBe(0);
    expect(r.out).toContain("is valid: 16 elements, 3 regions, 3 mines");
  });

  it("lists every problem with file:line:column and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-broken-"));
    cpSync(TINY, dir, { recursive: true });
    const mines = join(dir, "mines.yaml");
    writeFileSync(mines, readFileSync(mines, "utf8").replace("capacityTonnesReoPerYear: 600", "capacityTonnesReoPerYear: -600"));
    const r = chokepoint("data", "check", "--world", dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mines\.yaml:31:31 {2}mines\[2\]\.capacityTonnesReoPerYear\n {2}expected a number >= 0, got -600\n1 problem found/);
    expect(r.out).toBe("");
  });

  it("exits 2 on a folder that does not exist", () => {
    const r = chokepoint("data", "check", "--world", "/nonexistent/world");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--world /nonexistent/world: no such folder");
  });

  it("exits 2 on an unknown command", () => {
    expect(chokepoint("frobnicate").code).toBe(2);
  });
});

describe("chokepoint facts (real CLI)", () => {
  it("prints the stage table with references", () => {
    const r = chokepoint("facts", "--world", TINY);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Mining");
    expect(r.out).toContain("Published references:");
    for (const line of r.out.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("prints JSON with --json", () => {
    const r = chokepoint("facts", "--world", TINY, "--json");
    const parsed = JSON.parse(r.out) as { facts: { stage: string; group: string; chinaShare: number }[] };
    expect(parsed.facts.find((f) => f.stage === "separation" && f.group === "all")?.chinaShare).toBe(1);
  });
});

describe("the bundled world", () => {
  it("passes chokepoint data check", () => {
    const r = chokepoint("data", "check");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/is valid: 16 elements, 19 regions/);
  });

  it("meets USGS's 2024 mine output and China's share in chokepoint facts", () => {
    const r = chokepoint("facts", "--json");
    const facts = JSON.parse(r.out) as { references: { reference: { id: string }; isDeparture: boolean }[] };
    const byId = new Map(facts.references.map((c) => [c.reference.id, c]));
    expect(byId.get("ref:cn-mine-share-2024")?.isDeparture).toBe(false);
    expect(byId.get("ref:world-mine-output-2024")?.isDeparture).toBe(false);
    expect(byId.get("ref:cn-magnet-share-2024")?.isDeparture).toBe(false);
    expect(byId.get("ref:cn-heavy-separation-share-2024")?.isDeparture).toBe(false);
  });
});
