#!/usr/bin/env node
// Builds the `chokepoint` command into dist/cli/ (main.js and the server's run-worker.js) with esbuild, so the command
// starts without compiling TypeScript through tsx's loader (docs/performance.md). `npm install` runs it (the `prepare`
// script); bin/chokepoint.js runs it again whenever the sources changed since the last build, and falls back to the
// sources under tsx when it cannot build. Packages stay external: they load from node_modules as they do under tsx.
//
// dist/cli/ sits two folders below the package root, as src/<part>/ does, so the sources' `new URL("../../world/",
// import.meta.url)` and the like (world, scenarios, web/dist, package.json) resolve the same from the bundle: keep it so.
//
// Each built file starts with a banner naming the fingerprint of the sources it was built from; a build is fresh when
// both files carry the current one. Files are written whole and renamed into place, so a command started meanwhile
// reads a file of one build or the other, never half of one, and a mixed pair is never fresh.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT_DIR = fileURLToPath(new URL("../", import.meta.url));
export const CLI_DIST_DIR = join(ROOT_DIR, "dist", "cli");
const ENTRIES = { main: "src/cli/main.ts", "run-worker": "src/server/run-worker.ts" };
const BUILT_FILES = ["run-worker.js", "main.js"];
const BANNER = "// chokepoint-build ";

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

/** The fingerprint in a built file's banner (undefined when the file is missing or has none). */
export function builtFingerprint(file) {
  let fd;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(BANNER.length + 40);
    const read = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, read).toString("utf8");
    return text.startsWith(BANNER) ? text.slice(BANNER.length) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The built command's entry (a file URL) when both built files were built from the sources as they are now, else undefined. */
export function freshCliEntry(fingerprint = sourceFingerprint(), dir = CLI_DIST_DIR) {
  return BUILT_FILES.every((file) => builtFingerprint(join(dir, file)) === fingerprint) ? pathToFileURL(join(dir, "main.js")).href : undefined;
}

/** Build dist/cli from the sources and return its entry (a file URL). Throws what esbuild or the file system threw. */
export async function buildCli(fingerprint = sourceFingerprint()) {
  const { build } = await import("esbuild");
  mkdirSync(CLI_DIST_DIR, { recursive: true });
  const scratch = join(CLI_DIST_DIR, `.build-${process.pid}-${Date.now()}`);
  try {
    await build({
      absWorkingDir: ROOT_DIR,
      entryPoints: ENTRIES,
      outdir: scratch,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      banner: { js: `${BANNER}${fingerprint}` },
      logLevel: "silent",
    });
    // Maps first, then the worker, then the entry.
    const files = readdirSync(scratch).sort((a, b) => rank(a) - rank(b));
    for (const file of files) renameSync(join(scratch, file), join(CLI_DIST_DIR, file));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return pathToFileURL(join(CLI_DIST_DIR, "main.js")).href;
}

const rank = (file) => (file.endsWith(".map") ? 0 : file === "main.js" ? 2 : 1);

/** Whether this module is the script node was started with (also through a symlinked path). */
function isMain() {
  if (process.argv[1] === undefined) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const t0 = performance.now();
  await buildCli();
  console.log(`built ${join("dist", "cli")} in ${Math.round(performance.now() - t0)} ms`);
}
