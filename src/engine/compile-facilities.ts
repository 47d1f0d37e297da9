/**
 * @module engine/compile-facilities
 * Compile mines and plants into per-facility typed arrays, and estimate calibration-year output by
 * node and element (used to start a run near its calibration state). No simulation here.
 */
import { MAGNET_TYPES } from "../model/ids.js";
import type { World } from "../model/world-schema.js";
import type { CompiledModel } from "./compiled-model.js";
import type { ParameterValues } from "./parameters.js";

interface FacilityContext {
  readonly startNo: number;
  readonly elementIndex: Record<string, number>;
  readonly regionIndex: Record<string, number>;
  readonly elementOxideFactor: Float64Array;
  readonly parameters: ParameterValues;
  /** Region index of the China-domestic market (whose established facilities grow with its quotas), −1 when none. */
  readonly domesticMarketRegion: number;
}

type FacilityArrays = Pick<
  CompiledModel,
  | "facilityStage" | "facilityRegion" | "facilityCapacityPerMonth" | "facilityOutput2024PerMonth" | "facilityIsEstablished"
  | "facilityStartMonth" | "facilitySlipKind" | "facilityRampMonths" | "facilityElementMask" | "facilityRejectShare" | "facilityMagnetType" | "mineElementPerReo"
  | "facilityGrowthClass"
>;

const SLIP_KIND: Record<string, number> = { operating: 0, commissioning: 0, construction: 1, planned: 2, suspended: 3, cancelled: 3 };

function monthNo(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return y * 12 + m - 1;
}

/** Compile every facility (mines, separation, metal, magnet plants, in that order). */
export function compileFacilities(world: World, ctx: FacilityContext): { facilityIds: string[]; arrays: FacilityArrays; warnings: string[] } {
  const E = ctx.elementOxideFactor.length;
  const all = [
    ...world.mines.map((f) => ({ f, stage: 0, cap: f.capacityTonnesReoPerYear, out: f.output2024TonnesReo })),
    ...world.separationPlants.map((f) => ({ f, stage: 1, cap: f.capacityTonnesReoPerYear, out: f.output2024TonnesReo })),
    ...world.metalPlants.map((f) => ({ f, stage: 2, cap: f.capacityTonnesPerYear, out: f.output2024Tonnes })),
    ...world.magnetPlants.map((f) => ({ f, stage: 3, cap: f.capacityTonnesPerYear, out: f.output2024Tonnes })),
  ];
  const N = all.length;
  const arrays: FacilityArrays = {
    facilityStage: new Uint8Array(N),
    facilityRegion: new Int32Array(N),
    facilityCapacityPerMonth: new Float64Array(N),
    facilityOutput2024PerMonth: new Float64Array(N),
    facilityIsEstablished: new Uint8Array(N),
    facilityStartMonth: new Int32Array(N),
    facilitySlipKind: new Uint8Array(N),
    facilityRampMonths: new Int32Array(N),
    facilityElementMask: new Uint8Array(N * E),
    facilityRejectShare: new Float64Array(N * E),
    facilityMagnetType: new Int8Array(N).fill(-1),
    mineElementPerReo: new Float64Array(N * E),
    facilityGrowthClass: new Uint8Array(N),
  };
  const warnings: string[] = [];
  const classOf = new Map(world.elements.map((e) => [e.symbol as string, e.class as string]));
  const calibrationStart = world.dataset.calibrationYear * 12;
  const profiles = new Map(world.depositProfiles.map((p) => [p.id, p]));

  all.forEach(({ f, stage, cap, out }, i) => {
    arrays.facilityStage[i] = stage;
    arrays.facilityRegion[i] = ctx.regionIndex[f.region] ?? 0;
    arrays.facilityCapacityPerMonth[i] = cap / 12;
    arrays.facilityOutput2024PerMonth[i] = (out ?? 0) / 12;
    const started = monthNo(f.startMonth);
    arrays.facilityIsEstablished[i] = out !== undefined && out > 0 && started <= calibrationStart ? 1 : 0;
    if (arrays.facilityIsEstablished[i] === 1 && arrays.facilityRegion[i] === ctx.domesticMarketRegion && ctx.domesticMarketRegion >= 0) {
      // China's established capacity grows with its quotas; the ion-adsorption-clay mining quota on its own track.
      const ionic = "profile" in f && profiles.get(f.profile)?.depositType === "ion-adsorption-clay";
      arrays.facilityGrowthClass[i] = ionic ? 2 : 1;
    }
    arrays.facilityStartMonth[i] = started - ctx.startNo;
    arrays.facilitySlipKind[i] = SLIP_KIND[f.status] ?? 0;
    arrays.facilityRampMonths[i] = f.rampMonths;
    const mask = (symbol: string) => {
      const e = ctx.elementIndex[symbol];
      if (e !== undefined) arrays.facilityElementMask[i * E + e] = 1;
    };
    const expand = (items: readonly string[]) => {
      for (const item of items) {
        if (ctx.elementIndex[item] !== undefined) mask(item);
        else for (const [symbol, cls] of classOf) if (cls === item) mask(symbol);
      }
    };
    if ("profile" in f) {
      const profile = profiles.get(f.profile);
      if (profile === undefined) {
        warnings.push(`mine ${f.id} names profile ${f.profile}, which the world does not define; it produces nothing`);
        return;
      }
      const total = Object.values(profile.sharesPercentOfTreo).reduce<number>((a, b) => a + (b ?? 0), 0);
      for (const [symbol, pct] of Object.entries(profile.sharesPercentOfTreo)) {
        const e = ctx.elementIndex[symbol];
        if (e === undefined || pct === undefined || pct <= 0 || total <= 0) continue;
        // Oxide-basis share of TREO → tonnes of oxide per t REO → element tonnes via the oxide factor.
        arrays.mineElementPerReo[i * E + e] = pct / total / (ctx.elementOxideFactor[e] ?? 1);
        mask(symbol);
      }
    } else if ("separates" in f) {
      expand(f.separates);
      for (const [symbol, pct] of Object.entries(f.rejectsPercentOfFeed ?? {})) {
        const e = ctx.elementIndex[symbol];
        if (e !== undefined && pct !== undefined) arrays.facilityRejectShare[i * E + e] = pct / 100;
      }
    }
    else if ("makes" in f) expand(f.makes);
    else if ("magnetType" in f) {
      arrays.facilityMagnetType[i] = MAGNET_TYPES.indexOf(f.magnetType);
      for (let e = 0; e < E; e++) arrays.facilityElementMask[i * E + e] = 1;
    }
  });
  return { facilityIds: all.map(({ f }) => f.id), arrays, warnings };
}

type BaselineInput = FacilityArrays &
  Pick<CompiledModel, "regionIds" | "elementSymbols" | "facilityIds" | "gradeMagnetType" | "gradeElementPerTonne" | "gradeYield"
    | "sectorIsMagnet" | "sectorForm" | "sectorGrade" | "sectorElementPerUnit" | "demandBasePerMonth" | "parameters">;

/** Monthly production rate of a facility at run month `t` before demand: established ⇒ calibration output, new ⇒ capacity × utilisation. */
export function facilityBaseRate(m: BaselineInput, i: number, rampShare: number): number {
  const cap = (m.facilityCapacityPerMonth[i] ?? 0) * rampShare;
  return m.facilityIsEstablished[i] === 1 ? (m.facilityOutput2024PerMonth[i] ?? 0) * rampShare : cap * m.parameters["facility.utilisationShare"];
}

/**
 * Calibration-year output estimate per month by `[stage 0..3][region][element]`, element tonnes.
 * Separation output takes the world's mined element mix restricted to what each plant separates; metal
 * takes the metal demand mix restricted to what it makes; magnets take the demand-weighted grade mix of their type.
 */
export function compileBaselineOutput(m: BaselineInput): Float64Array {
  const R = m.regionIds.length;
  const E = m.elementSymbols.length;
  const N = m.facilityIds.length;
  const K = m.sectorIsMagnet.length;
  const out = new Float64Array(4 * R * E);
  const active = (i: number) => (m.facilitySlipKind[i] ?? 0) === 0 && (m.facilityStartMonth[i] ?? 0) <= 0;

  // Global mined mix (element t per t REO) and magnet/metal demand mixes.
  const minedMix = new Float64Array(E);
  for (let i = 0; i < N; i++) {
    if (m.facilityStage[i] !== 0 || !active(i)) continue;
    const rate = facilityBaseRate(m, i, 1);
    for (let e = 0; e < E; e++) minedMix[e]! += rate * (m.mineElementPerReo[i * E + e] ?? 0);
  }
  const types = MAGNET_TYPES.length;
  const typeContent = new Float64Array(types * E);
  const typeTonnes = new Float64Array(types);
  const metalDemand = new Float64Array(E);
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const units = m.demandBasePerMonth[r * K + k] ?? 0;
      if (units <= 0) continue;
      const g = m.sectorGrade[k] ?? -1;
      if (m.sectorIsMagnet[k] === 1 && g >= 0) {
        const t = m.gradeMagnetType[g] ?? 0;
        typeTonnes[t]! += units;
        for (let e = 0; e < E; e++) {
          const content = units * (m.gradeElementPerTonne[g * E + e] ?? 0);
          typeContent[t * E + e]! += content;
          metalDemand[e]! += content / (m.gradeYield[g] ?? 1);
        }
      } else if (m.sectorForm[k] === 2) {
        for (let e = 0; e < E; e++) metalDemand[e]! += units * (m.sectorElementPerUnit[k * E + e] ?? 0);
      }
    }
  }

  for (let i = 0; i < N; i++) {
    const stage = m.facilityStage[i] ?? 0;
    if (!active(i)) continue;
    const r = m.facilityRegion[i] ?? 0;
    const rate = facilityBaseRate(m, i, 1);
    const row = (stage * R + r) * E;
    if (stage === 0) {
      for (let e = 0; e < E; e++) out[row + e]! += rate * (m.mineElementPerReo[i * E + e] ?? 0);
    } else if (stage === 3) {
      const t = m.facilityMagnetType[i] ?? 0;
      const tonnes = typeTonnes[t] ?? 0;
      for (let e = 0; e < E; e++) out[row + e]! += tonnes > 0 ? (rate * (typeContent[t * E + e] ?? 0)) / tonnes : 0;
    } else {
      const mix = stage === 1 ? minedMix : metalDemand;
      let total = 0;
      for (let e = 0; e < E; e++) if (m.facilityElementMask[i * E + e] === 1) total += mix[e] ?? 0;
      for (let e = 0; e < E; e++) {
        if (m.facilityElementMask[i * E + e] !== 1) continue;
        // Separation capacity is t REO and mixes are element tonnes: close enough for a starting estimate. A separation
        // plant's front-end rejects are fed but never separated.
        const kept = stage === 1 ? 1 - (m.facilityRejectShare[i * E + e] ?? 0) : 1;
        out[row + e]! += total > 0 ? (rate * (mix[e] ?? 0) * kept) / total : 0;
      }
    }
  }
  return out;
}
