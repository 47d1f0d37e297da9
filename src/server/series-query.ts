/**
 * @module server/series-query
 * Filters a run's stored tidy columns by the query of GET /api/runs/:id/series. Each of
 * `variable`, `element`, `region`, `stage` takes one value or a comma-separated list (or the
 * parameter repeated); `from`/`to` are inclusive months. Values the run cannot hold are a 400
 * naming the parameter and what it accepts.
 */
import { z } from "zod";
import type { SeriesResponse } from "../model/api.js";
import { monthSchema } from "../model/ids.js";
import type { Issue } from "../model/issues.js";
import type { TidyColumns, TidyDimensions } from "../store/index.js";
import { invalidRequest, parseRequestPart } from "./http-error.js";

/** Most rows one response may hold; narrow the query beyond that. */
const MAX_SERIES_ROWS = 250_000;

// An empty parameter (`element=`) filters nothing, like an absent one.
const listParam = z.union([z.string(), z.array(z.string())]).optional().transform((v) => {
  const values = (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  return values.length === 0 ? undefined : values;
});

/** The query parameters the series endpoint accepts. */
export const seriesQuerySchema = z.strictObject({
  variable: listParam,
  element: listParam,
  region: listParam,
  stage: listParam,
  from: monthSchema.optional(),
  to: monthSchema.optional(),
});
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

const FILTERS = ["variable", "element", "region", "stage"] as const satisfies readonly (keyof TidyDimensions)[];
// Code position of each filtered column in a row (see TIDY_KEY_COLUMNS).
const COLUMN_INDEX = { month: 0, element: 1, region: 2, stage: 3, variable: 4, unit: 5 } as const;

/** Parse and check a series query against what the run can hold. */
export function parseSeriesQuery(raw: unknown, dimensions: TidyDimensions): SeriesQuery {
  const query = parseRequestPart(seriesQuerySchema, raw, "query");
  const issues: Issue[] = [];
  for (const name of FILTERS) {
    const allowed = dimensions[name];
    for (const value of query[name] ?? []) {
      if (!allowed.includes(value)) {
        issues.push({
          code: "unknown_reference", path: ["query", name], received: value, expected: `one of ${allowed.join(", ")}`,
          message: `unknown ${name} "${value}"; expected one of ${allowed.join(", ")}`,
        });
      }
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    issues.push({ code: "invalid_value", path: ["query", "to"], received: query.to, expected: `a month on or after ${query.from}`, message: `expected a month on or after from (${query.from}), got ${query.to}` });
  }
  if (issues.length > 0) throw invalidRequest(issues.map((i) => i.message).join("; "), issues);
  return query;
}

/** The rows of `columns` that match `query`, in stored order (the route adds the run's dimensions). */
export function filterSeries(columns: TidyColumns, query: SeriesQuery): Pick<SeriesResponse, "columns" | "rows"> {
  const d = columns.dictionaries;
  // A filter becomes the set of dictionary codes it allows (undefined: no filter).
  const codesOf = (dictionary: readonly string[], wanted: readonly string[] | undefined) =>
    wanted === undefined ? undefined : new Set(wanted.map((w) => dictionary.indexOf(w)).filter((c) => c >= 0));
  const filters = FILTERS.map((name) => [COLUMN_INDEX[name], codesOf(d[name], query[name])] as const).filter(([, set]) => set !== undefined) as [number, Set<number>][];
  const months = d.month.map((m) => (query.from === undefined || m >= query.from) && (query.to === undefined || m <= query.to));
  const rows: [string, string, string, string, string, string, number][] = [];
  const K = 6;
  const n = columns.values.length;
  for (let i = 0; i < n; i++) {
    const base = i * K;
    if (months[columns.codes[base] ?? 0] !== true) continue;
    if (!filters.every(([k, set]) => set.has(columns.codes[base + k] ?? -1))) continue;
    if (rows.length === MAX_SERIES_ROWS) {
      throw invalidRequest(`the query matches more than ${MAX_SERIES_ROWS.toLocaleString("en-US")} rows; narrow it with variable, element, region, stage, from or to`, [
        { code: "too_big", path: ["query"], message: `matches more than ${MAX_SERIES_ROWS} rows`, hint: "add a variable, element or region filter, or a shorter from–to window" },
      ]);
    }
    const code = (k: number) => columns.codes[base + k] ?? 0;
    rows.push([d.month[code(0)] ?? "", d.element[code(1)] ?? "", d.region[code(2)] ?? "", d.stage[code(3)] ?? "", d.variable[code(4)] ?? "", d.unit[code(5)] ?? "", columns.values[i] ?? 0]);
  }
  return { columns: ["month", "element", "region", "stage", "variable", "unit", "value"], rows };
}
