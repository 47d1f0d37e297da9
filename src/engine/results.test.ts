import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import { assertConstraintsFit, ConstraintShapeError, createNeutralConstraints } from "./constraints.js";
import { ND_OXIDE_FACTOR, ndWorld } from "./fixtures/small-worlds.js";
import { runSimulation } from "./run.js";
import { flowGraph, SelectionError, seriesFor, totalOver } from "./results.js";

const model = compileModel(ndWorld({ withMagnets: true, useCoverMonths: 1 }), { startMonth: "2024-01", months: 12 });
const result = runSimulation(model, createNeutralConstraints(model));

describe("result queries", () => {
  it("seriesFor sums open axes and picks named ones", () => {
    const mined = seriesFor(result, { variable: "production", stage: "mine" });
    const minedCn = seriesFor(result, { variable: "production", stage: "mine", region: "CN", element: "Nd" });
    expect(mined).toHaveLength(12);
    expect(mined[3]).toBeCloseTo(100 / ND_OXIDE_FACTOR, 9);
    expect(minedCn[3]).toBe(mined[3]);
    expect(seriesFor(result, { variable: "production", stage: "mine", region: "JP" })[3]).toBe(0);
  });

  it("totalOver sums flows over a period and averages prices", () => {
    expect(totalOver(result, { variable: "production", stage: "mine" }, 0, 12)).toBeCloseTo(1200 / ND_OXIDE_FACTOR, 6);
    expect(totalOver(result, { variable: "price", element: "Nd", market: "ex-china" })).toBeGreaterThan(0);
  });

  it("names what it does not know", () => {
    expect(() => seriesFor(result, { variable: "production", region: "XX" })).toThrow(SelectionError);
    expect(() => seriesFor(result, { variable: "price" })).toThrow(/needs an element/);
  });

  it("reads facility output, capacity and utilisation by facility, or output summed over a region and stage", () => {
    const magnets = seriesFor(result, { variable: "facility-output", facility: "plant:jp-magnet" });
    expect(magnets[6]).toBeGreaterThan(0);
    expect(magnets[6]).toBeCloseTo(seriesFor(result, { variable: "magnet-tonnes", region: "JP" })[6]!, 9);
    // Mined concentrate in t REO: the pure-Nd mine's element tonnes × the oxide factor.
    expect(seriesFor(result, { variable: "facility-output", region: "CN", stage: "mine" })[3]).toBeCloseTo(100, 9);
    const capacity = seriesFor(result, { variable: "facility-capacity", facility: "plant:jp-magnet" });
    const utilisation = seriesFor(result, { variable: "facility-utilisation", facility: "plant:jp-magnet" });
    expect(utilisation[6]).toBeCloseTo(magnets[6]! / capacity[6]!, 12);
    expect(totalOver(result, { variable: "facility-utilisation", facility: "plant:jp-magnet" }, 6, 7)).toBe(utilisation[6]);
    expect(() => seriesFor(result, { variable: "facility-utilisation", stage: "magnet" })).toThrow(/needs a facility/);
    expect(() => seriesFor(result, { variable: "facility-output", facility: "plant:nowhere" })).toThrow(SelectionError);
  });

  it("flowGraph links mine → separation → metal → magnet → use with positive tonnes", () => {
    const graph = flowGraph(result, 6);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["mine:CN", "separation:CN", "metal:CN", "magnet:JP", "use:US", "use:JP"]));
    expect(graph.links.every((l) => l.tonnes > 0)).toBe(true);
    const magnetsToUs = graph.links.find((l) => l.source === "magnet:JP" && l.target === "use:US");
    expect(magnetsToUs?.tonnes).toBeGreaterThan(0);
  });

  it("a run reusing an earlier result's buffers gives the same result as a fresh run", () => {
    const fresh = runSimulation(model, createNeutralConstraints(model), { seed: 3 });
    const scratch = runSimulation(model, createNeutralConstraints(model), { seed: 9 });
    const reused = runSimulation(model, createNeutralConstraints(model), { seed: 3, reuseBuffersOf: scratch });
    expect(reused.trade.link.buffer).toBe(scratch.trade.link.buffer);
    expect(reused.productionTonnes.buffer).toBe(scratch.productionTonnes.buffer);
    expect(reused).toEqual(fresh);
  });

  it("results are plain data that survive structured cloning", () => {
    const copy = structuredClone(result);
    expect(copy.productionTonnes).toEqual(result.productionTonnes);
    expect(copy.parameters).toEqual(result.parameters);
  });
});

describe("constraint shape checks", () => {
  it("rejects constraints built for another model, saying how to build them", () => {
    const other = compileModel(ndWorld(), { months: 6 });
    expect(() => assertConstraintsFit(model, createNeutralConstraints(other))).toThrow(ConstraintShapeError);
    expect(() => runSimulation(model, createNeutralConstraints(other))).toThrow(/createNeutralConstraints/);
  });
});
