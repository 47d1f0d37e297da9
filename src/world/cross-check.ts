/**
 * @module world/cross-check
 * Checks that span records and files: unique ids, references that resolve (regions, profiles,
 * grades, sectors, sources), shares that sum to 100, output within capacity, rejects of separated elements.
 * Shape checks are the schemas' job; this runs only on files that passed them.
 */
import { ELEMENT_SYMBOLS } from "../model/ids.js";
import type { Issue } from "../model/issues.js";
import { sourceIds } from "../model/sourced.js";
import type { Source, World } from "../model/world-schema.js";
import { withLocation, type LocatedYaml } from "../model/yaml-edge.js";
import { expandElements } from "./elements.js";

/** Where each collection of the merged world came from: its file and top-level key. */
const COLLECTION_FILES = {
  elements: "elements.yaml",
  regions: "regions.yaml",
  depositProfiles: "deposit-profiles.yaml",
  mines: "mines.yaml",
  separationPlants: "separation-plants.yaml",
  metalPlants: "metal-plants.yaml",
  magnetPlants: "magnet-plants.yaml",
  magnetGrades: "magnet-grades.yaml",
  sectors: "demand.yaml",
  demand2024: "demand.yaml",
  leadTimes: "trade.yaml",
  flows: "trade.yaml",
  domesticOnly: "trade.yaml",
  sellsOnlyTo: "trade.yaml",
  offtakes: "trade.yaml",
  prices: "markets.yaml",
  unpricedElements: "markets.yaml",
  inventoryNorms: "markets.yaml",
  stockpiles: "markets.yaml",
  parameters: "parameters.yaml",
  regionParameters: "parameters.yaml",
  referencePoints: "reference-points.yaml",
} as const;
type CollectionKey = keyof typeof COLLECTION_FILES;

/** Parsed files and source entries, for locating issues. */
export interface CrossCheckContext {
  readonly parsed: ReadonlyMap<string, { yaml: LocatedYaml }>;
  readonly sources: readonly { yaml: LocatedYaml; index: number; source: Source }[];
  /** Whether a file (or `sources/`) parsed and validated; references into incomplete files are not checked. */
  readonly isComplete: (fileName: string) => boolean;
}

type Rec = Record<string, unknown>;

/** Run every cross-record check on an assembled world and return the located issues. */
export function crossCheckWorld(world: World, context: CrossCheckContext): Issue[] {
  const issues: Issue[] = [];
  const report = (key: CollectionKey, path: (string | number)[], issue: Omit<Issue, "path" | "file" | "line" | "column">) => {
    const yaml = context.parsed.get(COLLECTION_FILES[key])?.yaml;
    const full = { ...issue, path: [key, ...path] };
    issues.push(yaml === undefined ? full : withLocation(yaml, full));
  };
  const each = (key: CollectionKey, visit: (record: Rec, index: number) => void) => {
    ((world[key] ?? []) as readonly Rec[]).forEach(visit);
  };

  checkSourcesUnique(context, issues);
  const complete = context.isComplete;
  if (complete("elements.yaml")) checkElements(world, report);
  for (const key of ["regions", "depositProfiles", "mines", "magnetGrades", "sectors", "stockpiles", "referencePoints", "parameters"] as const) {
    checkUniqueIds(world[key] as readonly Rec[], (i, id, first) =>
      report(key, [i, "id"], duplicate(id, `${COLLECTION_FILES[key]} ${key}[${first}]`)), "id");
  }
  checkPlantIdsUnique(world, report);

  const sourceIdSet = new Set(world.sources.map((s) => s.id));
  const regionIds = new Set(world.regions.map((r) => r.id));
  const profileIds = new Set(world.depositProfiles.map((p) => p.id));
  const gradeIds = new Set(world.magnetGrades.map((g) => g.id));
  const sectorById = new Map(world.sectors.map((s) => [s.id, s]));

  for (const key of Object.keys(COLLECTION_FILES) as CollectionKey[]) {
    if (key === "regions" || !complete("sources/")) continue;
    each(key, (record, i) => {
      const source = record["source"] as string | string[] | undefined;
      if (source === undefined) return;
      sourceIds(source).forEach((id, j) => {
        if (sourceIdSet.has(id)) return;
        const path = typeof source === "string" ? [i, "source"] : [i, "source", j];
        report(key, path, {
          code: "unresolved_source", message: `source "${id}" is not in the source list (sources/*.yaml)`,
          expected: "an id listed in sources/", received: id, hint: `add an entry with id: ${id} to a file in sources/, or fix the id`,
        });
      });
    });
  }

  const regionFields: [CollectionKey, string[]][] = [
    ["mines", ["region", "technologyOrigin"]], ["separationPlants", ["region", "technologyOrigin"]],
    ["metalPlants", ["region", "technologyOrigin"]], ["magnetPlants", ["region", "technologyOrigin"]],
    ["demand2024", ["region"]], ["leadTimes", ["from", "to"]], ["flows", ["from", "to"]], ["domesticOnly", ["region"]],
    ["sellsOnlyTo", ["region"]], ["offtakes", ["buyer"]], ["stockpiles", ["region"]], ["regionParameters", ["region"]], ["referencePoints", ["region", "from"]],
  ];
  for (const [key, fields] of complete("regions.yaml") ? regionFields : []) {
    each(key, (record, i) => {
      for (const field of fields) {
        const id = record[field];
        if (typeof id === "string" && !regionIds.has(id)) report(key, [i, field], unknownRef("region", id, "regions.yaml"));
      }
    });
  }
  if (complete("regions.yaml")) {
    world.sellsOnlyTo.forEach((d, i) => d.buyers.forEach((id, k) => {
      if (!regionIds.has(id)) report("sellsOnlyTo", [i, "buyers", k], unknownRef("region", id, "regions.yaml"));
    }));
  }
  const separationIds = new Set(world.separationPlants.map((p) => p.id));
  world.mines.forEach((m, i) => {
    if (complete("deposit-profiles.yaml") && !profileIds.has(m.profile)) report("mines", [i, "profile"], unknownRef("deposit profile", m.profile, "deposit-profiles.yaml"));
    (m.offtakePlants ?? []).forEach((id, k) => {
      if (complete("separation-plants.yaml") && !separationIds.has(id)) report("mines", [i, "offtakePlants", k], unknownRef("separation plant", id, "separation-plants.yaml"));
    });
  });
  world.sectors.forEach((s, i) => {
    if (s.use === "magnet" && complete("magnet-grades.yaml") && !gradeIds.has(s.magnetGrade)) report("sectors", [i, "magnetGrade"], unknownRef("magnet grade", s.magnetGrade, "magnet-grades.yaml"));
  });
  world.demand2024.forEach((d, i) => {
    const sector = sectorById.get(d.sector);
    if (sector === undefined) return report("demand2024", [i, "sector"], unknownRef("sector", d.sector, "demand.yaml sectors"));
    const wanted = sector.use === "magnet" ? "magnetTonnes" : "tonnesReo";
    const other = sector.use === "magnet" ? "tonnesReo" : "magnetTonnes";
    if (d[wanted] === undefined) {
      report("demand2024", [i], { code: "missing_field", message: `missing ${wanted}; ${sector.use} sector ${d.sector} states its demand as ${wanted}`, expected: wanted });
    }
    if (d[other] !== undefined) {
      report("demand2024", [i, other], { code: "unknown_key", message: `${other} does not apply to ${sector.use} sector ${d.sector}; use ${wanted}`, expected: wanted, received: other });
    }
  });

  world.depositProfiles.forEach((p, i) => checkSum(p.sharesPercentOfTreo, (msg) => report("depositProfiles", [i, "sharesPercentOfTreo"], msg)));
  world.sectors.forEach((s, i) => {
    if (s.use === "non-magnet") checkSum(s.elementSharesPercent, (msg) => report("sectors", [i, "elementSharesPercent"], msg));
  });
  world.magnetGrades.forEach((g, i) => {
    const total = sumValues(g.elementsWeightPercent);
    if (total <= 0 || total > 100) {
      report("magnetGrades", [i, "elementsWeightPercent"], { code: "inconsistent_value", message: `expected rare-earth content between 0 and 100 wt% in total, got ${round(total)}`, expected: "0 < total <= 100", received: String(round(total)) });
    }
  });

  checkOutputWithinCapacity(world, report);
  checkRejectsSeparated(world, report);
  checkSellerLimits(world, report, complete);
  checkOfftakes(world, report, complete);
  checkUniqueKeys(world, report);
  checkReferencePoints(world, report);
  return issues;
}

type Report = (key: CollectionKey, path: (string | number)[], issue: Omit<Issue, "path" | "file" | "line" | "column">) => void;

function duplicate(id: string, firstAt: string) {
  return { code: "duplicate_id" as const, message: `duplicate id "${id}" (first used at ${firstAt})`, expected: "a unique id", received: id };
}

function unknownRef(what: string, id: string, where: string) {
  return { code: "unknown_reference" as const, message: `unknown ${what} "${id}"; expected one defined in ${where}`, expected: `a ${what} id from ${where}`, received: id };
}

function checkUniqueIds(records: readonly Rec[], onDuplicate: (index: number, id: string, firstIndex: number) => void, field: string) {
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const id = String(r[field]);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else onDuplicate(i, id, first);
  });
}

function checkSourcesUnique(context: CrossCheckContext, issues: Issue[]) {
  const seen = new Map<string, string>();
  for (const { yaml, index, source } of context.sources) {
    const first = seen.get(source.id);
    if (first === undefined) seen.set(source.id, `${yaml.file} sources[${index}]`);
    else issues.push(withLocation(yaml, { path: ["sources", index, "id"], ...duplicate(source.id, first) }));
  }
}

function checkElements(world: World, report: Report) {
  checkUniqueIds(world.elements as readonly Rec[], (i, id, first) => report("elements", [i, "symbol"], duplicate(id, `elements.yaml elements[${first}]`)), "symbol");
  const present = new Set(world.elements.map((e) => e.symbol));
  const missing = ELEMENT_SYMBOLS.filter((s) => !present.has(s));
  if (missing.length > 0) {
    report("elements", [], { code: "missing_field", message: `missing elements ${missing.join(", ")}; the world must describe all 16 modelled rare earths`, expected: ELEMENT_SYMBOLS.join(", ") });
  }
}

function checkPlantIdsUnique(world: World, report: Report) {
  const seen = new Map<string, string>();
  for (const key of ["separationPlants", "metalPlants", "magnetPlants"] as const) {
    world[key].forEach((p, i) => {
      const first = seen.get(p.id);
      if (first === undefined) seen.set(p.id, `${COLLECTION_FILES[key]} ${key}[${i}]`);
      else report(key, [i, "id"], duplicate(p.id, first));
    });
  }
}

function sumValues(map: Partial<Record<string, number>>): number {
  let total = 0;
  for (const v of Object.values(map)) total += v ?? 0;
  return total;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function checkSum(map: Partial<Record<string, number>>, onBad: (issue: Omit<Issue, "path" | "file" | "line" | "column">) => void) {
  const total = sumValues(map);
  if (Math.abs(total - 100) > 0.5) {
    onBad({
      code: "shares_not_100", message: `expected shares summing to 100 (±0.5), got ${round(total)}`,
      expected: "100 ± 0.5", received: String(round(total)), hint: "normalise the shares and say so in the record's note or estimate",
    });
  }
}

/** A plant can reject at its front end only elements it takes in to separate. */
function checkRejectsSeparated(world: World, report: Report) {
  world.separationPlants.forEach((p, i) => {
    const separated = new Set<string>(expandElements(world, p.separates));
    for (const symbol of Object.keys(p.rejectsPercentOfFeed ?? {})) {
      if (separated.has(symbol)) continue;
      report("separationPlants", [i, "rejectsPercentOfFeed", symbol], {
        code: "inconsistent_value", message: `rejects ${symbol}, which the plant does not separate; list it under separates or drop the reject`,
        expected: `one of ${[...separated].join(", ")}`, received: symbol,
      });
    }
  });
}

/** A seller's limit on one form: the record that sets it and the regions abroad it may sell to (none: home only). */
interface SellerLimit {
  readonly key: "domesticOnly" | "sellsOnlyTo";
  readonly index: number;
  readonly buyers: ReadonlySet<string>;
}

/** How a limit reads in a message: "only at home" or "only to CN and at home". */
function limitText(limit: SellerLimit): string {
  return limit.buyers.size === 0 ? "only at home" : `only to ${[...limit.buyers].join(", ")} and at home`;
}

/**
 * A form a region sells only at home (`domesticOnly`) or only to listed buyers (`sellsOnlyTo`) cannot reach another
 * region: not in a 2024 trade flow, and not as a mine's concentrate sent to an owner's or offtake partner's separation
 * plant there. A `sellsOnlyTo` record lists each buyer once, not its own region (home always buys), and does not repeat a
 * region and form that `domesticOnly` already closes.
 */
function checkSellerLimits(world: World, report: Report, complete: (fileName: string) => boolean) {
  if (world.domesticOnly.length === 0 && world.sellsOnlyTo.length === 0) return;
  const limits = new Map<string, SellerLimit>(world.domesticOnly.map((d, i) => [`${d.region}/${d.form}`, { key: "domesticOnly", index: i, buyers: new Set() }]));
  world.sellsOnlyTo.forEach((d, i) => {
    const seen = new Map<string, number>();
    d.buyers.forEach((buyer, k) => {
      if (buyer === d.region) {
        report("sellsOnlyTo", [i, "buyers", k], {
          code: "inconsistent_value", message: `${d.region} is the seller's own region, which always buys`, expected: `a region other than ${d.region}`, received: buyer,
          hint: `drop ${buyer} from buyers`,
        });
      } else if (seen.has(buyer)) {
        report("sellsOnlyTo", [i, "buyers", k], {
          code: "duplicate_id", message: `buyer ${buyer} is listed twice (first at buyers[${seen.get(buyer)}])`, expected: "each buyer once", received: buyer,
        });
      } else {
        seen.set(buyer, k);
      }
    });
    const key = `${d.region}/${d.form}`;
    const closed = limits.get(key);
    if (closed?.key === "domesticOnly") {
      report("sellsOnlyTo", [i], {
        code: "duplicate_id", message: `${d.region} already sells its ${d.form} only at home (domesticOnly[${closed.index}])`, expected: "one record per region/form", received: key,
        hint: "keep one of the two records",
      });
    } else if (closed === undefined) {
      limits.set(key, { key: "sellsOnlyTo", index: i, buyers: new Set(seen.keys()) });
    }
  });
  world.flows.forEach((f, i) => {
    const limit = limits.get(`${f.from}/${f.form}`);
    if (f.from === f.to || limit === undefined || limit.buyers.has(f.to)) return;
    report("flows", [i, "from"], {
      code: "inconsistent_value", message: `ships ${f.form} from ${f.from} to ${f.to}, but ${limit.key}[${limit.index}] says ${f.from} sells its ${f.form} ${limitText(limit)}`,
      expected: `a region that sells ${f.form} to ${f.to}`, received: f.from,
      hint: limit.key === "domesticOnly" ? "drop the flow or the domesticOnly record" : `drop the flow or add ${f.to} to sellsOnlyTo[${limit.index}].buyers`,
    });
  });
  const at = (region: string) => limits.get(`${region}/concentrate`);
  if (!complete("mines.yaml") || !complete("separation-plants.yaml") || world.mines.every((m) => at(m.region) === undefined)) return;
  const plantRegion = new Map(world.separationPlants.map((p) => [p.id, p.region]));
  world.mines.forEach((m, i) => {
    const limit = at(m.region);
    if (limit === undefined) return;
    (m.offtakePlants ?? []).forEach((id, k) => {
      const region = plantRegion.get(id);
      if (region === undefined || region === m.region || limit.buyers.has(region)) return;
      report("mines", [i, "offtakePlants", k], {
        code: "inconsistent_value", message: `sends ${m.region} concentrate to ${id} in ${region}, but trade.yaml ${limit.key}[${limit.index}] says ${m.region} sells its concentrate ${limitText(limit)}`,
        expected: `a separation plant in a region ${m.region} sells concentrate to`, received: id,
        hint: limit.key === "domesticOnly" ? "drop the offtake or the domesticOnly record" : `drop the offtake or add ${region} to sellsOnlyTo[${limit.index}].buyers`,
      });
    });
  });
}

/** Product form of each plant stage, for offtakes named by plant. */
const PLANT_FORMS = [["separationPlants", "oxide"], ["metalPlants", "metal"], ["magnetPlants", "magnet"]] as const;

/**
 * Offtakes (trade.yaml): the supplier is a known region or a plant that makes the form and the elements, the buyer is
 * another region, `until` comes after `from`, and two offtakes of the same supplier, form and element in the same months
 * neither name the same buyer (overlap) nor give away more than the whole (shares summing above 1).
 */
function checkOfftakes(world: World, report: Report, complete: (fileName: string) => boolean) {
  const offtakes = world.offtakes ?? [];
  if (offtakes.length === 0) return;
  const regionIds = new Set(world.regions.map((r) => r.id));
  const plants = new Map<string, { region: string; form: string; elements: Set<string> }>();
  for (const [key, form] of PLANT_FORMS) {
    for (const p of world[key]) {
      const elements = "separates" in p ? expandElements(world, p.separates) : "makes" in p ? expandElements(world, p.makes) : world.elements.map((e) => e.symbol);
      plants.set(p.id, { region: p.region, form, elements: new Set<string>(elements) });
    }
  }
  const plantsComplete = complete("separation-plants.yaml") && complete("metal-plants.yaml") && complete("magnet-plants.yaml");
  // The supplier's region, or undefined when it cannot be resolved (reported once, here).
  const regionOf = offtakes.map((o, i) => {
    if (!o.supplier.startsWith("plant:")) {
      if (complete("regions.yaml") && !regionIds.has(o.supplier)) report("offtakes", [i, "supplier"], unknownRef("region", o.supplier, "regions.yaml"));
      return o.supplier;
    }
    const plant = plants.get(o.supplier);
    if (plant === undefined) {
      if (plantsComplete) report("offtakes", [i, "supplier"], unknownRef("plant", o.supplier, "separation-plants.yaml, metal-plants.yaml or magnet-plants.yaml"));
      return undefined;
    }
    if (plant.form !== o.form) {
      report("offtakes", [i, "form"], { code: "inconsistent_value", message: `${o.supplier} makes ${plant.form}, not ${o.form}`, expected: plant.form, received: o.form });
    }
    o.elements.forEach((symbol, k) => {
      if (plant.form === o.form && !plant.elements.has(symbol)) {
        report("offtakes", [i, "elements", k], { code: "inconsistent_value", message: `${o.supplier} does not make ${symbol}; list only elements it makes`, expected: `one of ${[...plant.elements].join(", ")}`, received: symbol });
      }
    });
    return plant.region;
  });
  // A region that sells the form only at home, or only to listed buyers, has no offtake to another buyer.
  offtakes.forEach((o, i) => {
    const region = regionOf[i];
    if (region === undefined || region === o.buyer) return;
    const home = world.domesticOnly.findIndex((d) => d.region === region && d.form === o.form);
    const listed = world.sellsOnlyTo.findIndex((d) => d.region === region && d.form === o.form && !d.buyers.includes(o.buyer));
    if (home < 0 && listed < 0) return;
    report("offtakes", [i, "buyer"], {
      code: "inconsistent_value",
      message: `${region} sells its ${o.form} ${home >= 0 ? `only at home (domesticOnly[${home}])` : `only to ${world.sellsOnlyTo[listed]!.buyers.join(", ")} (sellsOnlyTo[${listed}])`}, not to ${o.buyer}`,
      expected: `a buyer ${region} sells ${o.form} to`, received: o.buyer,
      hint: home >= 0 ? "drop the offtake or the domesticOnly record" : `drop the offtake or add ${o.buyer} to sellsOnlyTo[${listed}].buyers`,
    });
  });
  offtakes.forEach((o, i) => {
    if (regionOf[i] === o.buyer) report("offtakes", [i, "buyer"], { code: "inconsistent_value", message: `the buyer ${o.buyer} is the supplier's own region; an offtake sells abroad`, expected: "a region other than the supplier's", received: o.buyer });
    if (o.until !== undefined && o.until <= o.from) report("offtakes", [i, "until"], { code: "inconsistent_value", message: `until ${o.until} is not after from ${o.from}`, expected: `a month after ${o.from}`, received: o.until });
  });
  const overlaps = (a: { from: string; until?: string | undefined }, b: { from: string; until?: string | undefined }) =>
    (a.until === undefined || b.from < a.until) && (b.until === undefined || a.from < b.until);
  offtakes.forEach((o, i) => {
    for (let j = 0; j < i; j++) {
      const first = offtakes[j]!;
      if (first.supplier !== o.supplier || first.form !== o.form || !overlaps(first, o)) continue;
      const shared = o.elements.filter((e) => first.elements.includes(e));
      if (shared.length === 0) continue;
      if (first.buyer === o.buyer) {
        report("offtakes", [i, "from"], {
          code: "inconsistent_value", message: `overlaps offtakes[${j}] (${first.id}): same supplier ${o.supplier}, buyer ${o.buyer}, form ${o.form} and ${shared.join(", ")} in the same months`,
          expected: `months outside ${first.from} – ${first.until ?? "open"}`, received: `${o.from} – ${o.until ?? "open"}`, hint: "end one offtake (until) where the next begins (from)",
        });
      } else if (first.share + o.share > 1 + 1e-9) {
        report("offtakes", [i, "share"], {
          code: "inconsistent_value", message: `with offtakes[${j}] (${first.id}) gives ${round(first.share + o.share)} of ${o.supplier}'s ${shared.join(", ")} ${o.form} away in the same months`,
          expected: `a share of at most ${round(1 - first.share)}`, received: String(o.share),
        });
      }
    }
  });
  // Three or more at once may give away more than the whole though no two do: the shares in force when each begins, per
  // element (the sum can only rise at a start), once per offtake.
  const activeAt = (x: (typeof offtakes)[number], month: string) => x.from <= month && (x.until === undefined || month < x.until);
  offtakes.forEach((o, i) => {
    for (const element of o.elements) {
      const together = offtakes.filter((x) => x.supplier === o.supplier && x.form === o.form && x.elements.includes(element) && activeAt(x, o.from));
      const total = together.reduce((a, x) => a + x.share, 0);
      const pairOver = together.some((x, a) => together.some((y, b) => a < b && x.share + y.share > 1 + 1e-9));
      if (together.length < 3 || total <= 1 + 1e-9 || pairOver) continue;
      report("offtakes", [i, "share"], {
        code: "inconsistent_value", message: `with ${together.filter((x) => x !== o).map((x) => x.id).join(", ")} gives ${round(total)} of ${o.supplier}'s ${element} ${o.form} away from ${o.from}`,
        expected: `shares of at most 1 together (at most ${round(1 - (total - o.share))} here)`, received: String(o.share),
      });
      break;
    }
  });
}

function checkOutputWithinCapacity(world: World, report: Report) {
  const check = (key: CollectionKey, i: number, output: number | undefined, capacity: number, outField: string) => {
    if (output !== undefined && output > capacity * 1.01 + 1e-9) {
      report(key, [i, outField], {
        code: "inconsistent_value", message: `2024 output ${output} is above the capacity ${capacity}; capacity must be at least the output`,
        expected: `<= ${capacity}`, received: String(output),
      });
    }
  };
  world.mines.forEach((m, i) => check("mines", i, m.output2024TonnesReo, m.capacityTonnesReoPerYear, "output2024TonnesReo"));
  world.separationPlants.forEach((p, i) => check("separationPlants", i, p.output2024TonnesReo, p.capacityTonnesReoPerYear, "output2024TonnesReo"));
  world.metalPlants.forEach((p, i) => check("metalPlants", i, p.output2024Tonnes, p.capacityTonnesPerYear, "output2024Tonnes"));
  world.magnetPlants.forEach((p, i) => check("magnetPlants", i, p.output2024Tonnes, p.capacityTonnesPerYear, "output2024Tonnes"));
}

function checkUniqueKeys(world: World, report: Report) {
  const uniqueBy = <T>(key: CollectionKey, records: readonly T[], keyOf: (r: T) => string, label: string) => {
    const seen = new Map<string, number>();
    records.forEach((r, i) => {
      const k = keyOf(r);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else report(key, [i], { code: "duplicate_id", message: `duplicate ${label} ${k} (first at ${key}[${first}])`, expected: `one record per ${label}`, received: k });
    });
  };
  uniqueBy("prices", world.prices, (p) => `${p.element}/${p.form}`, "element/form");
  uniqueBy("unpricedElements", world.unpricedElements ?? [], (u) => u.element, "element");
  // An element is priced or declared unpriced, not both.
  (world.unpricedElements ?? []).forEach((u, i) => {
    if (world.prices.some((p) => p.element === u.element)) {
      report("unpricedElements", [i, "element"], { code: "inconsistent_value", message: `${u.element} has a price in prices, so it is not unpriced`, expected: "an element with no price record", received: u.element, hint: `drop ${u.element} from unpricedElements or its price from prices` });
    }
  });
  uniqueBy("inventoryNorms", world.inventoryNorms, (n) => n.stage, "stage");
  uniqueBy("regionParameters", world.regionParameters, (r) => r.region, "region");
  uniqueBy("leadTimes", world.leadTimes, (l) => `${l.from}->${l.to}`, "route");
  uniqueBy("offtakes", world.offtakes ?? [], (o) => o.id, "id");
  uniqueBy("domesticOnly", world.domesticOnly, (d) => `${d.region}/${d.form}`, "region/form");
  uniqueBy("sellsOnlyTo", world.sellsOnlyTo, (d) => `${d.region}/${d.form}`, "region/form");
  uniqueBy("demand2024", world.demand2024, (d) => `${d.sector}@${d.region}`, "sector and region");
  // Short names stand for sectors in terminal tables: two alike would read as one sector.
  const shortNames = new Map<string, number>();
  world.sectors.forEach((s, i) => {
    if (s.shortName === undefined) return;
    const first = shortNames.get(s.shortName.toLowerCase());
    if (first === undefined) shortNames.set(s.shortName.toLowerCase(), i);
    else report("sectors", [i, "shortName"], { code: "duplicate_id", message: `duplicate short name "${s.shortName}" (first at sectors[${first}], ${world.sectors[first]?.id ?? ""})`, expected: "a short name no other sector has", received: s.shortName });
  });
}

function checkReferencePoints(world: World, report: Report) {
  world.referencePoints.forEach((ref, i) => {
    if ((ref.measure === "region-share" || ref.measure === "feed-share") && ref.region === undefined) {
      report("referencePoints", [i], { code: "missing_field", message: `missing region; measure ${ref.measure} needs the region it is about`, expected: "region" });
    }
    if (ref.measure === "feed-share" && ref.from === undefined) {
      report("referencePoints", [i], { code: "missing_field", message: "missing from; measure feed-share needs the supplying region", expected: "from" });
    }
  });
}
