/**
 * Code review: captive feed and offtakes ordered the whole of what they wanted, permit-refused part included, and the
 * first round then ordered that refused part again, so refused tonnes were ordered twice. Under the April 2025 measures
 * (MP Materials stops selling its concentrate to China from 2025-04-17) the US mines raised output for China's refused
 * orders (2026: 40.7 kt REO against 38.9 kt in 2024). Ordered once, they hold their 2024 rate until MP's own separation grows.
 */
import { describe, expect, it } from "vitest";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import { totalOver } from "../../src/engine/index.js";
import { monthOffset } from "../../src/model/dates.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";

describe("refused orders are ordered once", () => {
  it("apr-2025: the US mines do not mine more for China's refused orders (2025-26 at their 2024 rate)", () => {
    const { scenario, world } = loadScenario("apr-2025");
    const result = runPreparedScenario(prepareScenario({ ...scenario, months: 48 }, world)).result;
    const year = (y: number) => totalOver(result, { variable: "production", stage: "mine", region: "US" }, monthOffset(result.startMonth, `${y}-01`), monthOffset(result.startMonth, `${y + 1}-01`));
    expect(year(2025)).toBeLessThan(1.01 * year(2024));
    expect(year(2026)).toBeLessThan(1.01 * year(2024));
    // And China's refused orders are still blocked (counted once, in the rounds).
    expect(totalOver(result, { variable: "blocked", form: "concentrate" }, monthOffset(result.startMonth, "2025-06"), monthOffset(result.startMonth, "2026-01"))).toBeGreaterThan(0);
  });
});
