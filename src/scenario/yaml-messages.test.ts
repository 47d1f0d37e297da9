import { describe, expect, it } from "vitest";
import { formatIssues } from "../model/issue-text.js";
import { indentationHint } from "../model/yaml-edge.js";
import { parseScenarioText } from "./parse.js";

const problems = (text: string) => formatIssues(parseScenarioText("s.yaml", text).issues);

describe("YAML and field messages a user can act on (user review)", () => {
  it("reports a mis-indented key once per line, with where the indentation breaks", () => {
    const text = "name: x\npolicies:\n  - id: x\n    kind: stockpile\n    region: JP\n   action: release\n    tonnesPerMonth: { Dy: 5 }\n    from: 2026-11\n";
    const out = problems(text);
    // The parser reports line 6 three ways; one of them is kept, with the hint.
    expect(out.match(/^s\.yaml:6:/gm)).toHaveLength(1);
    expect(out).toContain("fix: check the indentation: line 6 starts at column 4, the line above at column 5");
  });

  it("gives no indentation hint where the indentation opens a block or continues a list item", () => {
    const lines = ["policies:", "  - id: x", "    kind: stockpile", "    tonnesPerMonth:", "      Dy: 5"];
    expect(indentationHint(lines, 3)).toBeUndefined();
    expect(indentationHint(lines, 5)).toBeUndefined();
    expect(indentationHint(["a: 1", "  b: 2"], 2)).toContain("line 2 starts at column 3, the line above at column 1");
  });

  it("names the elements for an unknown key of a mapping keyed by element", () => {
    const text = "name: x\npolicies:\n  - { id: r, kind: stockpile, region: JP, action: release, tonnesPerMonth: { Dy: 10, DY: 3, Xx: 1 }, from: 2026-11 }\n";
    const out = problems(text);
    expect(out).toContain('policies[0].tonnesPerMonth.DY\n  unknown element "DY"; expected one of "Sc", "Y"');
    expect(out).toContain('fix: did you mean "Dy"?');
    expect(out).toContain('policies[0].tonnesPerMonth.Xx\n  unknown element "Xx"');
    // A field that is not an element keeps the format's wording, even when it is short (a code review: "nm" was read as an element).
    expect(problems("nm: test\n")).toContain('unknown field "nm"');
    // A field that is not an element keeps the format's wording.
    expect(problems("name: x\npolicies:\n  - { id: r, kind: stockpile, region: JP, action: release, tonnesPerMonth: { Dy: 1 }, from: 2026-11, untill: 2027-01 }\n")).toContain('unknown field "untill"');
  });
});
