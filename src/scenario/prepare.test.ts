import { describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../world/node.js";
import { parseScenarioText } from "./parse.js";
import { prepareScenario } from "./prepare.js";
import { resolveScenario } from "./resolve.js";

const world = loadWorldFromDirectory(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);

function prepare(text: string) {
  const { layer } = parseScenarioText("s.yaml", text);
  if (layer === undefined) throw new Error("fixture does not parse");
  const { scenario } = resolveScenario([layer], world);
  if (scenario === undefined) throw new Error("fixture does not resolve");
  return prepareScenario(scenario, world);
}

describe("prepareScenario", () => {
  it("pins an overridden parameter (no range left for ensembles to re-draw)", () => {
    const w = prepare("name: s\noverrides: { parameters: { price.responsePerMonth: 0.3 } }\n").world;
    const p = w.parameters.find((x) => x.id === "price.responsePerMonth");
    expect(p?.value).toBe(0.3);
    expect(p?.range).toBeUndefined();
  });

  it("applies facility overrides and domestic priority without touching the input world", () => {
    const w = prepare("name: s\noverrides: { facilities: [{ id: plant:jp-magnets, capacityTonnesPerYear: 10, status: suspended }], domesticPriority: { JP: 0.5 } }\n").world;
    expect(w.magnetPlants.find((p) => p.id === "plant:jp-magnets")).toMatchObject({ capacityTonnesPerYear: 10, status: "suspended" });
    expect(w.regionParameters.find((r) => r.region === "JP")?.domesticPriorityShare).toBe(0.5);
    expect(world.magnetPlants.find((p) => p.id === "plant:jp-magnets")?.capacityTonnesPerYear).toBe(300);
  });

  it("keeps an existing facility's start and status when new-capacity only changes its capacity", () => {
    const w = prepare("name: s\nmonths: 12\npolicies:\n  - { id: n, kind: new-capacity, facility: plant:jp-magnets, capacityTonnesPerYear: 600, from: 2024-03 }\n").world;
    expect(w.magnetPlants.find((p) => p.id === "plant:jp-magnets")).toMatchObject({ capacityTonnesPerYear: 600, startMonth: "2000-01", status: "operating" });
  });

  it("gives each policy the share of each month it is in force", () => {
    const p = prepare("name: s\nmonths: 3\npolicies:\n  - { id: b, kind: export-ban, issuer: CN, elements: [Dy], forms: [oxide], from: 2024-02-15 }\n");
    expect([...(p.policies[0]?.activeFractionByMonth ?? [])]).toEqual([0, 15 / 29, 1]);
  });

  it("issue: a new facility without startMonth starts in the policy's first month in force, as docs/scenarios.md says", () => {
    const w = prepare("name: s\nmonths: 24\npolicies:\n  - { id: n, kind: new-capacity, facility: plant:jp-new-sep, stage: separation, region: JP, capacityTonnesPerYear: 500, separates: [heavy], from: 2024-03-10 }\n").world;
    expect(w.separationPlants.find((p) => p.id === "plant:jp-new-sep")).toMatchObject({ startMonth: "2024-03", status: "construction", rampMonths: 12 });
  });
});
