/**
 * The command runs a bundle of the sources (dist/cli, scripts/build-cli.mjs): it must be rebuilt whenever a source
 * changes, and must answer exactly as the sources do.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script without type declarations
import { freshCliEntry, sourceFingerprint } from "../../scripts/build-cli.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const fingerprintOf = sourceFingerprint as (root?: string) => string;
const entryFor = freshCliEntry as (fingerprint?: string) => string | undefined;

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

  it("is rebuilt from the sources as they are, and a stale stamp is not taken for fresh", () => {
    // Any run of the command leaves dist/cli built from the current sources.
    const version = chokepoint(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    const stamp = JSON.parse(readFileSync(join(ROOT, "dist", "cli", "build.json"), "utf8")) as { fingerprint: string };
    expect(stamp.fingerprint).toBe(fingerprintOf());
    expect(entryFor(stamp.fingerprint)).toMatch(/dist\/cli\/main\.js$/);
    expect(entryFor("0000000000000000000000000000000000000000")).toBeUndefined();
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
