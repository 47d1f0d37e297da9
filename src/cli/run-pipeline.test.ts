import { describe, expect, it } from "vitest";
import { UsageError } from "./io.js";
import { runScenarioForCli } from "./run-pipeline.js";

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
});
