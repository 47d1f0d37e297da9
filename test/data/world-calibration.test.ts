import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../../src/world/node.js";

const world = loadWorldFromDirectory();

/** USGS Mineral Commodity Summaries 2025, rare earths: 2024 estimated mine production, t REO. */
const USGS_2024_MINE_OUTPUT: Record<string, number> = {
  CN: 270_000, US: 45_000, MM: 31_000, AU: 13_000, NG: 13_000, TH: 13_000, IN: 2_900, RU: 2_500, MG: 2_000, VN: 300,
};

describe("the bundled world against USGS 2024", () => {
  const byRegion = new Map<string, number>();
  for (const mine of world.mines) byRegion.set(mine.region, (byRegion.get(mine.region) ?? 0) + (mine.output2024TonnesReo ?? 0));

  for (const [region, usgs] of Object.entries(USGS_2024_MINE_OUTPUT)) {
    it(`matches USGS mine output for ${region} within 5 %`, () => {
      const ours = byRegion.get(region) ?? 0;
      expect(Math.abs(ours - usgs) / usgs).toBeLessThanOrEqual(0.05);
    });
  }

  it("holds all 16 modelled elements and the regions the issue names", () => {
    expect(world.elements.map((e) => e.symbol).sort()).toHaveLength(16);
    for (const r of ["CN", "MM", "LA", "US", "AU", "MY", "VN", "BR", "IN", "RU", "TH", "NG", "MG", "JP", "KR", "EU", "CA", "GL", "ROW"]) {
      expect(world.regions.map((x) => x.id)).toContain(r);
    }
  });

  it("has the pipeline of announced projects outside China with dates", () => {
    const planned = [...world.separationPlants, ...world.magnetPlants, ...world.metalPlants, ...world.mines]
      .filter((f) => f.region !== "CN" && ["planned", "construction", "commissioning"].includes(f.status));
    expect(planned.length).toBeGreaterThanOrEqual(15);
    for (const f of planned) expect(f.startMonth).toMatch(/^20(2[4-9]|3\d)-/);
  });

  it("says how every estimate was made", () => {
    const records = [...world.mines, ...world.separationPlants, ...world.metalPlants, ...world.magnetPlants, ...world.demand2024, ...world.depositProfiles];
    const estimated = records.filter((r) => r.estimate !== undefined);
    expect(estimated.length).toBeGreaterThan(0);
    for (const r of estimated) expect((r.estimate ?? "").length).toBeGreaterThanOrEqual(10);
    for (const p of world.depositProfiles) if (p.status === "estimate") expect(p.estimate ?? p.note).toBeDefined();
  });

  it("separates heavy rare earths only in China in 2024", () => {
    const heavySeparators = world.separationPlants.filter((p) => (p.output2024TonnesReo ?? 0) > 0 && p.separates.some((s) => s === "heavy" || ["Dy", "Tb"].includes(s)));
    expect(new Set(heavySeparators.map((p) => p.region))).toEqual(new Set(["CN"]));
  });
});
