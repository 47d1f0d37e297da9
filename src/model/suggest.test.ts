import { describe, expect, it } from "vitest";
import { closestNames, didYouMean } from "./suggest.js";

const SECTORS = ["sector:ev-traction", "sector:hybrids", "sector:wind", "sector:defense", "sector:smco-defense-aerospace", "sector:glass"];

describe("did you mean", () => {
  it("finds the same name in another case, a name that holds it or that it holds, and slips of a few letters", () => {
    expect(closestNames("dy", ["Tb", "Dy", "Y"])).toEqual(["Dy"]);
    expect(closestNames("sector:wind-turbines", SECTORS)).toEqual(["sector:wind"]);
    expect(closestNames("sector:defence", SECTORS)).toEqual(["sector:defense"]);
    expect(closestNames("oxyde", ["oxide", "metal", "ore"])).toEqual(["oxide"]);
  });

  it("suggests nothing rather than something unrelated", () => {
    expect(closestNames("sector:lasers", SECTORS)).toEqual([]);
    expect(didYouMean("Xx", ["Dy", "Tb"], { quote: true })).toBeUndefined();
    expect(didYouMean("sector:defence", SECTORS)).toBe("did you mean sector:defense?");
  });
});
