/**
 * @module model/constraints
 * The seam between policies and the engine: per-month constraints as compiled typed arrays.
 * Policies (`src/policy`) write these; the engine only reads them. No policy objects, no names.
 * It lives in `model` because both sides depend on it and `policy` sits below `engine`.
 */

/** Traded product forms, in the fixed index order used by every `[form]` axis. */
export const FORMS = ["concentrate", "oxide", "metal", "magnet"] as const;
/** A traded product form. */
export type Form = (typeof FORMS)[number];
/** Number of forms (the length of every `[form]` axis). */
export const FORM_COUNT = 4;
/** Index of each form on a `[form]` axis. */
export const FORM_INDEX: Readonly<Record<Form, number>> = { concentrate: 0, oxide: 1, metal: 2, magnet: 3 };

/** The sizes a constraint set is built for (a `CompiledModel` satisfies this). */
export interface ConstraintShape {
  /** Simulated months. */
  readonly months: number;
  /** Region ids; index = region index. */
  readonly regionIds: readonly string[];
  /** Element symbols; index = element index. */
  readonly elementSymbols: readonly string[];
  /** Facility ids; index = facility index. */
  readonly facilityIds: readonly string[];
  /** Demand sector ids; index = sector index. */
  readonly sectorIds: readonly string[];
  /** Magnet grade ids; index = grade index (checked against `ExtraterritorialRule.magnetGradeCover` when given). */
  readonly gradeIds?: readonly string[];
}

/**
 * Constraints that hold for a run of months (a time segment). Flat arrays, row-major.
 * `exportPermitShare` and `licenceDelayMonths` are laid out `[from][to][element][form]`
 * (use `tradeConstraintOffset`); a diagonal (`from === to`) entry is ignored.
 */
export interface ConstraintSegment {
  /** Share of requested exports approved, 0–1 (1 = free trade, 0 = banned); `[from][to][element][form]`. */
  readonly exportPermitShare: Float32Array;
  /** Extra months an approved export waits in a licence queue before it ships; `[from][to][element][form]`. */
  readonly licenceDelayMonths: Float32Array;
  /** Multiplier on each facility's available capacity, ≥ 0 (1 = unchanged); `[facility]`. */
  readonly capacityMultiplier: Float32Array;
  /** Multiplier on each sector's final demand in each region, ≥ 0 (1 = unchanged); `[region][sector]`. */
  readonly demandMultiplier: Float32Array;
  /** Import tariff the destination levies, as a fraction of value (0.25 = 25 %); `[from][to][element][form]`. */
  readonly importTariffRate: Float32Array;
}

/**
 * A cap on one issuer's exports of some elements and forms to some destinations: at most
 * `tonnesPerPeriod` tonnes of element content per period of `periodMonths`, paced evenly through the period.
 */
export interface ExportQuota {
  /** Region index of the exporter whose shipments are capped. */
  readonly issuer: number;
  /** 1 for each element × form cell the quota covers (exactly these: Dy oxide and Tb metal do not bring in Dy metal); `[element][form]`, length = elements × `FORM_COUNT`. */
  readonly cellMask: Uint8Array;
  /** 1 for each destination region index the quota covers; length = regions. */
  readonly destinationMask: Uint8Array;
  /** Tonnes of element content allowed per period (all covered elements and forms together). */
  readonly tonnesPerPeriod: number;
  /** Length of a quota period in months (12 for an annual quota). */
  readonly periodMonths: number;
  /** First month index (0 = run start) the quota applies, inclusive. */
  readonly fromMonth: number;
  /** Month index the quota stops applying, exclusive. */
  readonly toMonth: number;
}

/**
 * A rule by `issuer` on exports from *other* regions: shipments of the products in `productMask` whose
 * issuer-origin value share of `contentMask` content is at least `minValueShare` need a permit (`permitShare`
 * approved, after `delayMonths`). Mixed products (concentrate and magnets) are judged on the exporter's whole
 * stock of the form (all its rare-earth content); separated products (oxide, metal) element by element, so a
 * rule on Dy content never reaches La oxide.
 */
export interface ExtraterritorialRule {
  /** Region index of the rule's author; its own exports are not affected by this rule. */
  readonly issuer: number;
  /** 1 for each controlled element index (the content whose issuer origin counts); length = elements. */
  readonly contentMask: Uint8Array;
  /** 1 for each element × form cell of the products covered; `[element][form]`, length = elements × `FORM_COUNT`. */
  readonly productMask: Uint8Array;
  /**
   * Which magnets the rule covers, by grade (`[grade]`, the world's grade order), or empty when its magnet cells are
   * covered whole as `productMask` says: 0 not covered, 1 covered (SmCo under "smco-magnet"), 2 covered as far as its
   * magnets hold Dy or Tb (NdFeB grades with Dy or Tb under "magnet-with-dy-tb"; the Dy- and Tb-free share the
   * Dy-free response makes of them passes). Magnets are tracked as element content, so a covered magnet cell of
   * element e gets permit 1 − (1 − `permitShare`) · qₑ and delay qₑ · `delayMonths`, qₑ the share of e's magnet
   * content in covered magnets (world magnet demand, the exporter's market's recipes).
   */
  readonly magnetGradeCover: Uint8Array;
  /** De-minimis threshold on the issuer-origin value share, 0–1 (0.001 = 0.1 %). */
  readonly minValueShare: number;
  /** Share of controlled shipments approved, 0–1. */
  readonly permitShare: number;
  /** Extra months a controlled shipment waits before it ships. */
  readonly delayMonths: number;
  /** 1 for each destination region index covered; length = regions. */
  readonly destinationMask: Uint8Array;
  /** First month index the rule applies, inclusive. */
  readonly fromMonth: number;
  /** Month index the rule stops applying, exclusive. */
  readonly toMonth: number;
}

/** A strategic-stock build (positive tonnes per month, bought on the market) or release (negative, to the region's users) in one region. */
export interface StockChange {
  /** Region index holding the strategic stock. */
  readonly region: number;
  /** Element index. */
  readonly element: number;
  /** Form index held (`FORM_INDEX`). @default 1 (oxide) */
  readonly form?: number;
  /** Tonnes of element content per month: + build (bought and taken from the region's users' stock of the form), − release (to it). */
  readonly tonnesPerMonth: number;
  /** First month index, inclusive. */
  readonly fromMonth: number;
  /** Month index it stops, exclusive. */
  readonly toMonth: number;
}

/** A guaranteed minimum price for producers in one region: they produce as if the price were at least this. */
export interface PriceFloor {
  /** Region index of the producers covered. */
  readonly region: number;
  /** 1 for each element index covered; length = elements. */
  readonly elementMask: Uint8Array;
  /** Floor in US dollars per kg of element content (convert oxide-basis floors with the oxide factor). */
  readonly usdPerKg: number;
  /** First month index, inclusive. */
  readonly fromMonth: number;
  /** Month index it stops, exclusive. */
  readonly toMonth: number;
}

/** Everything a policy set does to a run, compiled. New facilities are added to the world before compile. */
export interface EngineConstraints {
  /** Number of months covered; must equal the model's `months`. */
  readonly months: number;
  /** Segment index in force in each month; `Int32Array(months)`. */
  readonly segmentOfMonth: Int32Array;
  /** The distinct constraint segments. */
  readonly segments: readonly ConstraintSegment[];
  /** Export quotas. */
  readonly exportQuotas: readonly ExportQuota[];
  /** Extraterritorial (foreign-direct-product / de-minimis) rules. */
  readonly extraterritorialRules: readonly ExtraterritorialRule[];
  /** Strategic stock builds and releases. */
  readonly stockChanges: readonly StockChange[];
  /** Producer price floors. */
  readonly priceFloors: readonly PriceFloor[];
}

/** A mixed product (traded as a whole: concentrate, magnets) per form index; separated products (oxide, metal) are one element each. */
export const MIXED_PRODUCT_FORM: readonly boolean[] = [true, false, false, true];

/** A `[element][form]` cell mask with 1 at each listed cell. */
export function cellMaskOf(elements: number, cells: Iterable<{ readonly element: number; readonly form: number }>): Uint8Array {
  const mask = new Uint8Array(elements * FORM_COUNT);
  for (const c of cells) mask[c.element * FORM_COUNT + c.form] = 1;
  return mask;
}

/** Offset of `[from][to][element][form]` in `exportPermitShare` / `licenceDelayMonths`. */
export function tradeConstraintOffset(shape: ConstraintShape, from: number, to: number, element: number, form: number): number {
  const regions = shape.regionIds.length;
  const elements = shape.elementSymbols.length;
  return ((from * regions + to) * elements + element) * FORM_COUNT + form;
}

/**
 * A constraint segment with no restriction: free trade, no delay, capacity and demand unchanged.
 * Policies copy it and edit the copy.
 */
export function createNeutralSegment(shape: ConstraintShape): ConstraintSegment {
  const regions = shape.regionIds.length;
  const tradeSize = regions * regions * shape.elementSymbols.length * FORM_COUNT;
  return {
    exportPermitShare: new Float32Array(tradeSize).fill(1),
    licenceDelayMonths: new Float32Array(tradeSize),
    capacityMultiplier: new Float32Array(shape.facilityIds.length).fill(1),
    demandMultiplier: new Float32Array(regions * shape.sectorIds.length).fill(1),
    importTariffRate: new Float32Array(tradeSize),
  };
}

/** A deep copy of a segment, for a policy to edit without touching the original. */
export function copySegment(segment: ConstraintSegment): ConstraintSegment {
  return {
    exportPermitShare: segment.exportPermitShare.slice(),
    licenceDelayMonths: segment.licenceDelayMonths.slice(),
    capacityMultiplier: segment.capacityMultiplier.slice(),
    demandMultiplier: segment.demandMultiplier.slice(),
    importTariffRate: segment.importTariffRate.slice(),
  };
}

/**
 * The no-policy case: one neutral segment for every month and no lists.
 * @example const result = runSimulation(model, createNeutralConstraints(model), { seed: 1 });
 */
export function createNeutralConstraints(shape: ConstraintShape): EngineConstraints {
  return {
    months: shape.months,
    segmentOfMonth: new Int32Array(shape.months),
    segments: [createNeutralSegment(shape)],
    exportQuotas: [],
    extraterritorialRules: [],
    stockChanges: [],
    priceFloors: [],
  };
}

/** Thrown when constraints do not fit the model they are run with (a programming error in the caller). */
export class ConstraintShapeError extends Error {
  override readonly name = "ConstraintShapeError";
  /** Stable code for callers that branch on it. */
  readonly code = "RE_CONSTRAINT_SHAPE";
}

/** Check that `constraints` fit `shape`; throws `ConstraintShapeError` naming the first misfit. */
export function assertConstraintsFit(shape: ConstraintShape, constraints: EngineConstraints): void {
  const R = shape.regionIds.length;
  const E = shape.elementSymbols.length;
  const fail = (what: string) => {
    throw new ConstraintShapeError(`constraints do not fit the model: ${what}; build them with createNeutralConstraints(model) and edit the copy`);
  };
  if (constraints.months !== shape.months) fail(`months ${constraints.months} ≠ model months ${shape.months}`);
  if (constraints.segmentOfMonth.length !== shape.months) fail(`segmentOfMonth has length ${constraints.segmentOfMonth.length}, expected ${shape.months}`);
  if (constraints.segments.length === 0) fail("no segments");
  for (const s of constraints.segmentOfMonth) if (s < 0 || s >= constraints.segments.length) fail(`segment index ${s} out of range`);
  constraints.segments.forEach((seg, i) => {
    if (seg.exportPermitShare.length !== R * R * E * FORM_COUNT) fail(`segments[${i}].exportPermitShare has length ${seg.exportPermitShare.length}, expected ${R * R * E * FORM_COUNT}`);
    if (seg.licenceDelayMonths.length !== R * R * E * FORM_COUNT) fail(`segments[${i}].licenceDelayMonths has the wrong length`);
    if (seg.capacityMultiplier.length !== shape.facilityIds.length) fail(`segments[${i}].capacityMultiplier has length ${seg.capacityMultiplier.length}, expected ${shape.facilityIds.length}`);
    if (seg.demandMultiplier.length !== R * shape.sectorIds.length) fail(`segments[${i}].demandMultiplier has the wrong length`);
    if (seg.importTariffRate.length !== R * R * E * FORM_COUNT) fail(`segments[${i}].importTariffRate has the wrong length`);
  });
  const inRegion = (r: number) => Number.isInteger(r) && r >= 0 && r < R;
  for (const q of constraints.exportQuotas) {
    if (!inRegion(q.issuer) || q.cellMask.length !== E * FORM_COUNT || q.destinationMask.length !== R) fail("an export quota has a bad issuer or mask length");
    if (!(q.periodMonths >= 1) || !(q.tonnesPerPeriod >= 0)) fail("an export quota needs periodMonths ≥ 1 and tonnesPerPeriod ≥ 0");
  }
  for (const x of constraints.extraterritorialRules) {
    if (!inRegion(x.issuer) || x.contentMask.length !== E || x.productMask.length !== E * FORM_COUNT || x.destinationMask.length !== R) fail("an extraterritorial rule has a bad issuer or mask length");
    if (x.magnetGradeCover.length > 0 && shape.gradeIds !== undefined && x.magnetGradeCover.length !== shape.gradeIds.length) fail("an extraterritorial rule's magnetGradeCover does not have one entry per magnet grade");
  }
  for (const s of constraints.stockChanges) {
    if (!inRegion(s.region) || s.element < 0 || s.element >= E || (s.form !== undefined && !(s.form >= 0 && s.form < FORM_COUNT))) fail("a stock change has a bad region, element or form");
  }
  for (const p of constraints.priceFloors) if (!inRegion(p.region) || p.elementMask.length !== E) fail("a price floor has a bad region or mask length");
}
