import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../world/node.js";
import { compileModel } from "./compile.js";

const priceWarnings = (warnings: readonly string[]) => warnings.filter((w) => w.startsWith("no price for element"));

describe("calibration prices", () => {
  it("issue: the bundled world runs without a 'no price' warning: Tm is declared unpriced, with its reason", () => {
    const world = loadWorldFromDirectory();
    expect(world.unpricedElements?.map((u) => u.element)).toEqual(["Tm"]);
    expect(priceWarnings(compileModel(world, { startMonth: "2024-01", months: 1 }).warnings)).toEqual([]);
  });

  it("warns for an element without a price unless the world declares it unpriced, and prices both at the default", () => {
    const bundled = loadWorldFromDirectory();
    const world = { ...bundled, prices: bundled.prices.filter((p) => p.element !== "Er") };
    const declared = { ...world, unpricedElements: [...(world.unpricedElements ?? []), { element: "Er" as const, source: "test", estimate: "no price on purpose in this test" }] };
    expect(priceWarnings(compileModel(world, { startMonth: "2024-01", months: 1 }).warnings)).toEqual(["no price for element Er; using price.defaultUsdPerKg = 10"]);
    const model = compileModel(declared, { startMonth: "2024-01", months: 1 });
    expect(priceWarnings(model.warnings)).toEqual([]);
    const er = model.elementSymbols.indexOf("Er");
    expect([model.basePriceUsdPerKg[er * 2], model.basePriceUsdPerKg[er * 2 + 1]]).toEqual([10, 10]);
  });
});
