/**
 * @module cli/provenance
 * What produced a run's files: the package version, the git commit of a checkout (and whether its model sources or data
 * had changes not committed), and the digest of the world data, so that two reports can be told apart when the dataset
 * version they name is the same.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { worldDigest } from "../world/node.js";

/** Where a run came from, as run.json and chokepoint-run.json record it. */
export interface RunProvenance {
  /** package.json version. */
  readonly chokepointVersion: string;
  /** Commit of the checkout the command ran from (12 hex digits), when it is a git checkout with git installed. */
  readonly commit?: string;
  /** True when src/, world/ or scenarios/ held changes not committed (the commit alone does not say what ran). */
  readonly uncommittedChanges?: boolean;
  /** SHA-1 of the world data the run used (`worldDigest`). */
  readonly worldSha1: string;
}

/** The package root: two folders up from src/cli/ and from the built dist/cli/. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The package's version (package.json at the package root). */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "0.0.0";

/** Provenance of a run on the world in `worldDir` (the bundled world when undefined). */
export function runProvenance(worldDir: string | undefined): RunProvenance {
  const git = (args: string[]) => execFileSync("git", ["-C", PACKAGE_ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5000 }).trim();
  let commit: { commit: string; uncommittedChanges: boolean } | undefined;
  try {
    // Only the package's own checkout: a package installed inside another repository is not that repository's commit.
    if (resolve(git(["rev-parse", "--show-toplevel"])) === resolve(PACKAGE_ROOT)) {
      commit = { commit: git(["rev-parse", "--short=12", "HEAD"]), uncommittedChanges: git(["status", "--porcelain", "--", "src", "world", "scenarios"]) !== "" };
    }
  } catch {
    // Not a git checkout, or no git: the version and the data digest stand alone.
  }
  return { chokepointVersion: PACKAGE_VERSION, ...(commit ?? {}), worldSha1: worldDir === undefined ? worldDigest() : worldDigest(worldDir) };
}
