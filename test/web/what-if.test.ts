import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/scenario/parse.js";
import { resolveScenario, type ScenarioLayer } from "../../src/scenario/resolve.js";
import type { ScenarioFile } from "../../src/scenario/schema.js";
import { loadWorldFromDirectory } from "../../src/world/node.js";
import { applyWhatIf, isNeutralWhatIf, licenceTargetOf, neutralWhatIf, releaseSplitOf, WHAT_IF_POLICY_IDS } from "../../web/src/lib/what-if.js";

function layerOf(name: string, text = readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), "utf8")): ScenarioLayer {
  const { layer, issues } = parseScenarioText(`${name}.yaml`, text);
  if (layer === undefined) throw new Error(`${name}: ${JSON.stringify(issues)}`);
  return layer;
}

const baseline = layerOf("baseline");
const apr = layerOf("apr-2025");
const embargo = layerOf("heavy-ree-embargo");
const plain = layerOf("plain", "name: Plain\nstart: 2024-01\nmonths: 36\n");
const split = { releaseSplit: { Dy: 0.75, Tb: 0.25 } };

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe("applyWhatIf", () => {
  it("changes nothing with neutral sliders", () => {
    const files = [baseline.file, apr.file];
    expect(isNeutralWhatIf(neutralWhatIf("2025-01"))).toBe(true);
    expect(applyWhatIf(files, neutralWhatIf("2025-01"), split)).toEqual(files);
  });

  it("sets the approval share of every Chinese export licence in the chain, never mutating the input", () => {
    const files = deepFreeze([baseline.file, apr.file]);
    const out = applyWhatIf(files, { ...neutralWhatIf("2025-01"), licenceApprovalShare: 0.2 }, split);
    const licences = out.flatMap((f) => f.policies).filter((p) => p.kind === "export-licence");
    expect(licences.map((p) => p.id)).toEqual(["cn-ann18-2025-magnets", "cn-ann18-2025-magnets-us", "cn-ann18-2025-materials", "cn-ann18-2025-materials-us"]);
    expect(licences.every((p) => p.kind === "export-licence" && p.approvalShare === 0.2)).toBe(true);
    expect(out[1]?.policies.length).toBe(apr.file.policies.length);
    expect(licenceTargetOf(files)).toEqual({ mode: "scenario", policyIds: licences.map((p) => p.id), approvalShares: [0.5, 0.95, 1] });
  });

  it("adds a licence on Dy and Tb from China when the scenario has none", () => {
    const out = applyWhatIf([plain.file], { ...neutralWhatIf("2024-07"), licenceApprovalShare: 0.35 }, split);
    expect(licenceTargetOf([plain.file])).toEqual({ mode: "add" });
    expect(out[0]?.policies).toEqual([expect.objectContaining({
      id: WHAT_IF_POLICY_IDS.licence, kind: "export-licence", issuer: "CN", elements: ["Dy", "Tb"], destinations: "all", from: "2024-07", approvalShare: 0.35,
    })]);
  });

  it("refuses to add a licence next to a Chinese export ban (they would contradict)", () => {
    const files = [baseline.file, apr.file, embargo.file];
    // the embargo chain still has Ann. 18 licences, so they are the target…
    expect(licenceTargetOf(files).mode).toBe("scenario");
    // …but a scenario with only a ban is blocked.
    const banOnly: ScenarioFile = { ...embargo.file, policies: embargo.file.policies.filter((p) => p.kind === "export-ban") };
    const target = licenceTargetOf([banOnly]);
    expect(target.mode).toBe("blocked");
    expect(applyWhatIf([banOnly], { ...neutralWhatIf("2027-01"), licenceApprovalShare: 0.5 }, split)).toEqual([banOnly]);
  });

  it("turns Myanmar's mine output into a supply shock on { region: MM, stage: mine }", () => {
    const out = applyWhatIf([plain.file], { ...neutralWhatIf("2024-07"), myanmarMineOutputShare: 0.4 }, split);
    expect(out[0]?.policies).toEqual([expect.objectContaining({ id: WHAT_IF_POLICY_IDS.myanmar, kind: "supply-shock", target: { region: "MM", stage: "mine" }, from: "2024-07" })]);
    const shock = out[0]?.policies[0];
    expect(shock?.kind === "supply-shock" && shock.lossShare).toBeCloseTo(0.6, 12);
  });

  it("turns the release size into a 12-month stockpile release split between Dy and Tb", () => {
    const out = applyWhatIf([plain.file], { ...neutralWhatIf("2024-11", "KR"), stockpileReleaseTonnesPerMonth: 40 }, split);
    expect(out[0]?.policies).toEqual([expect.objectContaining({
      id: WHAT_IF_POLICY_IDS.stockpile, kind: "stockpile", region: "KR", action: "release", tonnesPerMonth: { Dy: 30, Tb: 10 }, from: "2024-11", until: "2025-11",
    })]);
  });

  it("splits a release as the stockpile holds Dy and Tb", () => {
    expect(releaseSplitOf({ Nd: 900, Dy: 150, Tb: 25 })).toEqual({ Dy: 150 / 175, Tb: 25 / 175 });
    expect(releaseSplitOf({ Nd: 100 })).toEqual({ Dy: 1, Tb: 0 });
    expect(releaseSplitOf(undefined)).toEqual({ Dy: 1, Tb: 0 });
  });

  it("gives scenarios that resolve against the bundled world with every slider moved", () => {
    const world = loadWorldFromDirectory();
    const layers = [baseline, apr];
    const settings = { licenceApprovalShare: 0.3, myanmarMineOutputShare: 0.5, stockpileReleaseTonnesPerMonth: 20, stockpileRegion: "JP", fromMonth: "2025-01" };
    const files = applyWhatIf(layers.map((l) => l.file), settings, split);
    const { scenario, issues } = resolveScenario(layers.map((l, i) => ({ yaml: l.yaml, file: files[i] ?? l.file })), world);
    expect(issues).toEqual([]);
    expect(scenario?.policies.map((p) => p.policy.id)).toEqual(expect.arrayContaining([WHAT_IF_POLICY_IDS.myanmar, WHAT_IF_POLICY_IDS.stockpile]));
  });
});
