/**
 * @module model/world-schema
 * Zod schemas for every file of a world dataset (the source of truth for world types).
 * Shape only: cross-record checks (ids resolve, shares sum to 100) live in `world/cross-check`.
 */
import { z } from "zod";
import {
  daySchema, elementClassSchema, elementSymbolSchema, facilityStatusSchema, magnetTypeSchema,
  monthSchema, prefixedIdSchema, regionIdSchema, stageSchema,
} from "./ids.js";
import { sourcedFields, sourceIdSchema } from "./sourced.js";

const nonNegative = z.number().nonnegative();
const positive = z.number().positive();
const percent = z.number().min(0).max(100);

/** `elementSharesPercent`-style map: element symbol → percent. Sum is checked in cross-check. */
export const elementPercentMapSchema = z.partialRecord(elementSymbolSchema, percent);

// ── dataset.yaml ─────────────────────────────────────────────────────────────
export const datasetInfoSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  calibrationYear: z.number().int().min(2000).max(2100),
  currencyYear: z.number().int().min(2000).max(2100),
  description: z.string().optional(),
});

// ── sources.yaml ─────────────────────────────────────────────────────────────
export const sourceSchema = z
  .strictObject({
    id: sourceIdSchema,
    publisher: z.string().min(1),
    title: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    url: z.url().optional(),
    document: z.string().optional(),
    accessed: daySchema.optional(),
    note: z.string().optional(),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined, {
    message: "a url or a document number (e.g. an ISBN, DOI or SEC accession)",
    path: ["url"],
  });

// ── elements.yaml ────────────────────────────────────────────────────────────
export const elementSchema = z.strictObject({
  symbol: elementSymbolSchema,
  name: z.string().min(1),
  atomicNumber: z.number().int().min(21).max(71),
  class: elementClassSchema,
  oxideFormula: z.string().regex(/^[A-Z][a-z]?\d*O\d*$/, "an oxide formula such as Nd2O3"),
  oxideMassPerElementMass: z.number().min(1).max(2),
  ...sourcedFields,
});

// ── regions.yaml ─────────────────────────────────────────────────────────────
export const regionSchema = z.strictObject({
  id: regionIdSchema,
  name: z.string().min(1),
  kind: z.enum(["country", "bloc"]),
  members: z.array(z.string()).optional(),
  note: z.string().optional(),
});

// ── deposit-profiles.yaml ────────────────────────────────────────────────────
export const DEPOSIT_TYPES = [
  "bastnasite-carbonatite", "mixed-bastnasite-monazite", "carbonatite-laterite", "ion-adsorption-clay",
  "monazite-placer", "xenotime", "loparite", "eudialyte", "other",
] as const;
export const depositProfileSchema = z.strictObject({
  id: prefixedIdSchema("profile"),
  name: z.string().min(1),
  depositType: z.enum(DEPOSIT_TYPES),
  basis: z.string().min(1),
  sharesPercentOfTreo: elementPercentMapSchema,
  status: z.enum(["verified", "partly-verified", "estimate"]),
  ...sourcedFields,
});

// ── facilities: shared fields ────────────────────────────────────────────────
const facilityCommon = {
  name: z.string().min(1),
  region: regionIdSchema,
  owner: z.string().min(1),
  status: facilityStatusSchema,
  /** First month of output (for operating plants, when they started or the calibration start). */
  startMonth: monthSchema,
  /** Months from start to full capacity (linear ramp). */
  rampMonths: z.number().int().nonnegative(),
  /** Region whose process technology the facility relies on (for technology-ban policies). */
  technologyOrigin: regionIdSchema,
  ...sourcedFields,
};

// ── mines.yaml ───────────────────────────────────────────────────────────────
export const mineSchema = z.strictObject({
  id: prefixedIdSchema("mine"),
  profile: prefixedIdSchema("profile"),
  capacityTonnesReoPerYear: nonNegative,
  output2024TonnesReo: nonNegative.optional(),
  /**
   * Separation plants with a contract for the mine's concentrate (e.g. a take-or-pay offtake): they get the mine's
   * output first, through any export permit, as an owner's plants do. @default []
   */
  offtakePlants: z.array(prefixedIdSchema("plant")).optional(),
  ...facilityCommon,
});

// ── separation-plants.yaml ───────────────────────────────────────────────────
/** An element symbol, or a class name standing for all elements of that class. */
export const elementOrClassSchema = z.union([elementSymbolSchema, elementClassSchema]);
export const separationPlantSchema = z.strictObject({
  id: prefixedIdSchema("plant"),
  capacityTonnesReoPerYear: nonNegative,
  output2024TonnesReo: nonNegative.optional(),
  /** Elements the plant can separate into individual oxides; class names expand to their members. */
  separates: z.array(elementOrClassSchema).min(1),
  /**
   * Percent of the plant's feed of an element it rejects at the front end to residue, not separated (e.g. La and Ce that
   * do not pay for their separation). The plant's capacity and 2024 output then count feed, rejects included. @default {}
   */
  rejectsPercentOfFeed: elementPercentMapSchema.optional(),
  ...facilityCommon,
});

// ── metal-plants.yaml ────────────────────────────────────────────────────────
export const metalPlantSchema = z.strictObject({
  id: prefixedIdSchema("plant"),
  capacityTonnesPerYear: nonNegative,
  output2024Tonnes: nonNegative.optional(),
  /** Metals and alloys made (element symbols or classes). */
  makes: z.array(elementOrClassSchema).min(1),
  ...facilityCommon,
});

// ── magnet-plants.yaml ───────────────────────────────────────────────────────
export const magnetPlantSchema = z.strictObject({
  id: prefixedIdSchema("plant"),
  magnetType: magnetTypeSchema,
  capacityTonnesPerYear: nonNegative,
  output2024Tonnes: nonNegative.optional(),
  ...facilityCommon,
});

// ── magnet-grades.yaml ───────────────────────────────────────────────────────
export const magnetGradeSchema = z.strictObject({
  id: prefixedIdSchema("grade"),
  name: z.string().min(1),
  magnetType: magnetTypeSchema,
  /** Rare-earth content by element, wt% of finished magnet (the rest is Fe, B, Co, Cu…). */
  elementsWeightPercent: elementPercentMapSchema,
  /** Finished magnet out per tonne of alloy in (machining and process yield), 0–1. */
  yieldFinishedPerAlloy: z.number().gt(0).max(1),
  /**
   * Whether makers can cut this grade's Dy and Tb by grain-boundary diffusion or a Dy-free redesign (the demand
   * responses): false for thick bulk-alloyed blocks (wind generators) and the hottest duty (defence). @default true
   */
  heavyRareEarthThrift: z.boolean().optional(),
  ...sourcedFields,
});

// ── demand.yaml ──────────────────────────────────────────────────────────────
export const endProductSchema = z.strictObject({
  name: z.string().min(1),
  unit: z.string().min(1),
  magnetKgPerUnit: positive,
});
/** A sector's name for narrow places (terminal tables, 80–100 columns): at most 24 characters, unique in the world. */
export const SECTOR_SHORT_NAME_MAX = 24;
const sectorShortName = z.string().min(1).max(SECTOR_SHORT_NAME_MAX, `a short name of at most ${SECTOR_SHORT_NAME_MAX} characters for terminal tables`);
export const sectorSchema = z.discriminatedUnion("use", [
  z.strictObject({
    id: prefixedIdSchema("sector"),
    name: z.string().min(1),
    /** Name in terminal tables; the full `name` when omitted. */
    shortName: sectorShortName.optional(),
    use: z.literal("magnet"),
    magnetGrade: prefixedIdSchema("grade"),
    endProduct: endProductSchema.optional(),
    growthPercentPerYear: z.number().min(-50).max(100),
    ...sourcedFields,
  }),
  z.strictObject({
    id: prefixedIdSchema("sector"),
    name: z.string().min(1),
    shortName: sectorShortName.optional(),
    use: z.literal("non-magnet"),
    form: z.enum(["oxide", "metal"]),
    elementSharesPercent: elementPercentMapSchema,
    growthPercentPerYear: z.number().min(-50).max(100),
    ...sourcedFields,
  }),
]);
export const demandRecordSchema = z.strictObject({
  sector: prefixedIdSchema("sector"),
  region: regionIdSchema,
  /** Magnet sectors: tonnes of finished magnet per year. */
  magnetTonnes: nonNegative.optional(),
  /** Non-magnet sectors: tonnes of rare-earth oxide per year. */
  tonnesReo: nonNegative.optional(),
  /** Growth of this region's demand in this sector, %/yr; the sector's growth when omitted. */
  growthPercentPerYear: z.number().min(-50).max(100).optional(),
  ...sourcedFields,
});

// ── trade.yaml ───────────────────────────────────────────────────────────────
export const TRADED_FORMS = ["concentrate", "oxide", "metal", "magnet"] as const;
export const tradedFormSchema = z.enum(TRADED_FORMS);
export const leadTimeSchema = z.strictObject({
  from: regionIdSchema,
  to: regionIdSchema,
  months: z.number().min(0).max(12),
  ...sourcedFields,
});
export const flowSchema = z.strictObject({
  from: regionIdSchema,
  to: regionIdSchema,
  form: tradedFormSchema,
  /** Tonnes REO for concentrate and oxide, tonnes of product for metal and magnets. */
  tonnes: nonNegative,
  year: z.number().int(),
  ...sourcedFields,
});
/**
 * A form a region's producers sell only at home: they offer it to no buyer abroad, in the calibration year and in every
 * run (a standing prohibition or practice, such as China's of rare-earth ore, not a dated scenario measure).
 */
export const domesticOnlySchema = z.strictObject({
  region: regionIdSchema,
  form: tradedFormSchema,
  ...sourcedFields,
});
/**
 * A form a region's producers sell only to a listed set of buyer regions (home is always one): they offer it to no other
 * buyer, in the calibration year and in every run (a standing practice, such as Myanmar's clay concentrate going only to
 * China, not a dated scenario measure). `domesticOnly` is the case with no buyer abroad.
 */
export const sellsOnlyToSchema = z.strictObject({
  region: regionIdSchema,
  form: tradedFormSchema,
  /** Regions abroad that may buy the form (the seller's own region always may). */
  buyers: z.array(regionIdSchema).min(1, "at least one buyer region abroad (a form sold only at home goes in domesticOnly)"),
  ...sourcedFields,
});

/** Forms an offtake can cover: separated products (a mine's concentrate goes to plants by `offtakePlants` in mines.yaml). */
export const OFFTAKE_FORMS = ["oxide", "metal", "magnet"] as const;
/**
 * An offtake: a supplier (a region, or one of its plants) sells a share of its output of some elements in one form to a
 * buyer region first, before the pro-rata rounds, from `from` until `until` (months; `until` excluded), through the
 * usual permits. `capTonnesPerYear` caps the elements' total: t of oxide (REO) for oxide, t of element content for metal
 * and magnets.
 */
export const offtakeSchema = z.strictObject({
  id: prefixedIdSchema("offtake"),
  /** A region id, or a separation, metal or magnet plant id (its share of its region's capacity for the element). */
  supplier: z.union([regionIdSchema, prefixedIdSchema("plant")]),
  buyer: regionIdSchema,
  form: z.enum(OFFTAKE_FORMS),
  elements: z.array(elementSymbolSchema).min(1),
  /** Share of the supplier's available stock of each element the buyer may take first, 0–1. */
  share: z.number().min(0, "a share from 0 to 1").max(1, "a share from 0 to 1"),
  capTonnesPerYear: positive.optional(),
  from: monthSchema,
  until: monthSchema.optional(),
  ...sourcedFields,
});

// ── markets.yaml ─────────────────────────────────────────────────────────────
export const priceSchema = z.strictObject({
  element: elementSymbolSchema,
  form: z.enum(["oxide", "metal"]),
  purity: z.string().optional(),
  chinaDomesticUsdPerKg: positive,
  exChinaUsdPerKg: positive,
  asOf: monthSchema,
  assessor: z.string().min(1),
  ...sourcedFields,
});
/**
 * An element the world knowingly leaves without a price: runs use `price.defaultUsdPerKg` for it without a warning, and
 * the record's `estimate` says why (what was searched, why the element moves no other result).
 */
export const unpricedElementSchema = z.strictObject({
  element: elementSymbolSchema,
  ...sourcedFields,
  estimate: z.string().min(10, "a sentence saying why there is no price and what the default stands for"),
});
export const inventoryNormSchema = z.strictObject({
  stage: stageSchema,
  coverMonths: z.number().min(0).max(36),
  ...sourcedFields,
});
export const stockpileSchema = z.strictObject({
  id: prefixedIdSchema("stockpile"),
  region: regionIdSchema,
  holder: z.string().min(1),
  /** Tonnes of element content held, by element. */
  elementTonnes: z.partialRecord(elementSymbolSchema, nonNegative),
  ...sourcedFields,
});

// ── parameters.yaml ──────────────────────────────────────────────────────────
export const parameterSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9.-]*$/, "a parameter id such as price.responsePerMonth"),
  value: z.number(),
  unit: z.string().min(1),
  /** Plausible range for ensembles, [low, high]. */
  range: z.tuple([z.number(), z.number()]).optional(),
  description: z.string().min(1),
  ...sourcedFields,
});
export const regionParameterSchema = z.strictObject({
  region: regionIdSchema,
  /** Share of scarce output a region serves to its own industry before exporting, 0–1. */
  domesticPriorityShare: z.number().min(0).max(1),
  ...sourcedFields,
});

// ── reference-points.yaml ────────────────────────────────────────────────────
export const ELEMENT_GROUPS = ["all", "light", "heavy", "NdPr", "Dy", "Tb"] as const;
export const elementGroupSchema = z.enum(ELEMENT_GROUPS);
export const referencePointSchema = z.strictObject({
  id: prefixedIdSchema("ref"),
  stage: stageSchema,
  elements: elementGroupSchema,
  /** `region-share`: share of the stage held by `region`; `feed-share`: share of `region`'s feed that comes from `from`. */
  measure: z.enum(["region-share", "feed-share", "total-tonnes"]),
  region: regionIdSchema.optional(),
  from: regionIdSchema.optional(),
  value: z.number(),
  /** Departure beyond which `chokepoint facts` flags the figure (same unit as value). */
  tolerance: nonNegative,
  confidence: z.enum(["high", "medium", "low"]),
  ...sourcedFields,
});

// ── whole files ──────────────────────────────────────────────────────────────
/** Schema of each file in the world's `sources/` folder (sources are split by topic; ids are global). */
export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });

/** Each world file: its name and the schema of its top-level mapping. */
export const WORLD_FILES = {
  "dataset.yaml": z.strictObject({ dataset: datasetInfoSchema }),
  "elements.yaml": z.strictObject({ elements: z.array(elementSchema) }),
  "regions.yaml": z.strictObject({ regions: z.array(regionSchema).min(1) }),
  "deposit-profiles.yaml": z.strictObject({ depositProfiles: z.array(depositProfileSchema) }),
  "mines.yaml": z.strictObject({ mines: z.array(mineSchema) }),
  "separation-plants.yaml": z.strictObject({ separationPlants: z.array(separationPlantSchema) }),
  "metal-plants.yaml": z.strictObject({ metalPlants: z.array(metalPlantSchema) }),
  "magnet-plants.yaml": z.strictObject({ magnetPlants: z.array(magnetPlantSchema) }),
  "magnet-grades.yaml": z.strictObject({ magnetGrades: z.array(magnetGradeSchema) }),
  "demand.yaml": z.strictObject({ sectors: z.array(sectorSchema), demand2024: z.array(demandRecordSchema) }),
  "trade.yaml": z.strictObject({
    defaultLeadTimeMonths: z.number().min(0).max(12),
    leadTimes: z.array(leadTimeSchema),
    flows: z.array(flowSchema),
    domesticOnly: z.array(domesticOnlySchema).default([]),
    sellsOnlyTo: z.array(sellsOnlyToSchema).default([]),
    offtakes: z.array(offtakeSchema).default([]),
  }),
  "markets.yaml": z.strictObject({
    prices: z.array(priceSchema),
    /** Elements without a sourced price, on purpose. @default [] */
    unpricedElements: z.array(unpricedElementSchema).optional(),
    inventoryNorms: z.array(inventoryNormSchema),
    stockpiles: z.array(stockpileSchema),
  }),
  "parameters.yaml": z.strictObject({
    parameters: z.array(parameterSchema),
    regionParameters: z.array(regionParameterSchema),
  }),
  "reference-points.yaml": z.strictObject({ referencePoints: z.array(referencePointSchema) }),
} as const;
export type WorldFileName = keyof typeof WORLD_FILES;
export const WORLD_FILE_NAMES = Object.keys(WORLD_FILES) as WorldFileName[];

export type DatasetInfo = z.infer<typeof datasetInfoSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ElementRecord = z.infer<typeof elementSchema>;
export type Region = z.infer<typeof regionSchema>;
export type DepositProfile = z.infer<typeof depositProfileSchema>;
export type Mine = z.infer<typeof mineSchema>;
export type SeparationPlant = z.infer<typeof separationPlantSchema>;
export type MetalPlant = z.infer<typeof metalPlantSchema>;
export type MagnetPlant = z.infer<typeof magnetPlantSchema>;
export type MagnetGrade = z.infer<typeof magnetGradeSchema>;
export type Sector = z.infer<typeof sectorSchema>;
export type DemandRecord = z.infer<typeof demandRecordSchema>;
export type LeadTime = z.infer<typeof leadTimeSchema>;
export type Flow = z.infer<typeof flowSchema>;
export type DomesticOnly = z.infer<typeof domesticOnlySchema>;
export type SellsOnlyTo = z.infer<typeof sellsOnlyToSchema>;
export type Offtake = z.infer<typeof offtakeSchema>;
export type Price = z.infer<typeof priceSchema>;
export type UnpricedElement = z.infer<typeof unpricedElementSchema>;
export type InventoryNorm = z.infer<typeof inventoryNormSchema>;
export type Stockpile = z.infer<typeof stockpileSchema>;
export type Parameter = z.infer<typeof parameterSchema>;
export type RegionParameter = z.infer<typeof regionParameterSchema>;
export type ReferencePoint = z.infer<typeof referencePointSchema>;

/** A loaded, validated world: all files merged into one readonly object. */
export interface World {
  readonly dataset: DatasetInfo;
  readonly sources: readonly Source[];
  readonly elements: readonly ElementRecord[];
  readonly regions: readonly Region[];
  readonly depositProfiles: readonly DepositProfile[];
  readonly mines: readonly Mine[];
  readonly separationPlants: readonly SeparationPlant[];
  readonly metalPlants: readonly MetalPlant[];
  readonly magnetPlants: readonly MagnetPlant[];
  readonly magnetGrades: readonly MagnetGrade[];
  readonly sectors: readonly Sector[];
  readonly demand2024: readonly DemandRecord[];
  readonly defaultLeadTimeMonths: number;
  readonly leadTimes: readonly LeadTime[];
  readonly flows: readonly Flow[];
  /** Forms regions sell only at home (trade.yaml `domesticOnly`; none when the file gives none). */
  readonly domesticOnly: readonly DomesticOnly[];
  /** Forms regions sell only to listed buyer regions and at home (trade.yaml `sellsOnlyTo`; none when the file gives none). */
  readonly sellsOnlyTo: readonly SellsOnlyTo[];
  /** Offtakes: suppliers that sell a share of some elements to a buyer region first (trade.yaml `offtakes`). @default [] */
  readonly offtakes?: readonly Offtake[];
  readonly prices: readonly Price[];
  /** Elements the world leaves without a price on purpose (`price.defaultUsdPerKg` applies, without a warning). @default [] */
  readonly unpricedElements?: readonly UnpricedElement[];
  readonly inventoryNorms: readonly InventoryNorm[];
  readonly stockpiles: readonly Stockpile[];
  readonly parameters: readonly Parameter[];
  readonly regionParameters: readonly RegionParameter[];
  readonly referencePoints: readonly ReferencePoint[];
}
