/**
 * @module world/node
 * Node-only entry: reads a world folder from disk and parses it. Everything else in `world/` is isomorphic.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { World } from "../model/world-schema.js";
import { parseWorld, parseWorldOrThrow, type WorldFileText, type WorldParseResult } from "./parse-world.js";

/** The bundled world folder shipped with the package. */
export const BUNDLED_WORLD_DIR = fileURLToPath(new URL("../../world/", import.meta.url));

/**
 * SHA-1 of a world folder's data (every file `readWorldFiles` reads, by path and content): two runs whose reports name
 * the same dataset version but different digests ran on different data.
 */
export function worldDigest(dir: string = BUNDLED_WORLD_DIR): string {
  const hash = createHash("sha1");
  for (const file of readWorldFiles(dir)) hash.update(`${file.path}\n${file.text.length}\n`).update(file.text);
  return hash.digest("hex");
}

/** Read every `.yaml` file of a world folder (top level and `sources/`). */
export function readWorldFiles(dir: string): WorldFileText[] {
  const files: WorldFileText[] = [];
  const walk = (current: string, depth: number) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) {
        if (depth === 0) walk(full, 1);
      } else if (/\.ya?ml$/.test(name)) {
        files.push({ path: relative(dir, full).split(sep).join("/"), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(dir, 0);
  return files;
}

function displayPrefixFor(dir: string): string {
  const rel = relative(process.cwd(), dir);
  const shown = rel === "" ? "." : rel.startsWith("..") ? dir : rel;
  return shown.endsWith("/") ? shown : `${shown}/`;
}

/** Load and validate a world folder; issues name files relative to the working directory. */
export function checkWorldDirectory(dir: string = BUNDLED_WORLD_DIR): WorldParseResult {
  return parseWorld(readWorldFiles(dir), { displayPrefix: displayPrefixFor(dir) });
}

/**
 * Load a world folder or throw `InputValidationError` listing every problem.
 * @example const world = loadWorldFromDirectory(); // the bundled 2024 world
 */
export function loadWorldFromDirectory(dir: string = BUNDLED_WORLD_DIR): World {
  return parseWorldOrThrow(readWorldFiles(dir), { displayPrefix: displayPrefixFor(dir) });
}
