import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../../src/world/node.js";

const world = loadWorldFromDirectory();

/**
 * USGS Mineral Commodity Summaries 2025, rare earths: 2024 estimated mine production, t REO. Australia (USGS 13,000 t)
 * is checked on its own below: the data count Mt Weld's mined REO, not Lynas's finished products.
 */
const USGS_2024_MINE_OUTPUT: Record<string, number> = {
  CN: 270_000, US: 45_000, MM: 31_000, NG: 13_000, TH: 13_000, IN: 2_900, RU: 2_500, MG: 2_000, VN: 300,
};
/** Lynas's NdPr oxide in calendar 2024 (quarterly reports) and Mt Weld's NdPr share of TREO (profile:mt-weld). */
const LYNAS_NDPR_OXIDE_2024 = 6_197;
const MT_WELD_NDPR_SHARE = 0.237;

describe("the bundled world against USGS 2024", () => {
  const byRegion = new Map<string, number>();
  for (const mine of world.mines) byRegion.set(mine.region, (byRegion.get(mine.region) ?? 0) + (mine.output2024TonnesReo ?? 0));

  for (const [region, usgs] of Object.entries(USGS_2024_MINE_OUTPUT)) {
    it(`matches USGS mine output for ${region} within 5 %`, () => {
      const ours = byRegion.get(region) ?? 0;
      expect(Math.abs(ours - usgs) / usgs).toBeLessThanOrEqual(0.05);
    });
  }

  it("mines enough in Australia for Lynas's reported NdPr, above USGS's 13,000 t (which is close to Lynas's products)", () => {
    const ours = byRegion.get("AU") ?? 0;
    // At full recovery Lynas's 6,197 t of NdPr oxide needs 26,100 t REO of Mt Weld concentrate; allow 10 % for losses.
    expect(ours).toBeGreaterThanOrEqual(LYNAS_NDPR_OXIDE_2024 / MT_WELD_NDPR_SHARE);
    expect(ours).toBeLessThanOrEqual((1.1 * LYNAS_NDPR_OXIDE_2024) / MT_WELD_NDPR_SHARE);
  });

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
