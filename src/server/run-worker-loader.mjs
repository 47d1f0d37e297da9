// Worker entry when the server runs from its TypeScript sources (under tsx or vitest): tsx's ESM loader only, as
// bin/chokepoint.js uses (its CommonJS hooks slow the engine by ~20 %, docs/performance.md), then the worker itself.
import { register } from "tsx/esm/api";

register();
const worker = await import("./run-worker.ts");
export default worker.default;
