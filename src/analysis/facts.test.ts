import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../world/node.js";
import { computeWorldFacts } from "./facts.js";
import { computeStageBalance } from "./stage-balance.js";

const tiny = loadWorldFromDirectory(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);

describe("computeStageBalance on the tiny world", () => {
  const balance = computeStageBalance(tiny);

  it("splits mine output by deposit profile (t REO)", () => {
    const cn = balance.stages.mine.byRegion.get("CN");
    // 1200 t rock × 15% Nd + 120 t clay × 20% Nd
    expect(cn?.Nd).toBeCloseTo(1200 * 0.15 + 120 * 0.2, 9);
    expect(cn?.Dy).toBeCloseTo(120 * 0.15, 9);
    expect(balance.stages.mine.byRegion.get("AU")?.Ce).toBeCloseTo(480 * 0.5, 9);
  });

  it("routes exported concentrate to the importer's separation feed", () => {
    const feedCn = balance.separationFeed.get("CN");
    expect(feedCn?.get("AU")?.La).toBeCloseTo(480 * 0.3, 9);
    expect(balance.separationFeed.has("AU")).toBe(false);
  });

  it("scales separation to the stated plant output when the feed is larger", () => {
    const cn = balance.stages.separation.byRegion.get("CN");
    const total = Object.values(cn ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1800, 6); // feed 1800 = stated output, scale 1
  });

  it("gives magnets element content from the demand-weighted recipe", () => {
    const cn = balance.stages.magnet.byRegion.get("CN");
    expect(cn?.Dy).toBeCloseTo(900 * 0.02, 9);
    expect(balance.stages.magnet.productTonnesByRegion?.get("JP")).toBe(150);
  });

  it("converts non-magnet demand from REO to element content", () => {
    const cn = balance.stages.use.byRegion.get("CN");
    expect(cn?.La).toBeCloseTo((600 * 0.7) / 1.1728, 9);
  });
});

describe("computeWorldFacts", () => {
  const facts = computeWorldFacts(tiny);

  it("computes shares, top-3 and HHI per stage and group", () => {
    const mine = facts.facts.find((f) => f.stage === "mine" && f.group === "all");
    expect(mine?.totalTonnes).toBeCloseTo(1800, 9);
    expect(mine?.chinaShare).toBeCloseTo(1320 / 1800, 9);
    expect(mine?.topRegion).toBe("CN");
    const shareCn = 1320 / 1800;
    expect(mine?.hhi).toBeCloseTo(10_000 * (shareCn ** 2 + (1 - shareCn) ** 2), 6);
    const dy = facts.facts.find((f) => f.stage === "mine" && f.group === "Dy");
    expect(dy?.chinaShare).toBe(1);
  });

  it("checks reference points against the computed figures and flags departures", () => {
    const [check] = facts.references;
    expect(check?.computed).toBeCloseTo(1320 / 1800, 9);
    expect(check?.isDeparture).toBe(Math.abs(1320 / 1800 - 0.7) > 0.05);
  });
});
