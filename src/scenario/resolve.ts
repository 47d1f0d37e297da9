/**
 * @module scenario/resolve
 * Merges a scenario with the scenarios it extends and checks it against a world: regions,
 * sectors, facilities and suspended ids must exist; dates must be ordered and inside the horizon;
 * no two measures may contradict each other over the same goods at the same time.
 * It does not compile policies into engine constraints (see `policy/compile`).
 */
import { sortIssuesByPlace, type Issue } from "../model/issues.js";
import type { World } from "../model/world-schema.js";
import { withLocation, type LocatedYaml } from "../model/yaml-edge.js";
import type { Policy } from "../policy/kinds.js";
import { addMonths, dayNumberOf, subtractWindows, windowsOverlap, type DayWindow } from "../model/dates.js";
import { didYouMean } from "../model/suggest.js";
import { SCENARIO_DEFAULTS, type Overrides, type ScenarioFile } from "./schema.js";

/** One parsed scenario file in an `extends` chain. */
export interface ScenarioLayer {
  readonly file: ScenarioFile;
  readonly yaml: LocatedYaml;
}

/** A policy with where it was written (for messages) and its active days after suspensions. */
export interface ResolvedPolicy {
  readonly policy: Policy;
  readonly origin: { readonly yaml: LocatedYaml; readonly index: number };
  /** Days the policy is in force, suspensions removed. */
  readonly activeWindows: readonly DayWindow[];
}

/** A scenario ready to compile: defaults filled, parents merged, references checked. */
export interface ResolvedScenario {
  readonly name: string;
  readonly description: string;
  /** Names (or paths) of the scenarios it extends, nearest first. */
  readonly extendsChain: readonly string[];
  readonly startMonth: string;
  readonly months: number;
  readonly seed: number;
  readonly overrides: Overrides;
  readonly policies: readonly ResolvedPolicy[];
}

type RawIssue = Omit<Issue, "file" | "line" | "column">;

/**
 * Resolve a chain of layers (the scenario's furthest ancestor first, the scenario itself last)
 * against a world. Returns the resolved scenario or every issue found.
 */
export function resolveScenario(layers: readonly ScenarioLayer[], world: World): { scenario?: ResolvedScenario; issues: Issue[] } {
  const issues: Issue[] = [];
  const own = layers[layers.length - 1];
  if (own === undefined) throw new Error("resolveScenario needs at least one layer");
  const pick = <K extends "start" | "months" | "seed">(key: K) => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const v = layers[i]?.file[key];
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const startMonth = pick("start") ?? SCENARIO_DEFAULTS.start;
  const months = pick("months") ?? SCENARIO_DEFAULTS.months;
  const seed = pick("seed") ?? SCENARIO_DEFAULTS.seed;
  const horizon: DayWindow = { fromDay: dayNumberOf(startMonth), untilDay: dayNumberOf(addMonths(startMonth, months)) };

  const overrides = mergeOverrides(layers.map((l) => l.file.overrides));
  const entries: { policy: Policy; origin: { yaml: LocatedYaml; index: number } }[] = [];
  const seenIds = new Map<string, { yaml: LocatedYaml; index: number }>();
  for (const layer of layers) {
    layer.file.policies.forEach((policy, index) => {
      const first = seenIds.get(policy.id);
      if (first !== undefined) {
        const firstAt = `${first.yaml.file}:${first.yaml.locate(["policies", first.index])?.line ?? "?"}`;
        issues.push(withLocation(layer.yaml, { code: "duplicate_id", path: ["policies", index, "id"], message: `duplicate policy id "${policy.id}" (first defined at ${firstAt})`, expected: "a unique policy id", received: policy.id }));
        return;
      }
      seenIds.set(policy.id, { yaml: layer.yaml, index });
      entries.push({ policy, origin: { yaml: layer.yaml, index } });
    });
  }

  const report = (entry: { origin: { yaml: LocatedYaml; index: number } }, path: (string | number)[], issue: Omit<RawIssue, "path">) =>
    issues.push(withLocation(entry.origin.yaml, { ...issue, path: ["policies", entry.origin.index, ...path] }));
  const refs = referenceSets(world);
  for (const entry of entries) checkReferences(entry.policy, refs, (path, issue) => report(entry, path, issue));
  for (const layer of layers) checkOverrides(layer, refs, issues);

  // Dates: ordered and inside the horizon.
  for (const entry of entries) {
    const { from, until } = entry.policy;
    const fromDay = dayNumberOf(from);
    if (until !== undefined && dayNumberOf(until) <= fromDay) {
      report(entry, ["until"], { code: "invalid_value", message: `expected an end date after from (${from}), got ${until}`, expected: `a date after ${from}`, received: until });
    }
    if (until !== undefined && dayNumberOf(until) <= horizon.fromDay && dayNumberOf(until) > fromDay) {
      report(entry, ["until"], { code: "invalid_value", message: `expected an end after the run's start (${startMonth}), got ${until}; the policy would never act`, expected: `after ${startMonth}`, received: until, hint: "move start earlier or drop the policy" });
    }
    if (fromDay >= horizon.untilDay) {
      report(entry, ["from"], { code: "invalid_value", message: `expected a date before the end of the horizon (${addMonths(startMonth, months)}), got ${from}; the policy would never act`, expected: `before ${addMonths(startMonth, months)}`, received: from, hint: "extend months or move the date" });
    }
  }

  // A release needs something to release: the world's starting holdings or a build in this scenario that starts first.
  for (const entry of entries) {
    const release = entry.policy;
    if (release.kind !== "stockpile" || release.action !== "release") continue;
    for (const [symbol, tonnes] of Object.entries(release.tonnesPerMonth)) {
      if (!((tonnes ?? 0) > 0)) continue;
      const held = world.stockpiles.some((p) => p.region === release.region && (p.elementTonnes[symbol as keyof typeof p.elementTonnes] ?? 0) > 0);
      const built = entries.some(({ policy: b }) => b.kind === "stockpile" && b.action === "build" && b.region === release.region
        && (b.tonnesPerMonth[symbol as keyof typeof b.tonnesPerMonth] ?? 0) > 0 && dayNumberOf(b.from) < (release.until === undefined ? horizon.untilDay : dayNumberOf(release.until)));
      if (held || built) continue;
      const holders = [...new Set(world.stockpiles.filter((p) => (p.elementTonnes[symbol as keyof typeof p.elementTonnes] ?? 0) > 0).map((p) => p.region))];
      report(entry, ["tonnesPerMonth", symbol], {
        code: "invalid_value",
        message: `${release.region} holds no strategic ${symbol} (the world's stockpiles hold ${symbol} in ${holders.length === 0 ? "no region" : holders.join(", ")}) and no stockpile build in this scenario fills one before the release ends; the release would release nothing`,
        expected: `a release from a region that holds ${symbol}, or a build of ${symbol} in ${release.region} that starts first`,
        received: `${tonnes} t/month of ${symbol} from ${release.region}`,
        hint: `add a stockpile build of ${symbol} for ${release.region} before the release, or release from ${holders[0] ?? "a region that holds it"}`,
      });
    }
  }

  // Suspensions: name existing policies, never themselves; then active windows.
  const suspensionsOf = new Map<string, DayWindow[]>();
  for (const entry of entries) {
    if (entry.policy.kind !== "suspension") continue;
    const window = windowOf(entry.policy);
    entry.policy.suspends.forEach((id, j) => {
      const target = entries.find((e) => e.policy.id === id);
      if (target?.policy.kind === "suspension") {
        report(entry, ["suspends", j], { code: "invalid_value", message: `"${id}" is itself a suspension; a suspension can only switch off measures`, expected: "the id of a measure (not a suspension)", received: id, hint: `change the dates of "${id}" instead` });
        return;
      }
      if (target === undefined || id === entry.policy.id) {
        const known = entries.filter((e) => e.policy.kind !== "suspension").map((e) => e.policy.id);
        report(entry, ["suspends", j], { code: "unknown_reference", message: `suspends unknown policy "${id}"; expected one of ${known.join(", ") || "(no policies)"}`, expected: "a policy id of this scenario or its parents", received: id });
        return;
      }
      if (target.policy.kind === "new-capacity") {
        report(entry, ["suspends", j], { code: "invalid_value", message: `"${id}" is new capacity, which a suspension cannot switch off`, expected: "the id of a measure", received: id, hint: "change the facility's startMonth or status instead" });
        return;
      }
      suspensionsOf.set(id, [...(suspensionsOf.get(id) ?? []), window]);
    });
  }
  const resolved: ResolvedPolicy[] = entries.map((e) => ({
    ...e,
    activeWindows: subtractWindows(windowOf(e.policy), suspensionsOf.get(e.policy.id) ?? []),
  }));
  checkContradictions(resolved, world, issues);

  if (issues.length > 0) return { issues: sortIssuesByPlace(issues) };
  return {
    issues,
    scenario: {
      name: own.file.name,
      description: own.file.description ?? "",
      extendsChain: layers.slice(0, -1).reverse().map((l) => l.file.name),
      startMonth, months, seed, overrides, policies: resolved,
    },
  };
}

function windowOf(policy: Policy): DayWindow {
  return { fromDay: dayNumberOf(policy.from), untilDay: policy.until === undefined ? Infinity : dayNumberOf(policy.until) };
}

/** Merge overrides, ancestors first: a later layer's value for the same facility, demand record or key wins. */
function mergeOverrides(list: readonly Overrides[]): Overrides {
  const merged: Overrides = { parameters: {}, facilities: [], demand: [], domesticPriority: {} };
  for (const o of list) {
    Object.assign(merged.parameters, o.parameters);
    Object.assign(merged.domesticPriority, o.domesticPriority);
    for (const f of o.facilities) {
      const i = merged.facilities.findIndex((x) => x.id === f.id);
      if (i >= 0) merged.facilities[i] = { ...merged.facilities[i], ...f };
      else merged.facilities.push(f);
    }
    for (const d of o.demand) {
      const i = merged.demand.findIndex((x) => x.sector === d.sector && x.region === d.region);
      if (i >= 0) merged.demand[i] = d;
      else merged.demand.push(d);
    }
  }
  return merged;
}

interface ReferenceSets {
  readonly regions: ReadonlySet<string>;
  readonly sectors: ReadonlySet<string>;
  readonly facilities: ReadonlySet<string>;
  readonly depositTypes: ReadonlySet<string>;
  readonly profiles: ReadonlySet<string>;
  readonly parameters: ReadonlySet<string>;
  /** Unit of each world parameter, for checking override values. */
  readonly parameterUnits: ReadonlyMap<string, string>;
  /** The stage of each facility of the world. */
  readonly facilityStage: ReadonlyMap<string, FacilityStage>;
  /** Capacity of every facility of a stage together (any status), t/yr (REO for mines and separation, product for metal and magnets), and how many there are. */
  readonly stageCapacity: ReadonlyMap<FacilityStage, { readonly tonnesPerYear: number; readonly count: number }>;
}

type FacilityStage = "mine" | "separation" | "metal" | "magnet";

function referenceSets(world: World): ReferenceSets {
  return {
    regions: new Set(world.regions.map((r) => r.id)),
    sectors: new Set(world.sectors.map((s) => s.id)),
    facilities: new Set([...world.mines, ...world.separationPlants, ...world.metalPlants, ...world.magnetPlants].map((f) => f.id)),
    depositTypes: new Set(world.depositProfiles.map((p) => p.depositType)),
    profiles: new Set(world.depositProfiles.map((p) => p.id)),
    parameters: new Set(world.parameters.map((p) => p.id)),
    parameterUnits: new Map(world.parameters.map((p) => [p.id, p.unit])),
    ...facilityCapacities(world),
  };
}

function facilityCapacities(world: World): Pick<ReferenceSets, "facilityStage" | "stageCapacity"> {
  const facilityStage = new Map<string, FacilityStage>();
  const stageCapacity = new Map<FacilityStage, { tonnesPerYear: number; count: number }>();
  const facilities: (readonly [FacilityStage, string, number])[] = [
    ...world.mines.map((f) => ["mine", f.id, f.capacityTonnesReoPerYear] as const),
    ...world.separationPlants.map((f) => ["separation", f.id, f.capacityTonnesReoPerYear] as const),
    ...world.metalPlants.map((f) => ["metal", f.id, f.capacityTonnesPerYear] as const),
    ...world.magnetPlants.map((f) => ["magnet", f.id, f.capacityTonnesPerYear] as const),
  ];
  for (const [stage, id, tonnesPerYear] of facilities) {
    facilityStage.set(id, stage);
    const total = stageCapacity.get(stage) ?? { tonnesPerYear: 0, count: 0 };
    stageCapacity.set(stage, { tonnesPerYear: total.tonnesPerYear + tonnesPerYear, count: total.count + 1 });
  }
  return { facilityStage, stageCapacity };
}

/** How many times the capacity of all of a stage's facilities together one facility may have. */
const CAPACITY_FACTOR_MAX = 10;

const STAGE_WORDS: Record<FacilityStage, { facilities: string; unit: string }> = {
  mine: { facilities: "mines", unit: "t REO/yr" },
  separation: { facilities: "separation plants", unit: "t REO/yr" },
  metal: { facilities: "metal plants", unit: "t of metal/yr" },
  magnet: { facilities: "magnet plants", unit: "t of magnet/yr" },
};

/**
 * The issue of a facility capacity no single facility could have: more than ten times the capacity of every facility
 * of its stage in the world together (a slip of unit — kg for t — or of zeros). Undefined when plausible, or when the
 * world has no facility of the stage to compare with.
 */
function implausibleCapacity(stage: FacilityStage | undefined, value: number | undefined, refs: ReferenceSets): Omit<RawIssue, "path"> | undefined {
  if (stage === undefined || value === undefined) return undefined;
  const world = refs.stageCapacity.get(stage);
  if (world === undefined || world.tonnesPerYear <= 0) return undefined;
  const max = CAPACITY_FACTOR_MAX * world.tonnesPerYear;
  if (value <= max) return undefined;
  const t = (x: number) => Math.round(x).toLocaleString("en-US");
  const { facilities, unit } = STAGE_WORDS[stage];
  const expected = `at most ${t(max)} ${unit}`;
  return {
    code: "invalid_value", expected, received: String(value),
    message: `expected ${expected} — ${CAPACITY_FACTOR_MAX} times the ${t(world.tonnesPerYear)} ${unit} of all ${world.count} ${facilities} of the world together; one facility cannot be that large — got ${t(value)}`,
    hint: "capacities are tonnes a year (t REO for mines and separation plants, t of product for metal and magnet plants), not kilograms",
  };
}

type Reporter = (path: (string | number)[], issue: Omit<RawIssue, "path">) => void;

/** Lists of known ids up to this long are written out in full; longer ones only get the nearest names. */
const LISTED_IDS_MAX = 30;

function unknown(what: string, id: string, where: string, known: ReadonlySet<string>): Omit<RawIssue, "path"> {
  const ids = [...known];
  const list = ids.length > 0 && ids.length <= LISTED_IDS_MAX ? `: ${ids.join(", ")}` : "";
  const hint = didYouMean(id, ids);
  return {
    code: "unknown_reference", message: `unknown ${what} "${id}"; expected one defined in the world's ${where}${list}`, expected: `a ${what} from ${where}`, received: id,
    ...(hint === undefined ? {} : { hint }),
  };
}

function checkRegionList(list: readonly string[] | undefined, path: (string | number)[], refs: ReferenceSets, report: Reporter) {
  list?.forEach((r, i) => { if (!refs.regions.has(r)) report([...path, i], unknown("region", r, "regions.yaml", refs.regions)); });
}

function checkReferences(policy: Policy, refs: ReferenceSets, report: Reporter): void {
  const region = (value: string | undefined, path: (string | number)[]) => {
    if (value !== undefined && !refs.regions.has(value)) report(path, unknown("region", value, "regions.yaml", refs.regions));
  };
  const sector = (value: string, path: (string | number)[]) => {
    if (!refs.sectors.has(value)) report(path, unknown("sector", value, "demand.yaml sectors", refs.sectors));
  };
  if ("issuer" in policy) region(policy.issuer, ["issuer"]);
  const issuer = "issuer" in policy ? policy.issuer : undefined;
  // The issuer is never a destination (a measure acts on its exports): naming it is a slip, and `only` would lose it silently.
  const notIssuer = (r: string, path: (string | number)[], effect: string) => {
    if (r !== issuer) return;
    report(path, { code: "invalid_value", message: `${r} is this measure's issuer, and the issuer is never a destination (the measure acts on ${r}'s exports); ${effect}`, expected: `a region other than the issuer ${r}`, received: r, hint: `drop ${r} here` });
  };
  if ("destinations" in policy && typeof policy.destinations === "object") {
    const d = policy.destinations;
    if ("only" in d) {
      checkRegionList(d.only, ["destinations", "only"], refs, report);
      d.only.forEach((r, i) => notIssuer(r, ["destinations", "only", i], d.only.length === 1 ? "the measure would cover no region" : "it would be ignored"));
    } else {
      checkRegionList(d.allExcept, ["destinations", "allExcept"], refs, report);
      d.allExcept.forEach((r, i) => notIssuer(r, ["destinations", "allExcept", i], "excepting it changes nothing"));
    }
  }
  if ("approvalShare" in policy && typeof policy.approvalShare === "object") {
    for (const r of Object.keys(policy.approvalShare.byDestination)) {
      region(r, ["approvalShare", "byDestination", r]);
      notIssuer(r, ["approvalShare", "byDestination", r], "its share would never apply");
    }
  }
  switch (policy.kind) {
    case "export-licence":
      policy.deniedEndUses.forEach((s, i) => sector(s, ["deniedEndUses", i]));
      break;
    case "tariff":
      region(policy.importer, ["importer"]);
      checkRegionList(policy.exporters, ["exporters"], refs, report);
      break;
    case "supply-shock": {
      const t = policy.target;
      if ("facilities" in t) t.facilities.forEach((f, i) => { if (!refs.facilities.has(f)) report(["target", "facilities", i], unknown("facility", f, "mines and plant files", refs.facilities)); });
      else if ("stage" in t) region(t.region, ["target", "region"]);
      else {
        if (!refs.depositTypes.has(t.depositType)) report(["target", "depositType"], unknown("deposit type", t.depositType, "deposit-profiles.yaml", refs.depositTypes));
        region(t.region, ["target", "region"]);
      }
      break;
    }
    case "demand-shock":
      if (policy.regions !== "all") checkRegionList(policy.regions, ["regions"], refs, report);
      if (policy.sectors !== "all") policy.sectors.forEach((s, i) => sector(s, ["sectors", i]));
      break;
    case "stockpile":
    case "price-floor":
      region(policy.region, ["region"]);
      break;
    case "new-capacity":
      checkNewCapacity(policy, refs, report);
      break;
    default:
      break;
  }
}

function checkNewCapacity(policy: Extract<Policy, { kind: "new-capacity" }>, refs: ReferenceSets, report: Reporter) {
  if (policy.region !== undefined && !refs.regions.has(policy.region)) report(["region"], unknown("region", policy.region, "regions.yaml", refs.regions));
  const tooLarge = implausibleCapacity(refs.facilityStage.get(policy.facility) ?? policy.stage, policy.capacityTonnesPerYear, refs);
  if (tooLarge !== undefined) report(["capacityTonnesPerYear"], tooLarge);
  if (refs.facilities.has(policy.facility)) return;
  // No startMonth: a new facility starts in the policy's first month in force (policy/new-capacity).
  const needed: [keyof typeof policy, string][] = [["stage", "the stage"], ["region", "the region"], ["capacityTonnesPerYear", "the capacity"]];
  if (policy.stage === "mine") needed.push(["profile", "the deposit profile"]);
  if (policy.stage === "separation") needed.push(["separates", "what it separates"]);
  if (policy.stage === "magnet") needed.push(["magnetType", "the magnet type"]);
  for (const [field, what] of needed) {
    if (policy[field] === undefined) {
      report([], { code: "missing_field", message: `missing ${field}; ${policy.facility} is not in the world, so a new facility needs ${what}`, expected: field });
    }
  }
  if (policy.profile !== undefined && !refs.profiles.has(policy.profile)) report(["profile"], unknown("deposit profile", policy.profile, "deposit-profiles.yaml", refs.profiles));
}

function checkOverrides(own: ScenarioLayer, refs: ReferenceSets, issues: Issue[]) {
  const at = (path: (string | number)[], issue: Omit<RawIssue, "path">) => issues.push(withLocation(own.yaml, { ...issue, path: ["overrides", ...path] }));
  const ownOverrides = own.file.overrides;
  for (const [id, value] of Object.entries(ownOverrides.parameters)) {
    if (!refs.parameters.has(id)) at(["parameters", id], unknown("parameter", id, "parameters.yaml", refs.parameters));
    else {
      const expected = parameterBoundProblem(id, refs.parameterUnits.get(id) ?? "", value);
      if (expected !== undefined) at(["parameters", id], { code: "invalid_value", message: `expected ${expected}, got ${value}`, expected, received: String(value) });
    }
  }
  ownOverrides.facilities.forEach((f, i) => {
    if (!refs.facilities.has(f.id)) at(["facilities", i, "id"], unknown("facility", f.id, "mines and plant files", refs.facilities));
    const tooLarge = implausibleCapacity(refs.facilityStage.get(f.id), f.capacityTonnesPerYear, refs);
    if (tooLarge !== undefined) at(["facilities", i, "capacityTonnesPerYear"], tooLarge);
  });
  ownOverrides.demand.forEach((d, i) => {
    if (!refs.sectors.has(d.sector)) at(["demand", i, "sector"], unknown("sector", d.sector, "demand.yaml sectors", refs.sectors));
    if (d.region !== undefined && !refs.regions.has(d.region)) at(["demand", i, "region"], unknown("region", d.region, "regions.yaml", refs.regions));
  });
  for (const r of Object.keys(ownOverrides.domesticPriority)) {
    if (!refs.regions.has(r)) at(["domesticPriority", r], unknown("region", r, "regions.yaml", refs.regions));
  }
}

/**
 * The physical bound a parameter value breaks, in words, or undefined when it is admissible:
 * shares lie in 0–1; durations and rates are not negative, and smoothing, adjustment and adoption
 * times are positive (the engine divides by them); price elasticities are not positive.
 */
export function parameterBoundProblem(id: string, unit: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return "a finite number";
  if (unit === "share") return value < 0 || value > 1 ? "a share between 0 and 1" : undefined;
  if (/elasticity$/i.test(id) && id.startsWith("demand.")) return value > 0 ? "a price elasticity of demand of 0 or less" : undefined;
  if (/(adjustment|smoothing|adoption)months$/i.test(id)) return value <= 0 ? "a positive number of months" : undefined;
  // A monthly adjustment rate closes part of a gap each month: above 1 it overshoots and oscillates.
  if (/adjustpermonth$/i.test(id)) return value <= 0 || value > 1 ? "a rate above 0 and at most 1 per month" : undefined;
  if (id === "price.exportWedgePerUnmetShare") return value < 0 || value > 20 ? "a number from 0 to 20 (the exponent of the ex-China scarcity premium)" : undefined;
  // Exponents of the China price target: above 20 every shortage would send prices straight to the backstop.
  if (id === "price.targetPerCoverScarcity" || id === "price.targetPerUnmetShare") return value < 0 || value > 20 ? "a number from 0 to 20 (log-price target per unit of scarcity)" : undefined;
  // The lasting-scarcity term grows and fades by these shares a month: above 1 it would overshoot and oscillate.
  if (id === "price.scarcityMemoryPerMonth" || id === "price.reversionPerMonth") return value < 0 || value > 1 ? "a rate from 0 to 1 per month" : undefined;
  // The backstop is a ceiling above the calibration prices: below 1 it would hold every price under its 2024 level.
  if (id === "price.backstopMultiple") return value < 1 ? "a multiple of 1 or more (the ceiling over the calibration price)" : undefined;
  // Tb's weight in the Dy + Tb magnet pool: at 0 Tb would never be drawn, below 0 the pool's stock would go negative.
  if (id === "magnet.tbDyEquivalence") return value <= 0 ? "a positive number of t Dy per t Tb" : undefined;
  return value < 0 ? `a number of 0 or more (${unit})` : undefined;
}

/** Export measures of one family on the same issuer, goods and destinations at the same time contradict each other. */
function checkContradictions(policies: readonly ResolvedPolicy[], world: World, issues: Issue[]) {
  const family = (p: Policy) =>
    p.kind === "export-licence" || p.kind === "export-ban" || p.kind === "export-quota" ? "export-control"
      : p.kind === "extraterritorial" || p.kind === "price-floor" ? p.kind : undefined; // tariffs stack (rates add up)
  const regionIds = world.regions.map((r) => r.id);
  for (let i = 0; i < policies.length; i++) {
    for (let j = i + 1; j < policies.length; j++) {
      const a = policies[i];
      const b = policies[j];
      if (a === undefined || b === undefined) continue;
      const fa = family(a.policy);
      if (fa === undefined || fa !== family(b.policy)) continue;
      // A ban takes precedence on the goods it shares with licences or quotas (nothing ships there; permit shares
      // multiply to 0), so an embargo on one destination inside a licence regime is one policy, not a contradiction.
      if (a.policy.kind === "export-ban" || b.policy.kind === "export-ban") continue;
      const shared = sharedCoverage(a.policy, b.policy, regionIds);
      if (shared === undefined || !windowsOverlap(a.activeWindows, b.activeWindows)) continue;
      const firstAt = `${a.origin.yaml.file}:${a.origin.yaml.locate(["policies", a.origin.index])?.line ?? "?"}`;
      issues.push(withLocation(b.origin.yaml, {
        code: "inconsistent_value", path: ["policies", b.origin.index],
        message: `policy "${b.policy.id}" contradicts "${a.policy.id}" (${firstAt}): both set ${a.policy.kind === b.policy.kind ? a.policy.kind : "export controls"} on ${shared} at the same time`,
        hint: `give them disjoint dates, elements or destinations, or add a suspension of "${a.policy.id}" for the overlap`,
      }));
    }
  }
}

function sharedCoverage(a: Policy, b: Policy, regionIds: readonly string[]): string | undefined {
  const list = (p: Policy, key: string): readonly string[] | undefined => (key in p ? ((p as Record<string, unknown>)[key] as string[]) : undefined);
  const intersect = (x: readonly string[] | undefined, y: readonly string[] | undefined) => (x === undefined || y === undefined ? undefined : x.filter((v) => y.includes(v)));
  const issuerA = "issuer" in a ? a.issuer : "importer" in a ? a.importer : "region" in a ? a.region : undefined;
  const issuerB = "issuer" in b ? b.issuer : "importer" in b ? b.importer : "region" in b ? b.region : undefined;
  if (issuerA !== issuerB) return undefined;
  const elements = intersect(list(a, "elements") ?? list(a, "content"), list(b, "elements") ?? list(b, "content"));
  if (elements !== undefined && elements.length === 0) return undefined;
  const forms = intersect(list(a, "forms") ?? list(a, "products"), list(b, "forms") ?? list(b, "products"));
  if (forms !== undefined && forms.length === 0) return undefined;
  const destinations = intersect(destinationRegions(a, regionIds), destinationRegions(b, regionIds));
  if (destinations !== undefined && destinations.length === 0) return undefined;
  const exporters = intersect(list(a, "exporters"), list(b, "exporters"));
  if (exporters !== undefined && exporters.length === 0) return undefined;
  return [elements?.join(", "), forms?.join(", "), destinations === undefined ? undefined : `to ${destinations.length === regionIds.length - 1 ? "all" : destinations.join(", ")}`]
    .filter((s) => s !== undefined)
    .join(" ");
}

/** The regions a measure's `destinations` covers (never the issuer itself); undefined for measures without destinations. */
export function destinationRegions(policy: Policy, regionIds: readonly string[]): string[] | undefined {
  if (!("destinations" in policy)) return undefined;
  const issuer = "issuer" in policy ? policy.issuer : undefined;
  const d = policy.destinations;
  const all = regionIds.filter((r) => r !== issuer);
  if (d === "all") return all;
  if ("only" in d) return all.filter((r) => d.only.includes(r));
  return all.filter((r) => !d.allExcept.includes(r));
}
