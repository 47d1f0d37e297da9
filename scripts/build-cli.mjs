#!/usr/bin/env node
// Builds the `chokepoint` command into dist/cli/ (main.js and the server's run-worker.js) with esbuild, so the command
// starts without compiling TypeScript on every call (under tsx's loader a `run` took ≈ 3× as long: docs/performance.md).
// `npm install` runs it (the `prepare` script); bin/chokepoint.js runs it again whenever the sources changed since the
// last build (their content fingerprint differs from dist/cli/build.json), and falls back to the sources under tsx
// when it cannot build. Packages stay external: they load from node_modules as they do under tsx.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT_DIR = fileURLToPath(new URL("../", import.meta.url));
export const CLI_DIST_DIR = join(ROOT_DIR, "dist", "cli");
const STAMP_FILE = join(CLI_DIST_DIR, "build.json");
const ENTRIES = { main: "src/cli/main.ts", "run-worker": "src/server/run-worker.ts" };

/** Content fingerprint of what the build reads: every non-test source file under src/, tsconfig.json and this script. */
export function sourceFingerprint(root = ROOT_DIR) {
  const hash = createHash("sha1");
  const add = (path) => {
    hash.update(path.slice(root.length));
    hash.update(readFileSync(path));
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|js|mjs|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) add(path);
    }
  };
  walk(join(root, "src"));
  add(join(root, "tsconfig.json"));
  add(fileURLToPath(import.meta.url));
  return hash.digest("hex");
}

/** The built command's entry (a file URL) when dist/cli was built from the sources as they are now, else undefined. */
export function freshCliEntry(fingerprint = sourceFingerprint()) {
  try {
    const stamp = JSON.parse(readFileSync(STAMP_FILE, "utf8"));
    return stamp.fingerprint === fingerprint ? pathToFileURL(join(CLI_DIST_DIR, "main.js")).href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Build dist/cli from the sources and return its entry (a file URL). Writes into a private folder first and renames
 * each file into place (the stamp last), so commands started meanwhile see either the old build or the new one.
 */
export async function buildCli(fingerprint = sourceFingerprint()) {
  const { build } = await import("esbuild");
  const scratch = join(CLI_DIST_DIR, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT_DIR,
      entryPoints: ENTRIES,
      outdir: scratch,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      logLevel: "silent",
      metafile: false,
    });
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.text).join("\n"));
    const files = readdirSync(scratch).sort((a, b) => (a.startsWith("main") === b.startsWith("main") ? 0 : a.startsWith("main") ? 1 : -1));
    for (const file of files) renameSync(join(scratch, file), join(CLI_DIST_DIR, file));
    writeFileSync(join(scratch, "build.json"), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
    renameSync(join(scratch, "build.json"), STAMP_FILE);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return pathToFileURL(join(CLI_DIST_DIR, "main.js")).href;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  mkdirSync(dirname(STAMP_FILE), { recursive: true });
  await buildCli();
  console.log(`built ${join("dist", "cli")} in ${Math.round(performance.now() - t0)} ms`);
}
