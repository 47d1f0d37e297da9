import { describe, expect, it } from "vitest";
import { computeWorldFacts } from "../../src/analysis/facts.js";
import { loadWorldFromDirectory } from "../../src/world/node.js";
import { TINY_WORLD_DIR } from "../../src/server/fixtures/test-server.js";
import { checksOfFact, chinaSharePercentByStage, citationsOf, factsByStage, keyReadings, numberedChecks } from "../../web/src/lib/world-facts.js";

const world = loadWorldFromDirectory(TINY_WORLD_DIR);
const facts = computeWorldFacts(world);

describe("world facts for the World view", () => {
  it("groups facts by stage in chain order, six element groups each", () => {
    const stages = factsByStage(facts.facts);
    expect(stages.map((s) => s.stage)).toEqual(["mine", "separation", "metal", "magnet", "use"]);
    expect(stages.every((s) => s.facts.length === 6)).toBe(true);
  });
  it("numbers references from 1 and puts each beside the row it checks", () => {
    const checks = numberedChecks(facts);
    expect(checks.map((c) => c.number)).toEqual([1]);
    expect(checksOfFact(checks, { stage: "mine", group: "all" })).toEqual(checks);
    expect(checksOfFact(checks, { stage: "mine", group: "Dy" })).toEqual([]);
  });
  it("cites sources as publisher, title (year)", () => {
    const check = facts.references[0];
    if (check === undefined) throw new Error("the tiny world has a reference point");
    expect(citationsOf(check, world.sources)).toEqual([{ text: "Chokepoint tests, Invented figures for tests (2026)", url: undefined }]);
  });
  it("gives China's share by stage in percent for all REEs, Nd+Pr, Dy and Tb", () => {
    const { stages, groups } = chinaSharePercentByStage(facts.facts);
    expect(groups.map((g) => g.group)).toEqual(["all", "NdPr", "Dy", "Tb"]);
    const mineAll = facts.facts.find((f) => f.stage === "mine" && f.group === "all")?.chinaShare ?? -1;
    expect(groups[0]?.percents[stages.indexOf("mine")]).toBeCloseTo(100 * mineAll, 9);
  });
  it("reads the figures in sentences, ending with how many references are met", () => {
    const readings = keyReadings(facts);
    expect(readings[0]).toMatch(/^China holds \d+(\.\d)?% of mining, \d+(\.\d)?% of separation and \d+(\.\d)?% of magnet making \(all REEs\)\.$/);
    expect(readings[readings.length - 1]).toMatch(/^[01] of 1 published references are met within tolerance/);
  });
});
