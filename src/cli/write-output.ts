/**
 * @module cli/write-output
 * Writes a set of files into a directory atomically: everything goes to a temporary sibling
 * folder first, which replaces the target only when every file is written. A failure leaves the
 * target as it was and no partial folder behind.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./io.js";

/** Files to write: path relative to the output folder → content. */
export type OutputFiles = ReadonlyMap<string, string>;

/**
 * Write `files` into `dir` atomically. An existing `dir` is replaced only if it is empty or was
 * written by Chokepoint before (holds `chokepoint-run.json`), so a typo cannot wipe an unrelated folder.
 */
export function writeOutputAtomically(dir: string, files: OutputFiles): void {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a folder`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes("chokepoint-run.json")) {
      throw new UsageError(`--out ${dir}: folder exists and was not written by chokepoint; choose an empty or new folder`);
    }
  }
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch {
    throw new UsageError(`--out ${dir}: cannot create its parent folder (a file of that name is in the way?)`);
  }
  const temp = join(parent, `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  const old = join(parent, `.${basename(target)}.old-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temp);
    for (const [name, content] of files) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(target)) renameSync(target, old);
    renameSync(temp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(old)) renameSync(old, target);
    throw error;
  }
}
