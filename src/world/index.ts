/**
 * @module world
 * Loading and validation of world datasets: schemas are applied at the edge, then cross-record
 * checks; every problem is reported with file, line, column and field. Isomorphic; reading a
 * folder from disk is `world/node.ts`. It does not simulate or summarise (see engine, analysis).
 */
export { parseWorld, parseWorldOrThrow, REQUIRED_WORLD_FILES } from "./parse-world.js";
export type { WorldFileText, WorldParseResult } from "./parse-world.js";
export { expandElements, elementClassOf } from "./elements.js";
