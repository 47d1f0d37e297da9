/**
 * What the what-if controls say (issue: sliders without accessible names, the stockpile list silently leaving out the EU,
 * and a licence slider that changes every Chinese licence for every destination without saying so).
 */
import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../../src/world/node.js";
import { licenceHelpText, licenceValueText, stockpileChoices, WHAT_IF_CONTROL_NAMES } from "../../web/src/lib/what-if-wording.js";

describe("stockpile region choices", () => {
  const world = loadWorldFromDirectory();

  it("offers the regions holding a strategic stockpile in world/markets.yaml, and names the EU among those that hold none", () => {
    const choices = stockpileChoices(world);
    expect(choices.holders.map((h) => h.region)).toEqual(["CN", "JP", "KR", "US"]);
    expect(choices.without[0]).toEqual({ region: "EU", name: "European Union" });
    expect(choices.without.map((r) => r.region).sort()).toEqual(world.regions.map((r) => r.id).filter((id) => !["CN", "JP", "KR", "US"].includes(id)).sort());
    expect(choices.note).toBe(`EU and ${world.regions.length - 5} other regions hold no strategic stockpile in the world data (world/markets.yaml): only CN, JP, KR and US can release one.`);
  });

  it("words the note for one region without, and for a world with no stockpile", () => {
    const regions = [{ id: "JP", name: "Japan" }, { id: "EU", name: "European Union" }];
    expect(stockpileChoices({ regions, stockpiles: [{ region: "JP", holder: "JOGMEC" }] }).note).toBe("EU holds no strategic stockpile in the world data (world/markets.yaml): only JP can release one.");
    expect(stockpileChoices({ regions, stockpiles: [] }).note).toBe("No region holds a strategic stockpile in the world data (world/markets.yaml): there is nothing to release.");
  });
});

describe("licence slider wording", () => {
  const apr = { mode: "scenario" as const, policyIds: ["a", "b", "c", "d"], approvalShares: [0.5, 0.95, 1] };

  it("says it sets every Chinese licence for every destination at once", () => {
    expect(licenceHelpText(apr)).toBe("Sets one approval share on all 4 of the scenario's Chinese export licences, for every element and every destination at once (they now range 50–100 % by licence and destination); it cannot single out one destination.");
    expect(licenceHelpText({ mode: "add" })).toMatch(/adds one on Dy and Tb \(oxide to magnets\) for every destination/);
    expect(licenceHelpText({ mode: "blocked", reason: "the scenario's export-ban \"x\" already controls China's exports" })).toBe("Not available: the scenario's export-ban \"x\" already controls China's exports.");
    expect(WHAT_IF_CONTROL_NAMES.licence).toMatch(/every Chinese export licence and every destination at once/);
  });

  it("gives the slider's value in words, as written until moved", () => {
    expect(licenceValueText(undefined, apr)).toBe("as written (50–100 %)");
    expect(licenceValueText(undefined, { ...apr, approvalShares: [0.5] })).toBe("as written (50 %)");
    expect(licenceValueText(0.4, apr)).toBe("40%");
    expect(licenceValueText(undefined, { mode: "add" })).toBe("as written");
  });

  it("names every control starting with its visible label", () => {
    expect(Object.values(WHAT_IF_CONTROL_NAMES).every((name) => name.length > 0)).toBe(true);
    expect(WHAT_IF_CONTROL_NAMES.licence.startsWith("China's licence approval share")).toBe(true);
    expect(WHAT_IF_CONTROL_NAMES.myanmar.startsWith("Myanmar mine output")).toBe(true);
    expect(WHAT_IF_CONTROL_NAMES.stockpile.startsWith("Stockpile release")).toBe(true);
    expect(WHAT_IF_CONTROL_NAMES.fromMonth.startsWith("Measures start")).toBe(true);
  });
});
