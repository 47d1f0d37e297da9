/**
 * The scenario documentation stays true: every example of docs/scenarios.md is a fixture file that
 * `chokepoint scenario check` accepts on the bundled world, the copy in the docs is identical to the
 * file, the documented error output is what the CLI prints, and every ready-made scenario validates.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = new URL("../../", import.meta.url).pathname;
const EXAMPLES = join(ROOT, "test/fixtures/scenarios/examples");
const SCENARIOS = join(ROOT, "scenarios");
const DOC = readFileSync(join(ROOT, "docs/scenarios.md"), "utf8");

/** Run the real CLI (asynchronously, so that tests marked concurrent run side by side). */
function chokepoint(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin/chokepoint.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }, (error, out, err) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, out, err });
    });
  });
}

const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml")).sort();
const readyMade = readdirSync(SCENARIOS).filter((f) => f.endsWith(".yaml")).map((f) => basename(f, ".yaml")).sort();

/** The fenced block that follows each `<!-- example: path -->` marker in the docs. */
function documentedExamples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of DOC.matchAll(/<!-- example: (\S+) -->\n```yaml\n([\s\S]*?)\n```/g)) out.set(m[1] ?? "", m[2] ?? "");
  return out;
}

/** The text of the `n`-th fenced block of a language in the docs. */
function fencedBlock(language: string, n: number): string {
  const blocks = [...DOC.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)\\n```", "g"))].map((m) => m[1] ?? "");
  return blocks[n] ?? "";
}

describe("docs/scenarios.md examples", () => {
  it("has one example per policy kind, each a fixture file", () => {
    const documented = documentedExamples();
    const kinds = ["export-licence", "export-ban", "export-quota", "extraterritorial", "technology-ban", "tariff", "supply-shock", "demand-shock", "stockpile", "price-floor", "new-capacity", "suspension"];
    for (const kind of kinds) expect(documented.has(`test/fixtures/scenarios/examples/${kind}.yaml`), kind).toBe(true);
  });

  it("shows each example exactly as its fixture file", () => {
    for (const [path, text] of documentedExamples()) {
      expect(text, path).toBe(readFileSync(join(ROOT, path), "utf8").replace(/\n+$/, ""));
    }
  });

  it.concurrent.each(exampleFiles)("%s passes scenario check on the bundled world", async (file) => {
    const r = await chokepoint(["scenario", "check", join(EXAMPLES, file)]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("is valid");
  });

  it.concurrent("prints the documented errors for the broken example", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-scenario-doc-"));
    const broken = fencedBlock("yaml", 2);
    expect(broken).toContain("name: Broken example");
    writeFileSync(join(dir, "my-scenario.yaml"), `${broken}\n`);
    const shape = await chokepoint(["scenario", "check", "my-scenario.yaml"], dir);
    expect(shape.code).toBe(1);
    expect(shape.out).toBe("");
    expect(shape.err.trimEnd()).toBe(fencedBlock("text", 0));
    writeFileSync(join(dir, "my-scenario.yaml"), `${broken.replace("approvalShare: 1.5", "approvalShare: 0.5")}\n`);
    const refs = await chokepoint(["scenario", "check", "my-scenario.yaml"], dir);
    expect(refs.code).toBe(1);
    expect(refs.err.trimEnd()).toBe(fencedBlock("text", 1));
  });
});

describe("ready-made scenarios", () => {
  it.concurrent.each(readyMade)("%s passes scenario check", async (name) => {
    const r = await chokepoint(["scenario", "check", name]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it.concurrent("are all listed by `chokepoint scenarios` and in docs/scenarios.md", async () => {
    const listed = JSON.parse((await chokepoint(["scenarios", "--json"])).out) as { name: string }[];
    expect(listed.map((s) => s.name).sort()).toEqual(readyMade);
    for (const name of readyMade) expect(DOC, name).toContain(`| \`${name}\` |`);
  });

  it("oct-2025-returns+western-buildout repeats western-buildout's policies exactly", () => {
    const load = (name: string) => parse(readFileSync(join(SCENARIOS, `${name}.yaml`), "utf8")) as { policies: { id: string }[]; overrides?: unknown };
    const western = load("western-buildout");
    const combined = load("oct-2025-returns+western-buildout");
    expect(western.policies.length).toBeGreaterThan(0);
    for (const policy of western.policies) expect(combined.policies.find((p) => p.id === policy.id), policy.id).toEqual(policy);
    expect(combined.overrides).toEqual(western.overrides);
  });
});
