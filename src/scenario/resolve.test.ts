import { describe, expect, it } from "vitest";
import { formatIssues } from "../model/issue-text.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { parseScenarioText } from "./parse.js";
import { parameterBoundProblem, resolveScenario, type ScenarioLayer } from "./resolve.js";

const world = loadWorldFromDirectory(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);

function layer(text: string, file = "scenario.yaml"): ScenarioLayer {
  const { layer: parsed, issues } = parseScenarioText(file, text);
  if (parsed === undefined) throw new Error(formatIssues(issues));
  return parsed;
}

function problems(text: string): string {
  const { layer: parsed, issues } = parseScenarioText("scenario.yaml", text);
  if (parsed === undefined) return formatIssues(issues);
  const resolved = resolveScenario([parsed], world);
  expect(resolved.scenario).toBeUndefined();
  return formatIssues(resolved.issues);
}

const HEAD = "name: test\nstart: 2024-01\nmonths: 24\npolicies:\n";

describe("scenario validation (pinned messages)", () => {
  it("rejects an unknown element", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy, Xx], forms: [oxide], from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:61  policies[0].elements[1]
        expected one of "Sc", "Y", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", got "Xx"
      1 problem found"
    `);
  });

  it("rejects an unknown region", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], destinations: { only: [US] }, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:101  policies[0].destinations.only[0]
        unknown region "US"; expected one defined in the world's regions.yaml: CN, AU, JP
      1 problem found"
    `);
  });

  it("rejects an unknown form", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [powder], from: 2024-03-01 }\n`)).toContain(
      'policies[0].forms[0]\n  expected one of "ore", "concentrate", "oxide", "compound", "metal", "alloy", "magnet", "magnet-with-dy-tb", "smco-magnet", got "powder"',
    );
  });

  it("rejects an unknown policy kind", () => {
    expect(problems(`${HEAD}  - { id: x, kind: embargo, issuer: CN, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:20  policies[0].kind
        expected one of "export-licence", "export-ban", "export-quota", "extraterritorial", "technology-ban", "tariff", "supply-shock", "demand-shock", "stockpile", "price-floor", "new-capacity", "suspension", got "embargo"
      1 problem found"
    `);
  });

  it("rejects a suspension naming a policy that does not exist", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-03-01 }\n  - { id: pause, kind: suspension, suspends: [bann], from: 2024-06-01, until: 2024-09-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:6:47  policies[1].suspends[0]
        suspends unknown policy "bann"; expected one of ban
      1 problem found"
    `);
  });

  it("rejects overlapping contradictory measures and names both", () => {
    const text = `${HEAD}  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy, Tb], forms: [oxide], approvalShare: 0.5, from: 2024-03-01 }\n  - { id: lic-jp, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide, metal], destinations: { only: [JP] }, approvalShare: 0.2, from: 2024-06-01 }\n`;
    expect(problems(text)).toMatchInlineSnapshot(`
      "scenario.yaml:6:5  policies[1]
        policy "lic-jp" contradicts "lic" (scenario.yaml:5): both set export-licence on Dy oxide to JP at the same time
        fix: give them disjoint dates, elements or destinations, or add a suspension of "lic" for the overlap
      1 problem found"
    `);
  });

  it("accepts a ban on one destination inside a licence regime: the ban takes precedence where they overlap", () => {
    const text = `${HEAD}  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy, Tb], forms: [oxide], approvalShare: 0.5, from: 2024-03-01 }\n  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide, metal], destinations: { only: [JP] }, from: 2024-06-01 }\n`;
    expect(resolveScenario([layer(text)], world).issues).toEqual([]);
  });

  it("accepts the same two measures when a suspension separates them", () => {
    const text = `${HEAD}  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide], approvalShare: 0.5, from: 2024-03-01 }\n  - { id: lic-b, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide], approvalShare: 0.1, from: 2024-06-01, until: 2024-09-01 }\n  - { id: pause, kind: suspension, suspends: [lic], from: 2024-06-01, until: 2024-09-01 }\n`;
    const resolved = resolveScenario([layer(text)], world);
    expect(resolved.issues).toEqual([]);
  });

  it("rejects a date outside the horizon", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2027-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:84  policies[0].from
        expected a date before the end of the horizon (2026-01), got 2027-03-01; the policy would never act
        fix: extend months or move the date
      1 problem found"
    `);
  });

  it("rejects an end before the start", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-05-01, until: 2024-04-01 }\n`)).toContain(
      "policies[0].until\n  expected an end date after from (2024-05-01), got 2024-04-01",
    );
  });

  it("rejects a share outside 0–1", () => {
    expect(problems(`${HEAD}  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide], approvalShare: 1.4, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:97  policies[0].approvalShare
        expected a number <= 1, got 1.4
      1 problem found"
    `);
  });

  it("rejects a negative delay", () => {
    expect(problems(`${HEAD}  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide], approvalShare: 0.5, delayWorkingDays: { median: -5, p90: 10 }, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:130  policies[0].delayWorkingDays.median
        expected a number >= 0, got -5
      1 problem found"
    `);
  });

  it("rejects a date that is not a date", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-02-30 }\n`)).toContain(
      'policies[0].from\n  expected a real calendar date or a month written YYYY-MM, e.g. 2024-01, got "2024-02-30"',
    );
  });

  it("rejects a duplicate policy id", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-03-01 }\n  - { id: ban, kind: export-ban, issuer: CN, elements: [Ce], forms: [oxide], from: 2024-03-01 }\n`)).toContain(
      'policies[1].id\n  duplicate policy id "ban" (first defined at scenario.yaml:5)',
    );
  });

  it("rejects unknown fields and unknown sectors", () => {
    const text = problems(`${HEAD}  - { id: d, kind: demand-shock, sectors: [sector:wind], multiplier: 0.5, from: 2024-03-01, colour: red }\n`);
    expect(text).toContain('policies[0].colour\n  unknown field "colour"');
  });

  it("names every character a policy id may hold", () => {
    expect(problems(`${HEAD}  - { id: Cn_Ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:11  policies[0].id
        expected a policy id of lower-case letters, digits, dashes (-), plus signs (+) and dots (.), starting with a letter or digit, e.g. cn-ann18-2025, got "Cn_Ban"
      1 problem found"
    `);
  });

  it("issue: rejects a capacity no facility could have (more than ten times its stage's whole world), in a policy and in an override", () => {
    expect(problems(`${HEAD}  - { id: big, kind: new-capacity, facility: plant:jp-big, stage: magnet, region: JP, capacityTonnesPerYear: 1e12, magnetType: sintered-ndfeb, from: 2025-01 }\n`
      + "overrides:\n  facilities:\n    - { id: mine:au-rock, capacityTonnesPerYear: 20000 }\n")).toMatchInlineSnapshot(`
        "scenario.yaml:5:110  policies[0].capacityTonnesPerYear
          expected at most 18,000 t of magnet/yr — 10 times the 1,800 t of magnet/yr of all 2 magnet plants of the world together; one facility cannot be that large — got 1,000,000,000,000
          fix: capacities are tonnes a year (t REO for mines and separation plants, t of product for metal and magnet plants), not kilograms
        scenario.yaml:8:50  overrides.facilities[0].capacityTonnesPerYear
          expected at most 19,200 t REO/yr — 10 times the 1,920 t REO/yr of all 3 mines of the world together; one facility cannot be that large — got 20,000
          fix: capacities are tonnes a year (t REO for mines and separation plants, t of product for metal and magnet plants), not kilograms
        2 problems found"
      `);
    // Ten times the world is the bound, not the world itself: a facility larger than today's whole stage may be meant.
    expect(problems(`${HEAD}  - { id: big, kind: new-capacity, facility: plant:jp-big, stage: magnet, region: JP, capacityTonnesPerYear: 18000, magnetType: sintered-ndfeb, from: 2025-01 }\n  - { id: x, kind: export-ban, issuer: XX, elements: [Dy], forms: [oxide], from: 2024-03-01 }\n`)).not.toContain("capacityTonnesPerYear");
  });

  it("issue: reports the issuer named as a destination (the issuer is never one)", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], destinations: { only: [JP, CN] }, from: 2024-03-01 }\n`
      + `  - { id: lic, kind: export-licence, issuer: CN, elements: [Tb], forms: [oxide], destinations: { allExcept: [CN] }, approvalShare: { default: 0.5, byDestination: { CN: 1 } }, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
        "scenario.yaml:5:105  policies[0].destinations.only[1]
          CN is this measure's issuer, and the issuer is never a destination (the measure acts on CN's exports); it would be ignored
          fix: drop CN here
        scenario.yaml:6:110  policies[1].destinations.allExcept[0]
          CN is this measure's issuer, and the issuer is never a destination (the measure acts on CN's exports); excepting it changes nothing
          fix: drop CN here
        scenario.yaml:6:169  policies[1].approvalShare.byDestination.CN
          CN is this measure's issuer, and the issuer is never a destination (the measure acts on CN's exports); its share would never apply
          fix: drop CN here
        3 problems found"
      `);
  });

  it("issue: says how to write destinations given as a plain list", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], destinations: [EU, JP], from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:92  policies[0].destinations
        expected "all", { only: [regions] } or { allExcept: [regions] }, got a list
        fix: write { only: [EU, JP] } for these regions only, or { allExcept: [EU, JP] } for every region but them
      1 problem found"
    `);
  });

  it("issue: suggests the element, form or kind meant (dy → Dy)", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [dy], forms: [oxyde], from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:57  policies[0].elements[0]
        expected one of "Sc", "Y", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", got "dy"
        fix: did you mean "Dy"?
      scenario.yaml:5:70  policies[0].forms[0]
        expected one of "ore", "concentrate", "oxide", "compound", "metal", "alloy", "magnet", "magnet-with-dy-tb", "smco-magnet", got "oxyde"
        fix: did you mean "oxide"?
      2 problems found"
    `);
  });

  it("issue: lists the world's sectors for an unknown one, and the nearest", () => {
    expect(problems(`${HEAD}  - { id: d, kind: demand-shock, sectors: [sector:ev-motors], multiplier: 0.5, from: 2024-03-01 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:44  policies[0].sectors[0]
        unknown sector "sector:ev-motors"; expected one defined in the world's demand.yaml sectors: sector:ev, sector:catalysts
        fix: did you mean sector:ev?
      1 problem found"
    `);
  });

  it("issue: prints problems in line order, whichever check found them", () => {
    const text = problems(`${HEAD}  - { id: late, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2030-01-01 }\n  - { id: reg, kind: export-ban, issuer: XX, elements: [Tb], forms: [oxide], from: 2024-03-01 }\n`);
    expect(text.split("\n").filter((l) => l.startsWith("scenario.yaml:"))).toEqual(["scenario.yaml:5:85  policies[0].from", "scenario.yaml:6:42  policies[1].issuer"]);
  });

  it("needs the fields of a facility that the world does not have", () => {
    expect(problems(`${HEAD}  - { id: n, kind: new-capacity, facility: plant:new-sep, from: 2025-01 }\n`)).toContain(
      "missing stage; plant:new-sep is not in the world, so a new facility needs the stage",
    );
  });
});

describe("scenario resolution", () => {
  it("fills defaults and merges a parent's policies and overrides first", () => {
    const parent = layer("name: parent\nmonths: 36\nseed: 9\noverrides: { parameters: { price.responsePerMonth: 0.2 } }\npolicies:\n  - { id: lic, kind: export-licence, issuer: CN, elements: [Dy], forms: [oxide], approvalShare: 0.5, from: 2024-03-01 }\n", "parent.yaml");
    const child = layer("name: child\nextends: parent\npolicies:\n  - { id: pause, kind: suspension, suspends: [lic], from: 2024-06-01, until: 2024-09-01 }\n", "child.yaml");
    const { scenario, issues } = resolveScenario([parent, child], world);
    expect(issues).toEqual([]);
    expect(scenario?.months).toBe(36);
    expect(scenario?.seed).toBe(9);
    expect(scenario?.startMonth).toBe("2024-01");
    expect(scenario?.extendsChain).toEqual(["parent"]);
    expect(scenario?.overrides.parameters).toEqual({ "price.responsePerMonth": 0.2 });
    expect(scenario?.policies.map((p) => p.policy.id)).toEqual(["lic", "pause"]);
    expect(scenario?.policies[0]?.activeWindows).toHaveLength(2);
  });

  it("lets a child's override of the same facility win over its parent's", () => {
    const parent = layer("name: parent\noverrides: { facilities: [{ id: mine:au-rock, capacityTonnesPerYear: 100, rampMonths: 3 }] }\n", "parent.yaml");
    const child = layer("name: child\nextends: parent\noverrides: { facilities: [{ id: mine:au-rock, capacityTonnesPerYear: 900 }] }\n", "child.yaml");
    const { scenario } = resolveScenario([parent, child], world);
    expect(scenario?.overrides.facilities).toEqual([{ id: "mine:au-rock", capacityTonnesPerYear: 900, rampMonths: 3 }]);
  });

  it("checks a parent's overrides against the world too", () => {
    const parent = layer("name: parent\noverrides: { facilities: [{ id: mine:nowhere, capacityTonnesPerYear: 100 }] }\n", "parent.yaml");
    const child = layer("name: child\nextends: parent\n", "child.yaml");
    const { issues } = resolveScenario([parent, child], world);
    expect(issues.map((i) => `${i.file} ${i.message}`)).toEqual(['parent.yaml unknown facility "mine:nowhere"; expected one defined in the world\'s mines and plant files: mine:cn-rock, mine:cn-clay, mine:au-rock, plant:cn-sep, plant:cn-metal, plant:cn-magnets, plant:jp-magnets']);
  });

  it("rejects a suspension of a suspension", () => {
    expect(problems(`${HEAD}  - { id: ban, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-03-01 }\n  - { id: p1, kind: suspension, suspends: [ban], from: 2024-06-01 }\n  - { id: p2, kind: suspension, suspends: [p1], from: 2024-08-01 }\n`)).toContain(
      '"p1" is itself a suspension; a suspension can only switch off measures',
    );
  });

  it("rejects parameter overrides outside their physical bounds", () => {
    const text = problems("name: s\noverrides: { parameters: { price.responsePerMonth: -1 } }\n");
    expect(text).toContain("overrides.parameters.price.responsePerMonth\n  expected a number of 0 or more (fraction per month), got -1");
  });

  it("lets tariffs on the same goods stack", () => {
    const text = `${HEAD}  - { id: t1, kind: tariff, importer: JP, exporters: [CN], elements: [Nd], forms: [magnet], ratePercent: 25, from: 2024-02 }\n  - { id: t2, kind: tariff, importer: JP, exporters: [CN], elements: [Nd], forms: [magnet], ratePercent: 20, from: 2024-03 }\n`;
    expect(resolveScenario([layer(text)], world).issues).toEqual([]);
  });

  it("rejects a stockpile release from a region that holds none of the element and builds none first", () => {
    // The tiny world holds no stockpiles: a user review's EU release passed the check and released nothing, silently.
    expect(problems(`${HEAD}  - { id: rel, kind: stockpile, region: JP, action: release, tonnesPerMonth: { Dy: 10 }, from: 2024-06 }\n`)).toMatchInlineSnapshot(`
      "scenario.yaml:5:84  policies[0].tonnesPerMonth.Dy
        JP holds no strategic Dy (the world's stockpiles hold Dy in no region) and no stockpile build in this scenario fills one before the release ends; the release would release nothing
        fix: add a stockpile build of Dy for JP before the release, or release from a region that holds it
      1 problem found"
    `);
    // A build of the element in the region that starts before the release ends fills it.
    const built = `${HEAD}  - { id: build, kind: stockpile, region: JP, action: build, tonnesPerMonth: { Dy: 5 }, from: 2024-02, until: 2024-08 }\n  - { id: rel, kind: stockpile, region: JP, action: release, tonnesPerMonth: { Dy: 10 }, from: 2024-10 }\n`;
    expect(resolveScenario([layer(built)], world).issues).toEqual([]);
  });

  it("rejects a policy that ends before the run starts", () => {
    expect(problems(`${HEAD}  - { id: b, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2020-01, until: 2021-01 }\n`)).toContain(
      "policies[0].until\n  expected an end after the run's start (2024-01), got 2021-01; the policy would never act",
    );
  });

  it("rejects new capacity that separates something that is not an element or class", () => {
    expect(problems(`${HEAD}  - { id: n, kind: new-capacity, facility: plant:x, stage: separation, region: JP, capacityTonnesPerYear: 10, startMonth: 2024-06, separates: [bogus], from: 2024-01 }\n`)).toContain("policies[0].separates[0]");
  });

  it("rejects a stockpile with nothing to build or release", () => {
    expect(problems(`${HEAD}  - { id: s, kind: stockpile, region: JP, action: build, tonnesPerMonth: {}, from: 2024-01 }\n`)).toContain(
      "expected at least one element with a positive monthly rate",
    );
  });
});

describe("parameter bounds", () => {
  it("keeps monthly adjustment rates in (0, 1] and the ex-China scarcity exponent in [0, 20]", () => {
    // Above 1 a rate overshoots every month (ex-China prices swung negative at 3); a huge exponent overflowed to NaN.
    expect(parameterBoundProblem("price.wedgeAdjustPerMonth", "1/month", 3)).toBe("a rate above 0 and at most 1 per month");
    expect(parameterBoundProblem("price.wedgeAdjustPerMonth", "1/month", 0)).toBe("a rate above 0 and at most 1 per month");
    expect(parameterBoundProblem("price.wedgeAdjustPerMonth", "1/month", 0.25)).toBeUndefined();
    expect(parameterBoundProblem("price.backstopMultiple", "dimensionless", 0.5)).toBe("a multiple of 1 or more (the ceiling over the calibration price)");
    expect(parameterBoundProblem("price.backstopMultiple", "dimensionless", 50)).toBeUndefined();
    expect(parameterBoundProblem("price.exportWedgePerUnmetShare", "dimensionless", 1e5)).toContain("from 0 to 20");
    expect(parameterBoundProblem("price.exportWedgePerUnmetShare", "dimensionless", 5)).toBeUndefined();
    expect(parameterBoundProblem("price.adjustPerMonth", "1/month", 1.5)).toBe("a rate above 0 and at most 1 per month");
    expect(parameterBoundProblem("price.adjustPerMonth", "1/month", 0.3)).toBeUndefined();
    expect(parameterBoundProblem("price.targetPerCoverScarcity", "dimensionless", 50)).toContain("from 0 to 20");
    expect(parameterBoundProblem("price.targetPerUnmetShare", "dimensionless", -1)).toContain("from 0 to 20");
    expect(parameterBoundProblem("price.targetPerCoverScarcity", "dimensionless", 0.2)).toBeUndefined();
    expect(parameterBoundProblem("price.scarcityMemoryPerMonth", "1/month", 2)).toBe("a rate from 0 to 1 per month");
    expect(parameterBoundProblem("price.reversionPerMonth", "1/month", 0.03)).toBeUndefined();
  });

  it("keeps this session's new parameters physical: Tb's pool weight positive, the long-run elasticity at most 0, months positive", () => {
    expect(parameterBoundProblem("magnet.tbDyEquivalence", "t Dy per t Tb", 0)).toBe("a positive number of t Dy per t Tb");
    expect(parameterBoundProblem("magnet.tbDyEquivalence", "t Dy per t Tb", 1.5)).toBeUndefined();
    // This session's parameters: a markup on China's making cost may exceed 100 % but not go below 0; a trace
    // threshold is a share of the basket.
    expect(parameterBoundProblem("price.exChinaMagnetFabricationMarkup", "dimensionless", 1.1)).toBeUndefined();
    expect(parameterBoundProblem("price.exChinaMagnetFabricationMarkup", "dimensionless", -0.1)).toBe("a number of 0 or more (dimensionless)");
    expect(parameterBoundProblem("concentrate.minDrivingShare", "share", 1.5)).toBe("a share between 0 and 1");
    expect(parameterBoundProblem("demand.longRunPriceElasticity", "dimensionless", 0.3)).toBe("a price elasticity of demand of 0 or less");
    expect(parameterBoundProblem("demand.longRunAdjustmentMonths", "months", 0)).toBe("a positive number of months");
    expect(parameterBoundProblem("price.magnetFabricationUsdPerKgContent", "USD/kg element", -1)).toBe("a number of 0 or more (USD/kg element)");
  });
});
