/**
 * @module engine/compile
 * Compile a validated `World` into a `CompiledModel` of typed arrays. Trusts the world (validated at
 * the edge); does not simulate. Facility and baseline details live in `compile-facilities.ts`.
 */
import { ELEMENT_SYMBOLS, MAGNET_TYPES } from "../model/ids.js";
import type { World } from "../model/world-schema.js";
import { STAGE_CODES, type CompiledModel, type CompiledOfftakes } from "./compiled-model.js";
import { FORM_COUNT, FORM_INDEX } from "./constraints.js";
import { compileBaselineOutput, compileFacilities } from "./compile-facilities.js";
import { resolveParameters } from "./parameters.js";

/** Options of `compileModel`. */
export interface CompileOptions {
  /** First simulated month, `YYYY-MM`. @default "2024-01" */
  readonly startMonth?: string;
  /** Number of months to simulate. @default 240 */
  readonly months?: number;
  /** Region id of the China-domestic price market. @default "CN" */
  readonly domesticMarketRegionId?: string;
}

/** Thrown when compile options are unusable (a programming error in the caller). */
export class CompileOptionsError extends Error {
  override readonly name = "CompileOptionsError";
  /** Stable code for callers that branch on it. */
  readonly code = "RE_COMPILE_OPTIONS";
}

/** Month number (year × 12 + month − 1) of a `YYYY-MM` string. */
export function monthNumber(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) throw new CompileOptionsError(`expected a month written YYYY-MM, got "${month}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The `YYYY-MM` string of a month number. */
export function monthLabel(monthNo: number): string {
  const year = Math.floor(monthNo / 12);
  return `${year}-${String(monthNo - year * 12 + 1).padStart(2, "0")}`;
}

const indexOf = (ids: readonly string[]): Record<string, number> => Object.fromEntries(ids.map((id, i) => [id, i]));

/**
 * Compile a validated world for the engine.
 * @example const model = compileModel(world, { startMonth: "2024-01", months: 240 });
 */
export function compileModel(world: World, { startMonth = "2024-01", months = 240, domesticMarketRegionId = "CN" }: CompileOptions = {}): CompiledModel {
  if (!Number.isInteger(months) || months < 1) throw new CompileOptionsError(`months must be a positive integer, got ${months}`);
  const startNo = monthNumber(startMonth);
  const { values: parameters, ranges: parameterRanges, warnings } = resolveParameters(world.parameters);

  const regionIds = world.regions.map((r) => r.id);
  const elements = ELEMENT_SYMBOLS.flatMap((s) => world.elements.filter((e) => e.symbol === s));
  const elementSymbols = elements.map((e) => e.symbol as string);
  const regionIndex = indexOf(regionIds);
  const elementIndex = indexOf(elementSymbols);
  const R = regionIds.length;
  const E = elementSymbols.length;

  const domesticMarketRegion = regionIndex[domesticMarketRegionId] ?? -1;
  const regionMarket = new Uint8Array(R).map((_, r) => (r === domesticMarketRegion ? 0 : 1));
  const elementOxideFactor = Float64Array.from(elements, (e) => e.oxideMassPerElementMass);
  const isHeavyMagnetElement = Uint8Array.from(elements, (e) => (e.symbol === "Dy" || e.symbol === "Tb" ? 1 : 0));

  const facilities = compileFacilities(world, { startNo, elementIndex, regionIndex, elementOxideFactor, parameters, domesticMarketRegion });

  // ── magnet grades ──
  const gradeIds = world.magnetGrades.map((g) => g.id);
  const gradeIndex = indexOf(gradeIds);
  const G = gradeIds.length;
  const gradeMagnetType = Int8Array.from(world.magnetGrades, (g) => MAGNET_TYPES.indexOf(g.magnetType));
  const gradeElementPerTonne = new Float64Array(G * E);
  const gradeYield = Float64Array.from(world.magnetGrades, (g) => g.yieldFinishedPerAlloy);
  const gradeHeavyThrift = Uint8Array.from(world.magnetGrades, (g) => (g.heavyRareEarthThrift === false ? 0 : 1));
  world.magnetGrades.forEach((g, gi) => {
    for (const [symbol, pct] of Object.entries(g.elementsWeightPercent)) {
      const e = elementIndex[symbol];
      if (e !== undefined && pct !== undefined) gradeElementPerTonne[gi * E + e] = pct / 100;
    }
  });

  // ── sectors and demand ──
  const sectorIds = world.sectors.map((s) => s.id);
  const sectorIndex = indexOf(sectorIds);
  const K = sectorIds.length;
  const sectorIsMagnet = new Uint8Array(K);
  const sectorForm = new Uint8Array(K);
  const sectorGrade = new Int32Array(K).fill(-1);
  const sectorElementPerUnit = new Float64Array(K * E);
  const sectorGrowthPerYear = new Float64Array(K);
  const sectorMagnetKgPerUnit = new Float64Array(K);
  const sectorEndProductUnit: string[] = [];
  world.sectors.forEach((s, k) => {
    sectorGrowthPerYear[k] = s.growthPercentPerYear / 100;
    if (s.use === "magnet") {
      const g = gradeIndex[s.magnetGrade] ?? 0;
      sectorIsMagnet[k] = 1;
      sectorForm[k] = 3;
      sectorGrade[k] = g;
      for (let e = 0; e < E; e++) sectorElementPerUnit[k * E + e] = gradeElementPerTonne[g * E + e] ?? 0;
      sectorMagnetKgPerUnit[k] = s.endProduct?.magnetKgPerUnit ?? 0;
      sectorEndProductUnit.push(s.endProduct?.unit ?? "");
    } else {
      sectorForm[k] = s.form === "oxide" ? 1 : 2;
      sectorEndProductUnit.push("");
      const total = Object.values(s.elementSharesPercent).reduce<number>((a, b) => a + (b ?? 0), 0);
      for (const [symbol, pct] of Object.entries(s.elementSharesPercent)) {
        const e = elementIndex[symbol];
        // t REO × oxide share → t oxide of e → ÷ oxide factor → t element.
        if (e !== undefined && pct !== undefined && total > 0) sectorElementPerUnit[k * E + e] = pct / total / (elementOxideFactor[e] ?? 1);
      }
    }
  });
  const demandBasePerMonth = new Float64Array(R * K);
  for (const d of world.demand2024) {
    const r = regionIndex[d.region];
    const k = sectorIndex[d.sector];
    if (r === undefined || k === undefined) continue;
    demandBasePerMonth[r * K + k]! += ((sectorIsMagnet[k] === 1 ? d.magnetTonnes : d.tonnesReo) ?? 0) / 12;
  }

  // ── trade ──
  const leadTimeMonths = new Float64Array(R * R).fill(world.defaultLeadTimeMonths);
  for (let r = 0; r < R; r++) leadTimeMonths[r * R + r] = parameters["trade.domesticLeadTimeMonths"];
  const explicit = new Set<number>();
  for (const lt of world.leadTimes) {
    const a = regionIndex[lt.from];
    const b = regionIndex[lt.to];
    if (a === undefined || b === undefined) continue;
    leadTimeMonths[a * R + b] = lt.months;
    explicit.add(a * R + b);
  }
  for (const lt of world.leadTimes) {
    // A lead time given one way applies the other way too unless that is given as well.
    const a = regionIndex[lt.from];
    const b = regionIndex[lt.to];
    if (a !== undefined && b !== undefined && !explicit.has(b * R + a)) leadTimeMonths[b * R + a] = lt.months;
  }
  // Sellers of a form to listed buyers only: home-only (`domesticOnly`) or home and the listed regions (`sellsOnlyTo`).
  const sellerLimited = new Uint8Array(R * FORM_COUNT);
  const sellsTo = new Uint8Array(R * FORM_COUNT * R).fill(1);
  for (const d of [...world.domesticOnly.map((h) => ({ ...h, buyers: [] as readonly string[] })), ...world.sellsOnlyTo]) {
    const p = regionIndex[d.region];
    if (p === undefined) continue;
    const pf = p * FORM_COUNT + FORM_INDEX[d.form];
    sellerLimited[pf] = 1;
    sellsTo.fill(0, pf * R, pf * R + R);
    sellsTo[pf * R + p] = 1;
    for (const buyer of d.buyers) {
      const r = regionIndex[buyer];
      if (r !== undefined) sellsTo[pf * R + r] = 1;
    }
  }
  const domesticPriorityShare = new Float64Array(R).fill(parameters["trade.defaultDomesticPriorityShare"]);
  const domesticPriorityGiven = new Uint8Array(R);
  for (const rp of world.regionParameters) {
    const r = regionIndex[rp.region];
    if (r === undefined) continue;
    domesticPriorityShare[r] = rp.domesticPriorityShare;
    domesticPriorityGiven[r] = 1;
  }

  // ── markets ──
  const stageCoverMonths = new Float64Array(5).fill(parameters["inventory.defaultCoverMonths"]);
  for (const norm of world.inventoryNorms) stageCoverMonths[STAGE_CODES[norm.stage]] = norm.coverMonths;
  const basePriceUsdPerKg = compilePrices(world, elementIndex, elementOxideFactor, parameters["price.defaultUsdPerKg"], warnings);
  const initialStrategicStockTonnes = new Float64Array(R * E);
  for (const sp of world.stockpiles) {
    const r = regionIndex[sp.region];
    if (r === undefined) continue;
    for (const [symbol, tonnes] of Object.entries(sp.elementTonnes)) {
      const e = elementIndex[symbol];
      if (e !== undefined && tonnes !== undefined) initialStrategicStockTonnes[r * E + e]! += tonnes;
    }
  }

  const base = {
    regionIds, elementSymbols, facilityIds: facilities.facilityIds, sectorIds, gradeIds, months,
    ...facilities.arrays, gradeMagnetType, gradeElementPerTonne, gradeYield, gradeHeavyThrift, sectorIsMagnet, sectorForm, sectorGrade,
    sectorElementPerUnit, demandBasePerMonth, parameters,
  };
  const baseOutputTonnes = compileBaselineOutput(base);
  const captive = compileCaptiveLinks(world);
  const offtakes = compileOfftakes(world, { startNo, regionIndex, elementIndex, facilityIndex: indexOf(facilities.facilityIds) });
  warnings.push(...offtakeWarnings(world, base, { regionIndex, elementIndex }));

  return {
    startMonth: monthLabel(startNo),
    months,
    calibrationYear: world.dataset.calibrationYear,
    monthsFromCalibrationStart: startNo - world.dataset.calibrationYear * 12,
    regionIds, elementSymbols, facilityIds: facilities.facilityIds, sectorIds, gradeIds,
    regionIndex, elementIndex, facilityIndex: indexOf(facilities.facilityIds), sectorIndex,
    domesticMarketRegion, regionMarket, elementOxideFactor, isHeavyMagnetElement,
    ...facilities.arrays,
    gradeMagnetType, gradeElementPerTonne, gradeYield, gradeHeavyThrift,
    sectorIsMagnet, sectorForm, sectorGrade, sectorElementPerUnit, sectorGrowthPerYear, sectorMagnetKgPerUnit,
    sectorEndProductUnit, demandBasePerMonth,
    leadTimeMonths, captiveLinkMine: captive.mine, captiveLinkPlant: captive.plant, sellerLimited, sellsTo, offtakes, domesticPriorityShare, domesticPriorityGiven, stageCoverMonths, basePriceUsdPerKg, initialStrategicStockTonnes,
    baseOutputTonnes, parameters, parameterRanges, warnings: [...warnings, ...facilities.warnings],
  };
}

/** Legal forms dropped from the end of an owner name before matching. */
const LEGAL_FORMS = new Set(["ltd", "limited", "inc", "co", "corp", "corporation", "plc", "llc", "pty", "sa", "sas", "ag", "gmbh"]);

/**
 * The company an owner string names, for matching integrated producers: lower case, up to the first
 * parenthesis, semicolon or comma, without trailing legal forms. "IREL (India) Limited" and
 * "IREL (India) Ltd (Department of Atomic Energy)" are both "irel".
 */
export function ownerKey(owner: string): string {
  const words = (owner.toLowerCase().split(/[(;,]/)[0] ?? "").replace(/\./g, " ").trim().split(/\s+/);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}
/**
 * Captive concentrate links: every mine paired with every separation plant (not cancelled) of the same
 * owner key, and with the plants it has an offtake contract with (`offtakePlants`). Facility indices follow
 * `compileFacilities` (mines first, then separation plants).
 */
function compileCaptiveLinks(world: World): { mine: Int32Array; plant: Int32Array } {
  const mine: number[] = [];
  const plant: number[] = [];
  const firstPlant = world.mines.length;
  world.mines.forEach((m, i) => {
    const key = ownerKey(m.owner);
    const offtakes = new Set(m.offtakePlants ?? []);
    world.separationPlants.forEach((p, j) => {
      if (p.status === "cancelled" || (ownerKey(p.owner) !== key && !offtakes.has(p.id))) return;
      mine.push(i);
      plant.push(firstPlant + j);
    });
  });
  return { mine: Int32Array.from(mine), plant: Int32Array.from(plant) };
}

/**
 * What an offtake of oxide or metal cannot reach: a buyer region with no plant of the next stage for an element can take
 * it only for its users of the form itself (the contract asks for no more than the buyer's requests), e.g. Lynas–JARE's
 * Dy and Tb oxide for Japan, which has no metal plant in the data, so its magnet makers get none of it.
 */
function offtakeWarnings(
  world: World,
  m: Pick<CompiledModel, "facilityStage" | "facilityRegion" | "facilityElementMask" | "sectorIds" | "sectorForm" | "sectorElementPerUnit" | "demandBasePerMonth" | "elementSymbols">,
  at: { regionIndex: Record<string, number>; elementIndex: Record<string, number> },
): string[] {
  const E = m.elementSymbols.length;
  const K = m.sectorIds.length;
  const out: string[] = [];
  for (const o of world.offtakes ?? []) {
    const form = o.form === "oxide" ? 1 : o.form === "metal" ? 2 : 0;
    const r = at.regionIndex[o.buyer];
    if (form === 0 || r === undefined) continue;
    const unreached = o.elements.filter((symbol) => {
      const e = at.elementIndex[symbol];
      if (e === undefined) return false;
      for (let i = 0; i < m.facilityStage.length; i++) if (m.facilityStage[i] === form + 1 && m.facilityRegion[i] === r && m.facilityElementMask[i * E + e] === 1) return false;
      return true;
    });
    if (unreached.length === 0) continue;
    const users = new Set<string>();
    for (const symbol of unreached) {
      const e = at.elementIndex[symbol]!;
      for (let k = 0; k < K; k++) if (m.sectorForm[k] === form && m.sectorElementPerUnit[k * E + e]! > 0 && m.demandBasePerMonth[r * K + k]! > 0) users.add(world.sectors[k]?.shortName ?? m.sectorIds[k]!);
    }
    const next = form === 1 ? "metal plant" : "magnet plant";
    out.push(`offtake ${o.id}: ${o.buyer} has no ${next} that takes ${unreached.join(", ")}, so the contract reaches only its users of the ${o.form} itself (${users.size === 0 ? "none" : [...users].join(", ")}), not its ${form === 1 ? "metal and magnet makers" : "magnet makers"}`);
  }
  return out;
}

/** Months an open-ended offtake runs past the start (beyond any run). */
const OPEN_ENDED_MONTHS = 1 << 30;

/** The world's offtakes as typed arrays (records that name an unknown region, plant or element are left out: validated at the edge). */
function compileOfftakes(world: World, at: { startNo: number; regionIndex: Record<string, number>; elementIndex: Record<string, number>; facilityIndex: Record<string, number> }): CompiledOfftakes {
  const E = Object.keys(at.elementIndex).length;
  const records = (world.offtakes ?? []).filter((o) => at.regionIndex[o.buyer] !== undefined && (at.regionIndex[o.supplier] !== undefined || at.facilityIndex[o.supplier] !== undefined));
  const n = records.length;
  const compiled = {
    count: n, supplierRegion: new Int32Array(n), supplierFacility: new Int32Array(n).fill(-1), buyerRegion: new Int32Array(n), form: new Uint8Array(n),
    elementMask: new Uint8Array(n * E), share: new Float64Array(n), capTonnesPerMonth: new Float64Array(n), fromMonth: new Int32Array(n), toMonth: new Int32Array(n),
  };
  const plantRegion = new Map([...world.separationPlants, ...world.metalPlants, ...world.magnetPlants].map((p) => [p.id, p.region]));
  records.forEach((o, k) => {
    const facility = at.facilityIndex[o.supplier];
    compiled.supplierFacility[k] = facility ?? -1;
    compiled.supplierRegion[k] = at.regionIndex[facility === undefined ? o.supplier : (plantRegion.get(o.supplier) ?? "")] ?? 0;
    compiled.buyerRegion[k] = at.regionIndex[o.buyer]!;
    compiled.form[k] = FORM_INDEX[o.form];
    for (const symbol of o.elements) {
      const e = at.elementIndex[symbol];
      if (e !== undefined) compiled.elementMask[k * E + e] = 1;
    }
    compiled.share[k] = o.share;
    compiled.capTonnesPerMonth[k] = (o.capTonnesPerYear ?? 0) / 12;
    compiled.fromMonth[k] = monthNumber(o.from) - at.startNo;
    compiled.toMonth[k] = o.until === undefined ? OPEN_ENDED_MONTHS : monthNumber(o.until) - at.startNo;
  });
  return compiled;
}

/**
 * Calibration prices on an element basis: an oxide price ($/kg oxide) × oxide factor = $/kg of element
 * content; a metal price is already per kg of element. The latest oxide quote wins, then the latest metal quote. An
 * element without a quote takes `price.defaultUsdPerKg`, with a warning unless the world declares it unpriced.
 */
function compilePrices(world: World, elementIndex: Record<string, number>, oxideFactor: Float64Array, fallback: number, warnings: string[]): Float64Array {
  const E = oxideFactor.length;
  const prices = new Float64Array(E * 2).fill(-1);
  const rank = new Float64Array(E).fill(-1);
  for (const p of world.prices) {
    const e = elementIndex[p.element];
    if (e === undefined) continue;
    const score = (p.form === "oxide" ? 1e6 : 0) + monthNumber(p.asOf);
    if (score <= (rank[e] ?? -1)) continue;
    rank[e] = score;
    const factor = p.form === "oxide" ? (oxideFactor[e] ?? 1) : 1;
    prices[e * 2] = p.chinaDomesticUsdPerKg * factor;
    prices[e * 2 + 1] = p.exChinaUsdPerKg * factor;
  }
  // An element the world declares unpriced (markets.yaml unpricedElements, with its reason) takes the default quietly.
  const unpriced = new Set((world.unpricedElements ?? []).map((u) => u.element));
  for (let e = 0; e < E; e++) {
    if ((prices[e * 2] ?? -1) < 0) {
      prices[e * 2] = fallback;
      prices[e * 2 + 1] = fallback;
      const symbol = world.elements.find((x) => elementIndex[x.symbol] === e)?.symbol;
      if (symbol === undefined || !unpriced.has(symbol)) warnings.push(`no price for element ${symbol ?? e}; using price.defaultUsdPerKg = ${fallback}`);
    }
  }
  return prices;
}
