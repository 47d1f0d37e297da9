import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutputAtomically } from "./write-output.js";

describe("writeOutputAtomically", () => {
  it("writes every file and leaves no temporary folder", () => {
    const base = mkdtempSync(join(tmpdir(), "out-"));
    writeOutputAtomically(join(base, "report"), new Map([["chokepoint-run.json", "{}"], ["a/b.csv", "x\n"]]));
    expect(readFileSync(join(base, "report/a/b.csv"), "utf8")).toBe("x\n");
    expect(readdirSync(base)).toEqual(["report"]);
  });

  it("replaces an earlier run's folder", () => {
    const base = mkdtempSync(join(tmpdir(), "out-"));
    const dir = join(base, "report");
    writeOutputAtomically(dir, new Map([["chokepoint-run.json", "1"], ["old.csv", "old"]]));
    writeOutputAtomically(dir, new Map([["chokepoint-run.json", "2"]]));
    expect(readdirSync(dir)).toEqual(["chokepoint-run.json"]);
    expect(readdirSync(base)).toEqual(["report"]);
  });

  it("refuses to replace a folder it did not write", () => {
    const base = mkdtempSync(join(tmpdir(), "out-"));
    mkdirSync(join(base, "mine"));
    writeFileSync(join(base, "mine/thesis.docx"), "precious");
    expect(() => writeOutputAtomically(join(base, "mine"), new Map([["chokepoint-run.json", "{}"]]))).toThrow(/not written by chokepoint/);
    expect(readFileSync(join(base, "mine/thesis.docx"), "utf8")).toBe("precious");
  });

  it("leaves nothing behind when a write fails", () => {
    const base = mkdtempSync(join(tmpdir(), "out-"));
    // A file name that is a folder path collision makes the second write fail.
    const files = new Map([["chokepoint-run.json", "{}"], ["x", "file"], ["x/y.csv", "nested under a file"]]);
    expect(() => writeOutputAtomically(join(base, "report"), files)).toThrow();
    expect(existsSync(join(base, "report"))).toBe(false);
    expect(readdirSync(base)).toEqual([]);
  });
});
