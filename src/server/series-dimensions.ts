/**
 * @module server/series-dimensions
 * The dimensions a run's tidy series answers carry: the values each filter accepts and, per
 * variable, the units, elements, regions and stages its rows hold. One pass over the stored codes,
 * remembered per decoded run. It filters nothing; that is `series-query.ts`.
 */
import type { SeriesDimensions, SeriesVariableHeld } from "../model/api.js";
import { TIDY_KEY_COLUMNS, type TidyColumns } from "../store/index.js";

// Position of each key column's code within a row's codes.
const KEY_COUNT = TIDY_KEY_COLUMNS.length;
const ELEMENT = TIDY_KEY_COLUMNS.indexOf("element");
const REGION = TIDY_KEY_COLUMNS.indexOf("region");
const STAGE = TIDY_KEY_COLUMNS.indexOf("stage");
const VARIABLE = TIDY_KEY_COLUMNS.indexOf("variable");
const UNIT = TIDY_KEY_COLUMNS.indexOf("unit");

const remembered = new WeakMap<TidyColumns, SeriesDimensions>();

/** The dimensions of a run's series (computed once per decoded `columns`). */
export function seriesDimensions(columns: TidyColumns): SeriesDimensions {
  let dimensions = remembered.get(columns);
  if (dimensions === undefined) {
    dimensions = describeDimensions(columns);
    remembered.set(columns, dimensions);
  }
  return dimensions;
}

interface HeldCodes { readonly element: Set<number>; readonly region: Set<number>; readonly stage: Set<number>; readonly unit: Set<number> }

function describeDimensions(columns: TidyColumns): SeriesDimensions {
  const { codes, dictionaries: d, dimensions } = columns;
  const byVariable = new Map<number, HeldCodes>();
  for (let base = 0; base < codes.length; base += KEY_COUNT) {
    const variable = codes[base + VARIABLE] ?? 0;
    let held = byVariable.get(variable);
    if (held === undefined) {
      held = { element: new Set(), region: new Set(), stage: new Set(), unit: new Set() };
      byVariable.set(variable, held);
    }
    held.element.add(codes[base + ELEMENT] ?? 0);
    held.region.add(codes[base + REGION] ?? 0);
    held.stage.add(codes[base + STAGE] ?? 0);
    held.unit.add(codes[base + UNIT] ?? 0);
  }
  // Lists follow the dimension order (not first appearance), so answers read the same for every run.
  const inOrder = (allowed: readonly string[], dictionary: readonly string[], heldCodes: Set<number>) => {
    const values = new Set([...heldCodes].map((c) => dictionary[c] ?? ""));
    return allowed.filter((v) => values.has(v));
  };
  const held: SeriesVariableHeld[] = [];
  for (const [code, h] of byVariable) {
    held.push({
      variable: d.variable[code] ?? "",
      units: [...new Set([...h.unit].map((c) => d.unit[c] ?? ""))].sort(),
      // Whole-product rows have element "", which is not a filter value: they list no elements.
      element: inOrder(dimensions.element, d.element, h.element),
      region: inOrder(dimensions.region, d.region, h.region),
      stage: inOrder(dimensions.stage, d.stage, h.stage),
    });
  }
  held.sort((a, b) => dimensions.variable.indexOf(a.variable) - dimensions.variable.indexOf(b.variable));
  return {
    element: dimensions.element, region: dimensions.region, stage: dimensions.stage, variable: dimensions.variable,
    months: [...d.month].sort(), held,
  };
}
