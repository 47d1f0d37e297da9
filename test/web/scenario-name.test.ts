import { describe, expect, it } from "vitest";
import { scenarioNameSchema } from "../../src/model/api.js";
import { SCENARIO_NAME_RULE, scenarioNameProblem } from "../../web/src/lib/scenario-name.js";

describe("scenarioNameProblem", () => {
  it("names every character a scenario name may hold, as the API's schema does", () => {
    expect(scenarioNameSchema.safeParse("My_Scenario").error?.issues[0]?.message).toBe(SCENARIO_NAME_RULE);
    expect(scenarioNameProblem("My_Scenario")).toMatchInlineSnapshot(`"Expected a scenario name of lower-case letters, digits, dashes (-), plus signs (+) and dots (.), starting with a letter or digit (at most 64 characters), got "My_Scenario": e.g. my-scenario or apr-2025+stockpile."`);
    expect(scenarioNameProblem("")).toMatch(/, got nothing: e\.g\. /);
  });

  it("accepts exactly the names the server accepts", () => {
    const names = ["my-scenario", "oct-2025-returns+western-buildout", "apr-2025.v2", "0", "a".repeat(64), "a".repeat(65), "-x", "+x", ".x", "My", "a_b", "a b", "a/b", ""];
    for (const name of names) expect(scenarioNameProblem(name) === undefined, name).toBe(scenarioNameSchema.safeParse(name).success);
    expect(scenarioNameProblem("oct-2025-returns+western-buildout")).toBeUndefined();
    expect(scenarioNameProblem("apr-2025.v2")).toBeUndefined();
  });
});
