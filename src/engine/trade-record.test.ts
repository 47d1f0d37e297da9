import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import { createNeutralConstraints } from "./constraints.js";
import { arbitraryWorld } from "./fixtures/arbitrary-world.js";
import { runSimulation } from "./run.js";
import { decodeTradeLink, tradeEntries, tradeLinkOf, TradeRecorder, tradeTonnesOf } from "./trade-record.js";

describe("sparse trade record", () => {
  it("link codes decode to the region, element and form they were made from", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (R, E, a, b, c, d) => {
        const [from, to, element, form] = [a % R, b % R, c % E, d % 4];
        expect(decodeTradeLink(R, E, tradeLinkOf(R, E, from, to, element, form))).toEqual([from, to, element, form]);
      }),
    );
  });

  it("a recorder grows past its first capacity and keeps every entry and month boundary", () => {
    const recorder = new TradeRecorder(3, 1, true); // capacity 1,024 entries
    const perMonth = [1500, 0, 700];
    let value = 0;
    perMonth.forEach((n, month) => {
      for (let k = 0; k < n; k++) {
        if (recorder.count === recorder.link.length) recorder.grow();
        recorder.link[recorder.count] = k;
        recorder.tonnes[recorder.count++] = ++value;
      }
      recorder.closeMonth(month);
    });
    const record = recorder.finish();
    expect([...record.monthStart]).toEqual([0, 1500, 1500, 2200]);
    expect(record.tonnes.length).toBe(2200);
    expect(record.tonnes[2199]).toBe(2200);
    expect(tradeTonnesOf(record, 1, 1, 2, 0, 0, 0, 3)).toBe(1500 + 3 + 1); // link 3 in month 2 is the 4th entry of that month
    expect(tradeEntries(record, 1, 1, 1)).toEqual([]);
  });

  it("on generated worlds: one entry per link and month, only positive tonnes, and nothing when not recorded", () => {
    fc.assert(
      fc.property(arbitraryWorld(), (world) => {
        const model = compileModel(world, { months: 12 });
        const result = runSimulation(model, createNeutralConstraints(model));
        const R = model.regionIds.length;
        const E = model.elementSymbols.length;
        expect(result.trade.recorded).toBe(true);
        expect(result.trade.monthStart.length).toBe(13);
        let shipped = 0;
        for (let m = 0; m < 12; m++) {
          const entries = tradeEntries(result.trade, R, E, m);
          const links = entries.map((x) => tradeLinkOf(R, E, x.from, x.to, x.element, x.form));
          expect(new Set(links).size).toBe(links.length);
          for (const x of entries) {
            expect(x.tonnes).toBeGreaterThan(0);
            expect(tradeTonnesOf(result.trade, R, E, m, x.from, x.to, x.element, x.form)).toBe(x.tonnes);
          }
          shipped += entries.length;
        }
        expect(shipped).toBe(result.trade.link.length);
        const lean = runSimulation(model, createNeutralConstraints(model), { recordTradeFlows: false });
        expect(lean.trade.recorded).toBe(false);
        expect(lean.trade.link.length).toBe(0);
        expect(lean.productionTonnes).toEqual(result.productionTonnes);
      }),
      { numRuns: 15 },
    );
  });

  it("records a shipment held in a licence queue in the month it clears, merged with that month's entry of the same link", () => {
    const recorder = new TradeRecorder(4, 1, true, undefined, 10);
    // Month 0: link 3 ships 5 t now and 7 t that clear in month 2; link 4 ships 2 t clearing in month 2 and 1 t clearing
    // in month 9 (after the run: dropped).
    recorder.append(3, 5);
    recorder.later(2, 3, 7);
    recorder.later(2, 4, 2);
    recorder.later(9, 4, 1);
    // Link 5 ships twice into month 2's queue (no direct shipment then): one entry of 3 t.
    recorder.later(2, 5, 1);
    recorder.later(2, 5, 2);
    recorder.closeMonth(0);
    recorder.append(3, 1);
    recorder.closeMonth(1);
    // Month 2: link 3 ships 4 t directly; the 7 t clearing now join that entry, links 4 and 5 get their own.
    recorder.append(3, 4);
    recorder.closeMonth(2);
    recorder.closeMonth(3);
    const record = recorder.finish();
    const entries = (month: number) => tradeEntries(record, 1, 1, month).map((x) => [tradeLinkOf(1, 1, x.from, x.to, x.element, x.form), x.tonnes]);
    expect(entries(0)).toEqual([[3, 5]]);
    expect(entries(1)).toEqual([[3, 1]]);
    expect(entries(2).sort((a, b) => a[0]! - b[0]!)).toEqual([[3, 11], [4, 2], [5, 3]]);
    expect(entries(3)).toEqual([]);
  });
});
