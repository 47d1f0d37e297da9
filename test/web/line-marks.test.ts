import { describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/scenario/parse.js";
import { countLines, markIssueLines, offsetOfLine, ownFilePredicate } from "../../web/src/lib/line-marks.js";

const TEXT = `name: Test
extends: apr-2025
months: 36
policies:
  - id: mm-half
    kind: supply-shock
    target: { region: MM, stage: mine }
    lossShare: 1.5
    from: 2025-06
`;

describe("markIssueLines", () => {
  it("puts a schema issue from the scenario parser on its line, as line:column field — message", () => {
    const { issues } = parseScenarioText("scenario.yaml", TEXT);
    const marks = markIssueLines(issues, { lineCount: countLines(TEXT) });
    expect([...marks.byLine.keys()]).toEqual([8]);
    expect(marks.marks.map((m) => m.text)).toMatchInlineSnapshot(`
      [
        "8:16 policies[0].lossShare — expected a number <= 1, got 1.5",
      ]
    `);
    expect(marks.unplaced).toEqual([]);
  });

  it("marks a YAML syntax error at the line the parser reports", () => {
    const broken = "name: Test\nmonths: 36\npolicies:\n  - id: a\n   kind: x\n";
    const { issues } = parseScenarioText("scenario.yaml", broken);
    const marks = markIssueLines(issues, { lineCount: countLines(broken) });
    expect(marks.marks.length).toBeGreaterThan(0);
    expect(marks.marks[0]?.line).toBe(5);
    expect(marks.marks[0]?.text).toMatch(/^5:\d+ \(top level\) — not valid YAML: /);
  });

  it("groups several issues on one line in column order", () => {
    const marks = markIssueLines([
      { code: "invalid_value", path: ["b"], message: "second", line: 2, column: 9 },
      { code: "invalid_value", path: ["a"], message: "first", line: 2, column: 3 },
    ], { lineCount: 3 });
    expect(marks.byLine.get(2)?.map((m) => m.message)).toEqual(["first", "second"]);
  });

  it("keeps issues without a position, or from another file, off the lines", () => {
    const marks = markIssueLines([
      { code: "missing_field", path: ["name"], message: "missing; expected string" },
      { code: "inconsistent_value", path: ["policies", 2], file: "scenarios/apr-2025.yaml", line: 40, column: 5, message: "contradicts", hint: "add a suspension" },
      { code: "too_big", path: ["months"], file: "scenario.yaml", line: 3, column: 9, message: "expected a number <= 600, got 900" },
    ], { lineCount: 10, isOwnFile: ownFilePredicate(["apr-2025", "baseline"], undefined) });
    expect(marks.marks.map((m) => m.text)).toEqual(["3:9 months — expected a number <= 600, got 900"]);
    expect(marks.unplaced).toEqual([
      { text: "name — missing; expected string", hint: undefined },
      { text: "scenarios/apr-2025.yaml:40:5 policies[2] — contradicts", hint: "add a suspension" },
    ]);
  });

  it("clamps a line past the end of a text that changed since it was validated", () => {
    const marks = markIssueLines([{ code: "invalid_value", path: [], message: "x", line: 99, column: 1 }], { lineCount: 4 });
    expect([...marks.byLine.keys()]).toEqual([4]);
  });
});

describe("ownFilePredicate", () => {
  const own = ownFilePredicate(["apr-2025", "baseline", "mine"], "mine");
  it("treats the posted text and the scenario being edited as the edited text", () => {
    expect(own(undefined)).toBe(true);
    expect(own("scenario.yaml")).toBe(true);
    expect(own("mine.yaml")).toBe(true);
  });
  it("treats other known scenarios (parents) as other files", () => {
    expect(own("scenarios/apr-2025.yaml")).toBe(false);
    expect(own("baseline.yaml")).toBe(false);
  });
});

describe("line offsets", () => {
  it("counts lines as an editor shows them", () => {
    expect(countLines("")).toBe(1);
    expect(countLines("a\nb\n")).toBe(3);
  });
  it("finds the offset of a line and column, clamped to the line", () => {
    const text = "ab\ncdef\ng";
    expect(offsetOfLine(text, 1)).toBe(0);
    expect(offsetOfLine(text, 2, 3)).toBe(5);
    expect(offsetOfLine(text, 2, 99)).toBe(7);
    expect(offsetOfLine(text, 9)).toBe(text.length);
  });
});
