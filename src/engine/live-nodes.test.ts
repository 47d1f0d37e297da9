import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../world/node.js";
import { compileModel } from "./compile.js";
import { createNeutralConstraints, FORM_COUNT, type EngineConstraints } from "./constraints.js";
import { arbitraryWorld, randomConstraints } from "./fixtures/arbitrary-world.js";
import { findLiveNodes } from "./live-nodes.js";
import type { SimulationResult } from "./result.js";
import { runSimulation } from "./run.js";

const MONTHS = 24;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

/** Names of the result arrays that differ bit for bit between two runs (trade records included). */
function differingSeries(a: SimulationResult, b: SimulationResult): string[] {
  const differ: string[] = [];
  for (const [key, value] of Object.entries(a)) {
    if (!(value instanceof Float64Array || value instanceof Float32Array)) continue;
    const other = (b as unknown as Record<string, Float64Array | Float32Array>)[key]!;
    const same = value.length === other.length && value.every((v, i) => Object.is(v, other[i]));
    if (!same) differ.push(key);
  }
  if (JSON.stringify(Array.from(a.trade.tonnes)) !== JSON.stringify(Array.from(b.trade.tonnes))) differ.push("trade");
  return differ;
}

/** Random constraints with strategic stock changes in every form (the generator's are oxide only). */
function constraintsFor(model: ReturnType<typeof compileModel>, seed: number): EngineConstraints {
  const constraints = randomConstraints(model, seed);
  const stockChanges = constraints.stockChanges.map((change, i) => ({ ...change, form: (seed + i) % FORM_COUNT }));
  return { ...constraints, stockChanges };
}

describe("live nodes", () => {
  it("leave out more than half of the bundled world's nodes, and the bundled baseline touches none of those", () => {
    const model = compileModel(loadWorldFromDirectory(), { startMonth: "2024-01", months: 60 });
    const constraints = createNeutralConstraints(model);
    const live = findLiveNodes(model, constraints);
    expect(live.nodeCount[0]!).toBeLessThan(live.isLive.length / 2);
    expect(() => runSimulation(model, constraints, { checkLiveNodes: true })).not.toThrow();
  });

  it("cover every node a generated world touches, with and without random constraints (stock changes in every form)", () => {
    const input = fc.tuple(arbitraryWorld(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean());
    fc.assert(
      fc.property(input, ([world, seed, policies]) => {
        const model = compileModel(world, { months: MONTHS });
        const constraints = policies ? constraintsFor(model, seed) : createNeutralConstraints(model);
        expect(() => runSimulation(model, constraints, { seed, sampleParameters: true, checkLiveNodes: true })).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it("change no result: a run that visits every node gives the same bits", () => {
    const input = fc.tuple(arbitraryWorld(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean());
    fc.assert(
      fc.property(input, ([world, seed, policies]) => {
        const model = compileModel(world, { months: MONTHS });
        const constraints = policies ? constraintsFor(model, seed) : createNeutralConstraints(model);
        const options = { seed, sampleParameters: true };
        const sparse = runSimulation(model, constraints, options);
        const dense = runSimulation(model, constraints, { ...options, allNodesLive: true });
        expect(differingSeries(sparse, dense)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
