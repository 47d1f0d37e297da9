/**
 * The command runs a bundle of the sources (dist/cli, scripts/build-cli.mjs): it must be rebuilt whenever a source
 * changes, and must answer exactly as the sources do.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script without type declarations
import { builtFingerprint, freshCliEntry, sourceFingerprint } from "../../scripts/build-cli.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const fingerprintOf = sourceFingerprint as (root?: string) => string;
const entryFor = freshCliEntry as (fingerprint?: string) => string | undefined;
const bannerOf = builtFingerprint as (file: string) => string | undefined;
const DIST = join(ROOT, "dist", "cli");

function chokepoint(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, "bin/chokepoint.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
}

describe("the built command", () => {
  it("fingerprints every non-test source: a changed source changes it, a changed test does not", () => {
    const root = mkdtempSync(join(tmpdir(), "chokepoint-build-"));
    mkdirSync(join(root, "src", "engine"), { recursive: true });
    writeFileSync(join(root, "tsconfig.json"), "{}");
    writeFileSync(join(root, "src", "engine", "run.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "src", "engine", "run.test.ts"), "// a test\n");
    const before = fingerprintOf(root);
    expect(fingerprintOf(root)).toBe(before);
    writeFileSync(join(root, "src", "engine", "run.test.ts"), "// another test\n");
    expect(fingerprintOf(root)).toBe(before);
    writeFileSync(join(root, "src", "engine", "run.ts"), "export const a = 2;\n");
    expect(fingerprintOf(root)).not.toBe(before);
  });

  it("is rebuilt from the sources as they are: a build from other sources is not taken for fresh and is replaced", () => {
    const version = chokepoint(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    const current = fingerprintOf();
    expect(bannerOf(join(DIST, "main.js"))).toBe(current);
    expect(bannerOf(join(DIST, "run-worker.js"))).toBe(current);
    expect(entryFor(current)).toMatch(/dist\/cli\/main\.js$/);
    // A main.js built from other sources (swapped in whole, as a build does): not fresh, so the next command rebuilds it.
    const stale = join(DIST, `.stale-${process.pid}.js`);
    writeFileSync(stale, readFileSync(join(DIST, "main.js"), "utf8").replace(current, "0".repeat(40)));
    renameSync(stale, join(DIST, "main.js"));
    expect(entryFor(current)).toBeUndefined();
    const again = chokepoint(["--version"]);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe("");
    expect(bannerOf(join(DIST, "main.js"))).toBe(current);
  });

  it("answers as the TypeScript sources do, output and exit code, for a good and a bad input", () => {
    for (const args of [["scenario", "check", "apr-2025"], ["scenario", "check", "no-such-scenario"], ["facts"], ["run", "baseline", "--to", "2024-06", "--region", "JP"]]) {
      const built = chokepoint(args);
      const source = chokepoint(args, { CHOKEPOINT_FROM_SOURCE: "1" });
      expect(built.status).toBe(source.status);
      expect(built.stdout).toBe(source.stdout);
      expect(built.stderr).toBe(source.stderr);
    }
  });
});
