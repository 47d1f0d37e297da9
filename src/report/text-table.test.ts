import { describe, expect, it } from "vitest";
import { renderTextTable, wrapCell } from "./text-table.js";

describe("text tables", () => {
  it("wraps a cell after a hyphen or comma that fits, or mid-word when none does", () => {
    expect(wrapCell("cn-creg-sichuan-shandong-separation", 16)).toEqual(["cn-creg-sichuan-", "shandong-", "separation"]);
    expect(wrapCell("Gd, Tb, Dy", 8)).toEqual(["Gd, Tb,", "Dy"]);
    expect(wrapCell("independence", 5)).toEqual(["indep", "enden", "ce"]);
  });

  it("continues a wrapped cell on the row's next lines, the other cells blank there; a cell without wrap is cut", () => {
    const text = renderTextTable([{ header: "plant", maxWidth: 10, wrap: true }, { header: "t", align: "right" }, { header: "note", maxWidth: 4 }], [["lynas-kuantan", "12", "long note"]]);
    expect(text.split("\n")).toEqual(["plant     t  note", "───────  ──  ────", "lynas-   12  lon…", "kuantan"]);
  });
});
