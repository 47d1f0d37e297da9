import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { UsageError } from "./io.js";
import { runOutputFiles, runScenarioForCli } from "./run-pipeline.js";

const TINY = new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname;
const SCENARIO = new URL("../../test/fixtures/scenarios/tiny/dy-ban.yaml", import.meta.url).pathname;

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
