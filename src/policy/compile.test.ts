import { describe, expect, it } from "vitest";
import { compileModel } from "../engine/index.js";
import { FORM_COUNT, FORM_INDEX, tradeConstraintOffset, type EngineConstraints } from "../model/constraints.js";
import { activeFractionByMonth, dayNumberOf, subtractWindows } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { applyPoliciesToWorld, compilePolicies, type ActivePolicy } from "./compile.js";
import { policySchema, type Policy } from "./kinds.js";

const world = loadWorldFromDirectory(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);
const START = "2024-01";
const MONTHS = 12;

function active(raw: Record<string, unknown>, suspensions: { from: string; until: string }[] = []): ActivePolicy {
  const policy = policySchema.parse(raw) as Policy;
  const window = { fromDay: dayNumberOf(policy.from), untilDay: policy.until === undefined ? Infinity : dayNumberOf(policy.until) };
  const holes = suspensions.map((s) => ({ fromDay: dayNumberOf(s.from), untilDay: dayNumberOf(s.until) }));
  return { policy, activeFractionByMonth: activeFractionByMonth(subtractWindows(window, holes), START, MONTHS) };
}

function compile(policies: ActivePolicy[], w: World = world): { c: EngineConstraints; model: ReturnType<typeof compileModel> } {
  const changed = applyPoliciesToWorld(w, policies, (i) => `2024-${String(i + 1).padStart(2, "0")}`);
  const model = compileModel(changed, { startMonth: START, months: MONTHS });
  return { c: compilePolicies(policies, model, changed, START), model };
}

function permit(c: EngineConstraints, model: ReturnType<typeof compileModel>, month: number, from: string, to: string, element: string, form: keyof typeof FORM_INDEX): number {
  const seg = c.segments[c.segmentOfMonth[month] ?? 0];
  const offset = tradeConstraintOffset(model, model.regionIndex[from] ?? -1, model.regionIndex[to] ?? -1, model.elementIndex[element] ?? -1, FORM_INDEX[form]);
  return seg?.exportPermitShare[offset] ?? NaN;
}

describe("compilePolicies", () => {
  it("gives one neutral segment when there is no policy", () => {
    const { c } = compile([]);
    expect(c.segments).toHaveLength(1);
    expect([...c.segments[0]!.exportPermitShare].every((v) => v === 1)).toBe(true);
  });

  it("export-licence: approved share after the start, pro rata in the start month, nothing else touched", () => {
    const { c, model } = compile([active({ id: "lic", kind: "export-licence", issuer: "CN", elements: ["Dy"], forms: ["oxide"], approvalShare: 0.4, delayWorkingDays: { median: 42, p90: 60 }, from: "2024-03-16" })]);
    expect(permit(c, model, 1, "CN", "JP", "Dy", "oxide")).toBe(1);
    // 16 of March's 31 days under licence: 1 − (16/31)(1 − 0.4)
    expect(permit(c, model, 2, "CN", "JP", "Dy", "oxide")).toBeCloseTo(1 - (16 / 31) * 0.6, 6);
    expect(permit(c, model, 3, "CN", "JP", "Dy", "oxide")).toBeCloseTo(0.4, 6);
    expect(permit(c, model, 3, "CN", "JP", "Ce", "oxide")).toBe(1);
    expect(permit(c, model, 3, "CN", "JP", "Dy", "metal")).toBe(1);
    expect(permit(c, model, 3, "AU", "JP", "Dy", "oxide")).toBe(1);
    const seg = c.segments[c.segmentOfMonth[3]!]!;
    const delay = seg.licenceDelayMonths[tradeConstraintOffset(model, model.regionIndex["CN"]!, model.regionIndex["JP"]!, model.elementIndex["Dy"]!, FORM_INDEX.oxide)];
    expect(delay).toBeCloseTo(2, 6); // 42 working days ÷ 21
    expect(c.segments).toHaveLength(3); // before, start month, after
  });

  it("export-ban inside a licence regime: the banned destination gets nothing, the others keep the licence", () => {
    const { c, model } = compile([
      active({ id: "lic", kind: "export-licence", issuer: "CN", elements: ["Dy"], forms: ["oxide"], approvalShare: 0.5, from: "2024-01" }),
      active({ id: "ban", kind: "export-ban", issuer: "CN", elements: ["Dy"], forms: ["oxide"], destinations: { only: ["JP"] }, from: "2024-03" }),
    ]);
    expect(permit(c, model, 1, "CN", "JP", "Dy", "oxide")).toBeCloseTo(0.5, 9);
    expect(permit(c, model, 3, "CN", "JP", "Dy", "oxide")).toBe(0);
    expect(permit(c, model, 3, "CN", "AU", "Dy", "oxide")).toBeCloseTo(0.5, 9);
  });

  it("export-licence on magnets containing Dy or Tb covers the whole magnet", () => {
    const { c, model } = compile([active({ id: "lic", kind: "export-licence", issuer: "CN", elements: ["Dy", "Tb"], forms: ["magnet-with-dy-tb"], approvalShare: 0.5, from: "2024-01" })]);
    expect(permit(c, model, 0, "CN", "JP", "Nd", "magnet")).toBeCloseTo(0.5, 6);
    expect(permit(c, model, 0, "CN", "JP", "Dy", "magnet")).toBeCloseTo(0.5, 6);
    expect(permit(c, model, 0, "CN", "JP", "Nd", "oxide")).toBe(1);
  });

  it("export-ban stops the covered goods only and only to the named destinations", () => {
    const { c, model } = compile([active({ id: "ban", kind: "export-ban", issuer: "CN", elements: ["Dy", "Tb"], forms: ["oxide", "metal"], destinations: { only: ["JP"] }, from: "2024-02" })]);
    expect(permit(c, model, 1, "CN", "JP", "Dy", "oxide")).toBe(0);
    expect(permit(c, model, 1, "CN", "JP", "Tb", "metal")).toBe(0);
    expect(permit(c, model, 1, "CN", "AU", "Dy", "oxide")).toBe(1);
    expect(permit(c, model, 1, "CN", "JP", "Ce", "oxide")).toBe(1);
    expect(permit(c, model, 0, "CN", "JP", "Dy", "oxide")).toBe(1);
  });

  it("suspension: a suspended ban is off inside the window, pro rata at the edges", () => {
    const ban = { id: "ban", kind: "export-ban", issuer: "CN", elements: ["Dy"], forms: ["oxide"], from: "2024-01-01" };
    const { c, model } = compile([active(ban, [{ from: "2024-04-16", until: "2024-07-01" }])]);
    expect(permit(c, model, 2, "CN", "JP", "Dy", "oxide")).toBe(0);
    expect(permit(c, model, 3, "CN", "JP", "Dy", "oxide")).toBeCloseTo(1 - 15 / 30, 6); // 1–15 April banned
    expect(permit(c, model, 4, "CN", "JP", "Dy", "oxide")).toBe(1);
    expect(permit(c, model, 6, "CN", "JP", "Dy", "oxide")).toBe(0);
  });

  it("export-quota becomes a quota constraint over whole months", () => {
    const { c, model } = compile([active({ id: "q", kind: "export-quota", issuer: "CN", elements: ["La", "Ce"], forms: ["oxide"], tonnesPerPeriod: 50, periodMonths: 6, from: "2024-07-01" })]);
    expect(c.exportQuotas).toHaveLength(1);
    const q = c.exportQuotas[0]!;
    expect([q.fromMonth, q.toMonth, q.periodMonths, q.tonnesPerPeriod, q.issuer]).toEqual([6, 12, 6, 50, model.regionIndex["CN"]]);
    const cell = (symbol: string, form: number) => q.cellMask[model.elementIndex[symbol]! * FORM_COUNT + form];
    expect(cell("La", FORM_INDEX.oxide)).toBe(1);
    expect(cell("Dy", FORM_INDEX.oxide)).toBe(0);
    expect(cell("La", FORM_INDEX.metal)).toBe(0);
    expect(q.destinationMask[model.regionIndex["CN"]!]).toBe(0);
  });

  it("extraterritorial becomes a rule on third-country exports by value share", () => {
    const { c, model } = compile([active({ id: "x", kind: "extraterritorial", issuer: "CN", content: ["Dy", "Tb"], products: ["magnet-with-dy-tb"], minValueShare: 0.001, approvalShare: 0.3, from: "2024-03-01", until: "2024-09-01" })]);
    expect(c.extraterritorialRules).toHaveLength(1);
    const r = c.extraterritorialRules[0]!;
    expect([r.fromMonth, r.toMonth, r.minValueShare]).toEqual([2, 8, 0.001]);
    expect(r.permitShare).toBeCloseTo(0.3, 12);
    const product = (symbol: string, form: number) => r.productMask[model.elementIndex[symbol]! * FORM_COUNT + form];
    // The licence covers the whole magnet (its Nd too), but Nd is not controlled content, and no oxide is a product here.
    expect(product("Nd", FORM_INDEX.magnet)).toBe(1);
    expect(product("Dy", FORM_INDEX.oxide)).toBe(0);
    expect(r.contentMask[model.elementIndex["Nd"]!]).toBe(0);
    expect(r.contentMask[model.elementIndex["Dy"]!]).toBe(1);
  });

  it("an extraterritorial rule on magnet-with-dy-tb / smco-magnet covers magnets by grade: NdFeB as far as it holds Dy or Tb, SmCo whole", () => {
    const rule = (products: string[]) => compile([active({ id: "x", kind: "extraterritorial", issuer: "CN", content: ["Dy", "Tb", "Sm"], products, minValueShare: 0.001, approvalShare: 0.6, from: "2024-01" })]);
    const expected = (withDyTb: boolean, smco: boolean) => world.magnetGrades.map((g) => {
      if (g.magnetType === "smco") return smco ? 1 : 0;
      return withDyTb && ((g.elementsWeightPercent.Dy ?? 0) > 0 || (g.elementsWeightPercent.Tb ?? 0) > 0) ? 2 : 0;
    });
    const both = rule(["magnet-with-dy-tb", "smco-magnet"]);
    expect([...both.c.extraterritorialRules[0]!.magnetGradeCover]).toEqual(expected(true, true));
    expect(expected(true, true)).toContain(2);
    expect([...rule(["magnet-with-dy-tb"]).c.extraterritorialRules[0]!.magnetGradeCover]).toEqual(expected(true, false));
    // Oxides and plain "magnet" (the listed elements' content) are covered by cells alone.
    expect(rule(["oxide", "magnet"]).c.extraterritorialRules[0]!.magnetGradeCover).toHaveLength(0);
    // Both kinds: two rules on disjoint cells — the listed content's magnet cells whole, the rest by grade — so naming
    // one more product never covers less.
    const mixed = rule(["magnet", "magnet-with-dy-tb"]);
    expect(mixed.c.extraterritorialRules).toHaveLength(2);
    const [whole, byGrade] = mixed.c.extraterritorialRules;
    const cell = (r: typeof whole, symbol: string) => r!.productMask[mixed.model.elementIndex[symbol]! * FORM_COUNT + FORM_INDEX.magnet];
    expect([cell(whole, "Dy"), cell(whole, "Nd")]).toEqual([1, 0]);
    expect([cell(byGrade, "Dy"), cell(byGrade, "Nd")]).toEqual([0, 1]);
    expect(whole!.magnetGradeCover).toHaveLength(0);
    expect([...byGrade!.magnetGradeCover]).toEqual(expected(true, false));
  });

  it("technology-ban slows only new capacity outside the issuer that uses its technology", () => {
    const w: World = { ...world, magnetPlants: [...world.magnetPlants, { ...world.magnetPlants[1]!, id: "plant:jp-new", startMonth: "2024-06", rampMonths: 4, technologyOrigin: "CN", status: "construction" }] };
    const { c, model } = compile([active({ id: "t", kind: "technology-ban", issuer: "CN", startDelayMonths: 3, rampMultiplier: 2, from: "2024-01-01" })], w);
    const index = model.facilityIndex["plant:jp-new"]!;
    const old = model.facilityIndex["plant:jp-magnets"]!;
    const at = (m: number, f: number) => c.segments[c.segmentOfMonth[m]!]!.capacityMultiplier[f];
    expect(at(6, index)).toBe(0); // delayed three months
    expect(at(6, old)).toBe(1);
    expect(at(11, index)).toBeGreaterThan(0);
    expect(at(11, index)).toBeLessThan(1);
  });

  it("tariff puts a rate on the importer's imports from the named exporters", () => {
    const { c, model } = compile([active({ id: "t", kind: "tariff", importer: "JP", exporters: ["CN"], elements: ["Nd"], forms: ["magnet"], ratePercent: 25, from: "2024-01" })]);
    const seg = c.segments[0]!;
    expect(seg.importTariffRate[tradeConstraintOffset(model, model.regionIndex["CN"]!, model.regionIndex["JP"]!, model.elementIndex["Nd"]!, FORM_INDEX.magnet)]).toBeCloseTo(0.25, 6);
    expect(seg.importTariffRate[tradeConstraintOffset(model, model.regionIndex["AU"]!, model.regionIndex["JP"]!, model.elementIndex["Nd"]!, FORM_INDEX.magnet)]).toBe(0);
  });

  it("supply-shock cuts the targeted mines' capacity for its period", () => {
    const { c, model } = compile([active({ id: "s", kind: "supply-shock", target: { depositType: "ion-adsorption-clay" }, lossShare: 0.9, from: "2024-02", until: "2024-05" })]);
    const clay = model.facilityIndex["mine:cn-clay"]!;
    const rock = model.facilityIndex["mine:cn-rock"]!;
    const at = (m: number, f: number) => c.segments[c.segmentOfMonth[m]!]!.capacityMultiplier[f]!;
    expect(at(0, clay)).toBe(1);
    expect(at(2, clay)).toBeCloseTo(0.1, 6);
    expect(at(2, rock)).toBe(1);
    expect(at(5, clay)).toBe(1);
  });

  it("demand-shock multiplies demand of the named sectors and regions", () => {
    const { c, model } = compile([active({ id: "d", kind: "demand-shock", regions: ["JP"], sectors: ["sector:ev"], multiplier: 1.5, from: "2024-01" })]);
    const seg = c.segments[0]!;
    const S = model.sectorIds.length;
    expect(seg.demandMultiplier[model.regionIndex["JP"]! * S + model.sectorIndex["sector:ev"]!]).toBeCloseTo(1.5, 6);
    expect(seg.demandMultiplier[model.regionIndex["CN"]! * S + model.sectorIndex["sector:ev"]!]).toBe(1);
  });

  it("stockpile builds and releases become stock changes with a sign", () => {
    const { c, model } = compile([
      active({ id: "b", kind: "stockpile", region: "JP", action: "build", tonnesPerMonth: { Dy: 2 }, from: "2024-01", until: "2024-07" }),
      active({ id: "r", kind: "stockpile", region: "JP", action: "release", tonnesPerMonth: { Dy: 3 }, from: "2024-07" }),
    ]);
    expect(c.stockChanges.map((s) => [s.region, s.element, s.tonnesPerMonth, s.fromMonth, s.toMonth])).toEqual([
      [model.regionIndex["JP"], model.elementIndex["Dy"], 2, 0, 6],
      [model.regionIndex["JP"], model.elementIndex["Dy"], -3, 6, 12],
    ]);
  });

  it("price-floor converts US$/kg of oxide to US$/kg of element", () => {
    const { c } = compile([active({ id: "f", kind: "price-floor", region: "AU", elements: ["Nd"], usdPerKgOxide: 110, from: "2024-01" })]);
    expect(c.priceFloors).toHaveLength(1);
    expect(c.priceFloors[0]!.usdPerKg).toBeCloseTo(110 * 1.1664, 6);
  });

  it("new-capacity adds a facility to the world, or moves an existing one", () => {
    const add = active({ id: "n", kind: "new-capacity", facility: "plant:jp-sep", stage: "separation", region: "JP", capacityTonnesPerYear: 500, startMonth: "2024-06", separates: ["heavy"], from: "2024-01" });
    const move = active({ id: "m", kind: "new-capacity", facility: "plant:jp-magnets", capacityTonnesPerYear: 999, from: "2024-01" });
    const changed = applyPoliciesToWorld(world, [add, move], () => "2024-01");
    expect(changed.separationPlants.map((p) => p.id)).toEqual(["plant:cn-sep", "plant:jp-sep"]);
    expect(changed.magnetPlants.find((p) => p.id === "plant:jp-magnets")?.capacityTonnesPerYear).toBe(999);
    expect(world.magnetPlants.find((p) => p.id === "plant:jp-magnets")?.capacityTonnesPerYear).toBe(300); // input untouched
  });
});
