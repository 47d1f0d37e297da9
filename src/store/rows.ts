/**
 * @module store/rows
 * Zod schemas for what comes back out of SQLite (the store's edge): rows, and the JSON inside the
 * result blobs. The JSON was written by Chokepoint itself, so its check is shallow on purpose.
 */
import { z } from "zod";
import type { FlowGraph, RunReport } from "../analysis/report-model.js";

/** Life-cycle states a stored run can be in. */
export const RUN_STATES = ["queued", "running", "done", "failed"] as const;

/** A row of `scenarios`. */
export const scenarioRowSchema = z.object({ name: z.string(), yaml: z.string(), updated_at: z.string() });

/** A row of `runs` (without the scenario YAML). */
export const runRowSchema = z.object({
  id: z.string(),
  scenario: z.string(),
  baseline: z.string().nullable(),
  report_from: z.string().nullable(),
  region: z.string().nullable(),
  state: z.enum(RUN_STATES),
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});

/** One blob column selected `AS blob`. */
export const blobRowSchema = z.object({ blob: z.instanceof(Uint8Array) });

const monthSeries = z.object({ label: z.string(), unit: z.string(), values: z.array(z.number()) }).loose();

/** A stored report: the fields the server reads are checked, the rest is passed through. */
export const storedReportSchema = z.object({
  title: z.string(),
  scenario: z.object({ name: z.string(), startMonth: z.string(), months: z.number().int() }).loose(),
  monthLabels: z.array(z.string()),
  shortages: z.array(z.object({ element: z.string(), stage: z.string(), startMonth: z.string(), totalTonnes: z.number() }).loose()),
  prices: z.array(z.object({ element: z.string(), market: z.enum(["china", "ex-china"]), peakUsdPerKg: z.number() }).loose()),
  pricePaths: z.array(monthSeries),
  endProductsLost: z.array(z.object({ sector: z.string(), sectorName: z.string(), unit: z.string(), totalUnits: z.number() }).loose()),
  concentration: z.array(z.object({ stage: z.string(), atEnd: z.object({ chinaShare: z.number() }).loose() }).loose()),
}).loose().transform((r) => r as unknown as RunReport);

const flowGraphSchema = z.object({
  month: z.string(),
  nodes: z.array(z.object({ id: z.string(), label: z.string(), stage: z.string() })),
  links: z.array(z.object({ source: z.string(), target: z.string(), tonnes: z.number() })),
});

/** The flow graph of every month of a run, in month order. */
export const storedFlowsSchema = z.array(flowGraphSchema).transform((f) => f as FlowGraph[]);
