import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario } from "../scenario/node.js";
import { describe, expect, it } from "vitest";
import { UsageError } from "./io.js";
import { runOutputFiles, runScenarioForCli } from "./run-pipeline.js";

const TINY = new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname;
const SCENARIO = new URL("../../test/fixtures/scenarios/tiny/dy-ban.yaml", import.meta.url).pathname;
const LONGER = new URL("../../test/fixtures/scenarios/tiny/dy-ban-longer.yaml", import.meta.url).pathname;

describe("runScenarioForCli", () => {
  it("rejects a --region the world does not have before it runs anything", () => {
    const steps: string[] = [];
    const run = () => runScenarioForCli(SCENARIO, { world: TINY, baseline: false, region: "XX", onStep: (text) => steps.push(text) });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(/--region XX: not a region of this world; expected one of CN, AU, JP/);
    expect(steps.some((s) => s.startsWith("running"))).toBe(false);
  });

  it("suggests the region a user most likely meant (a lower-case id)", () => {
    const run = () => runScenarioForCli(SCENARIO, { world: TINY, baseline: false, region: "jp" });
    expect(run).toThrow(/--region jp: not a region of this world; did you mean JP\? expected one of CN, AU, JP/);
  });

  it("compares a scenario with its own compareWith (a path relative to its file) unless --baseline says otherwise; a child does not inherit it", () => {
    const byDefault = runScenarioForCli(LONGER, { world: TINY });
    expect(byDefault.baseline?.name).toBe("Tiny Dy ban");
    expect(byDefault.report.baselineName).toBe("Tiny Dy ban");
    expect(runScenarioForCli(LONGER, { world: TINY, baseline: SCENARIO.replace("dy-ban.yaml", "baseline.yaml") }).baseline?.name).toBe("Tiny baseline");
    // dy-ban.yaml says nothing: the ready-made baseline, as before (the tiny world runs it over the scenario's horizon).
    expect(loadScenario(SCENARIO, { worldDir: TINY }).compareWith).toBeUndefined();
    expect(loadScenario(LONGER, { worldDir: TINY }).compareWith).toBe(SCENARIO);
  });

  it("rejects a compareWith that names no scenario, at its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-compare-with-"));
    try {
      const file = join(dir, "s.yaml");
      writeFileSync(file, `name: s\nextends: ${SCENARIO}\ncompareWith: ./nowhere.yaml\n`);
      expect(() => loadScenario(file, { worldDir: TINY })).toThrow(/s\.yaml:3:14 {2}compareWith\n {2}no scenario file .*nowhere\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records what produced the files: the version, the commit of a checkout and the world data's digest", () => {
    const run = runScenarioForCli(SCENARIO, { world: TINY, baseline: false });
    const files = runOutputFiles(run);
    const produced = JSON.parse(files.get("run.json") ?? "{}").chokepoint.producedBy;
    expect(produced.chokepointVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(produced.worldSha1).toMatch(/^[0-9a-f]{40}$/);
    // In a git checkout (CI clones one) the commit is named; without git, it is left out.
    let head: string | undefined;
    try {
      head = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      head = undefined;
    }
    expect(produced.commit).toBe(head);
    expect(JSON.parse(files.get("chokepoint-run.json") ?? "{}").producedBy).toEqual(produced);
  });
});
