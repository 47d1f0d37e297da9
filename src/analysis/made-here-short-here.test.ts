import { describe, expect, it } from "vitest";
import { tradeLinkOf, type SimulationResult } from "../engine/index.js";
import { madeHereReasonText, renderMadeHereText } from "../report/made-here-text.js";
import { madeHereShortHere } from "./made-here-short-here.js";
import type { StagePlants } from "./stage-capacity.js";

const R = 2;
const E = 1;
const MONTHS = 2;

/** What happens in region AA (index 0), element Dy, each month; BB (index 1) only buys. */
interface Month {
  /** Output by stage 0–3, t. */
  readonly made?: readonly [number, number, number, number];
  /** Shipped AA → BB, t, and of which form (stage index). */
  readonly shipped?: number;
  readonly form?: number;
  /** AA's shortfall and what was met, by stage 1–4 (met: production, or final use for stage 4), t. */
  readonly short?: Partial<Record<1 | 2 | 3 | 4, { short: number; met: number }>>;
  readonly magnetTonnes?: number;
}

/** A hand-made result of two regions, one element (Dy) and two months starting 2026-01. */
function result(months: readonly Month[]): SimulationResult {
  const productionTonnes = new Float64Array(MONTHS * 4 * R * E);
  const shortfallTonnes = new Float64Array(MONTHS * E * R * 5);
  const finalUseTonnes = new Float64Array(MONTHS * R * 4 * E);
  const magnetTonnesProduced = new Float64Array(MONTHS * R);
  const monthStart = new Int32Array(MONTHS + 1);
  const link: number[] = [];
  const tonnes: number[] = [];
  months.forEach((x, m) => {
    x.made?.forEach((t, s) => { productionTonnes[(m * 4 + s) * R * E] = t; });
    for (const [stage, v] of Object.entries(x.short ?? {})) {
      const s = Number(stage);
      shortfallTonnes[m * E * R * 5 + s] = v.short;
      if (s === 4) finalUseTonnes[(m * R * 4 + 3) * E] = v.met;
      else productionTonnes[(m * 4 + s) * R * E] = v.met;
    }
    magnetTonnesProduced[m * R] = x.magnetTonnes ?? 0;
    monthStart[m] = link.length;
    if ((x.shipped ?? 0) > 0) {
      link.push(tradeLinkOf(R, E, 0, 1, 0, x.form ?? 1));
      tonnes.push(x.shipped!);
    }
  });
  monthStart[MONTHS] = link.length;
  return {
    startMonth: "2026-01", months: MONTHS, regionIds: ["AA", "BB"], elementSymbols: ["Dy"], sectorIds: [],
    productionTonnes, shortfallTonnes, finalUseTonnes, magnetTonnesProduced, stageInputTonnes: new Float64Array(MONTHS * 4 * R * E), sectorDemandUnits: new Float64Array(0),
    trade: { recorded: true, monthStart, link: Int32Array.from(link), tonnes: Float32Array.from(tonnes) },
  } as unknown as SimulationResult;
}

/** AA's plants: which stages handle Dy (every month), the first month of those that start later, and capacity a month by stage. */
function plants({ handles = [], capacity = [0, 0, 0, 0], firstLater, idle = [] }: { handles?: number[]; capacity?: number[]; firstLater?: { stage: number; month: number }; idle?: number[] }): StagePlants {
  const h = new Uint8Array(MONTHS * 4 * R * E);
  const cap = new Float64Array(MONTHS * 4 * R);
  const first = new Int32Array(4 * R * E).fill(-1);
  for (let m = 0; m < MONTHS; m++) for (let s = 0; s < 4; s++) {
    if (handles.includes(s)) { h[(m * 4 + s) * R * E] = 1; first[s * R * E] = 0; }
    cap[(m * 4 + s) * R] = capacity[s] ?? 0;
  }
  if (firstLater !== undefined) first[firstLater.stage * R * E] = firstLater.month;
  // AA's plants of a stage: present where they handle Dy, start later, or stand idle (no capacity in any month).
  const present = new Uint8Array(4 * R * E);
  for (let s = 0; s < 4; s++) if (handles.includes(s) || firstLater?.stage === s || idle.includes(s)) present[s * R * E] = 1;
  return {
    months: MONTHS, regionIds: ["AA", "BB"], elementSymbols: ["Dy"], capacityPerMonth: cap, handles: h,
    oxideFactor: Float64Array.of(1.148), sectorForm: new Uint8Array(0), sectorElementPerUnit: new Float64Array(0), firstMonth: first, present,
  };
}

const options = { domesticPriorityShare: [0.5, 0.5] };

describe("made here, short here", () => {
  it("reports oxide shipped out while final users were short, and no metal plant at home to use it", () => {
    // AA separates 10 t of Dy a month and ships 8 to BB; its final users get 5 of 10 t in month 0 only.
    const run = result([
      { made: [0, 10, 0, 0], shipped: 8, short: { 4: { short: 5, met: 5 } } },
      { made: [0, 10, 0, 0], shipped: 8 },
    ]);
    const rows = madeHereShortHere(run, plants({}), options);
    expect(rows).toEqual([{
      region: "AA", element: "Dy", stage: "separation", shortMonths: 1, firstMonth: "2026-01", lastMonth: "2026-01", madeTonnes: 10, shippedTonnes: 8,
      destinations: [{ region: "BB", tonnes: 8 }], shortBy: [{ stage: "use", tonnes: 5 }], homeUseTonnes: 0, reason: { code: "no_plant", nextStage: "metal" },
    }]);
    expect(madeHereReasonText(rows[0]!)).toBe("AA has no Dy metal plant: its Dy oxide must be made into metal abroad, and nothing in AA uses Dy oxide as it is");
    expect(renderMadeHereText(rows, { over: "over the run" })?.split("\n").slice(4)).toEqual([
      "region  what left  months       made t  shipped t  short here t",
      "──────  ─────────  ───────────  ──────  ─────────  ────────────",
      "AA      Dy oxide   2026-01 (1)      10        8.0  use 5.0",
      "Why, as the model knows it:",
      "  - AA Dy oxide (to BB 8.0): AA has no Dy metal plant: its Dy oxide must be made into metal abroad,",
      "    and nothing in AA uses Dy oxide as it is.",
      "",
    ]);
  });

  it("says the next stage's plants have not started when they come later in the run", () => {
    const run = result([{ made: [0, 10, 0, 0], shipped: 8, short: { 4: { short: 5, met: 5 } } }, { made: [0, 10, 0, 0], shipped: 8, short: { 4: { short: 5, met: 5 } } }]);
    const [row] = madeHereShortHere(run, plants({ firstLater: { stage: 2, month: 5 } }), options);
    expect(row?.reason).toEqual({ code: "plants_not_started", nextStage: "metal", firstMonth: "2026-06" });
    expect(row?.shortMonths).toBe(2);
  });

  it("says the next stage's plants were idle when the world has them but they had no capacity (a shock stopped them)", () => {
    const run = result([{ made: [0, 10, 0, 0], shipped: 8, short: { 4: { short: 5, met: 5 } } }, { made: [0, 10, 0, 0], shipped: 8, short: { 4: { short: 5, met: 5 } } }]);
    const [row] = madeHereShortHere(run, plants({ idle: [2] }), options);
    expect(row?.reason).toEqual({ code: "plants_idle", nextStage: "metal" });
    expect(madeHereShortHere(run, plants({}), options)[0]?.reason).toEqual({ code: "no_plant", nextStage: "metal" });
  });

  it("blames the domestic-priority share when the home plants of the next stage were short too", () => {
    // AA's metal plants handle Dy but made 4 t of the 8 t buyers ordered while 8 t of oxide left.
    const run = result([{ made: [0, 10, 0, 0], shipped: 8, short: { 2: { short: 4, met: 4 }, 4: { short: 5, met: 5 } } }, {}]);
    const [row] = madeHereShortHere(run, plants({ handles: [2] }), options);
    expect(row?.reason).toEqual({ code: "shared_abroad", nextStage: "metal", domesticPriorityShare: 0.5 });
    expect(row?.shortBy).toEqual([{ stage: "use", tonnes: 5 }, { stage: "metal", tonnes: 4 }]);
  });

  it("tells full magnet plants from plants that had room but no orders, when metal left and final users were short", () => {
    const month = (magnetTonnes: number): Month => ({ made: [0, 0, 6, 0], shipped: 5, form: 2, short: { 4: { short: 2, met: 8 } }, magnetTonnes });
    const full = madeHereShortHere(result([month(96), {}]), plants({ handles: [2, 3], capacity: [0, 0, 10, 100] }), options)[0];
    expect(full?.reason).toEqual({ code: "plants_full", nextStage: "magnet", utilisationShare: 0.96 });
    const room = madeHereShortHere(result([month(60), {}]), plants({ handles: [2, 3], capacity: [0, 0, 10, 100] }), options)[0];
    expect(room?.reason).toEqual({ code: "not_ordered", nextStage: "magnet", utilisationShare: 0.6 });
    expect(room === undefined ? "" : madeHereReasonText(room)).toContain("its magnet plants were not short of Dy metal and had room (60% of capacity used)");
  });

  it("leaves out output that mostly stayed home, and output that left only while the region was not short", () => {
    expect(madeHereShortHere(result([{ made: [0, 10, 0, 0], shipped: 2, short: { 4: { short: 5, met: 5 } } }, {}]), plants({}), options)).toEqual([]);
    expect(madeHereShortHere(result([{ made: [0, 10, 0, 0], short: { 4: { short: 5, met: 5 } } }, { made: [0, 10, 0, 0], shipped: 9 }]), plants({}), options)).toEqual([]);
  });
});
