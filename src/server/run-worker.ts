/**
 * @module server/run-worker
 * The piscina worker: runs one scenario and its baseline, builds the report, the tidy rows and
 * the flow graph of every month, and returns them encoded for the store. Posts progress on the
 * task's port. Never throws across the thread boundary: errors come back as plain text.
 */
import { flowGraphForMonth } from "../analysis/flow-graph.js";
import { buildRunReport } from "../analysis/run-report.js";
import { runPreparedScenario } from "../analysis/run-scenario.js";
import { TIDY_VARIABLES, tidyRows } from "../analysis/tidy-series.js";
import { STAGES } from "../model/ids.js";
import { formatIssues } from "../model/issue-text.js";
import { regionView } from "../report/region-view.js";
import type { World } from "../model/world-schema.js";
import { parseScenarioText, resolveScenario, type ResolvedScenario, type ScenarioLayer } from "../scenario/index.js";
import { prepareScenario } from "../scenario/prepare.js";
import { encodeTidyColumns, gzipJson, tidyColumnsFromRows } from "../store/codec.js";
import { loadWorldFromDirectory } from "../world/node.js";
import type { RunProgress, RunTask, RunTaskResult } from "./run-messages.js";
import type { LayerText } from "./scenario-catalog.js";

/** Markets that carry prices in tidy rows (region column). */
const MARKET_REGIONS = ["market:china-domestic", "market:ex-china"];

// One world per folder per thread: loading the bundled world takes a few hundred ms.
const worlds = new Map<string, World>();
function worldFor(dir: string): World {
  let world = worlds.get(dir);
  if (world === undefined) {
    world = loadWorldFromDirectory(dir);
    worlds.set(dir, world);
  }
  return world;
}

function resolveLayers(texts: readonly LayerText[], world: World): ResolvedScenario {
  const layers: ScenarioLayer[] = [];
  for (const { file, text } of texts) {
    const { layer, issues } = parseScenarioText(file, text);
    if (layer === undefined) throw new Error(`the scenario is not valid:\n${formatIssues(issues)}`);
    layers.push(layer);
  }
  const { scenario, issues } = resolveScenario(layers, world);
  if (scenario === undefined) throw new Error(`the scenario is not valid:\n${formatIssues(issues)}`);
  return scenario;
}

/** Run one task (piscina calls this in a worker thread). */
export default function runTask(task: RunTask): RunTaskResult {
  const post = (progress: number, step: RunProgress["step"]) => task.progressPort.postMessage({ type: "progress", progress, step } satisfies RunProgress);
  try {
    const world = worldFor(task.worldDir);
    const scenario = resolveLayers(task.scenario, world);
    const result = runPreparedScenario(prepareScenario(scenario, world)).result;
    post(0.5, "baseline");
    let baseline: { name: string; result: typeof result; world: typeof world } | undefined;
    if (task.baseline !== undefined) {
      const b = resolveLayers(task.baseline.layers, world);
      // Compare like with like: the baseline runs over the scenario's own horizon.
      const prepared = prepareScenario({ ...b, startMonth: scenario.startMonth, months: scenario.months }, world);
      // With its prepared world (its own overrides and new plants), as the CLI passes it: "plants this scenario adds"
      // compares with the baseline's plants, not the dataset's.
      baseline = { name: b.name, result: runPreparedScenario(prepared).result, world: prepared.world };
    }
    post(0.9, "report");
    // As `run --from --region` builds it: the window trims every summary; the region's view rides along (run.json's
    // `report.regionView`).
    const built = buildRunReport(result, {
      scenario, world, ...(baseline === undefined ? {} : { baseline }), ...(task.reportFrom === undefined ? {} : { reportFrom: task.reportFrom }),
      ...(task.region === undefined ? {} : { region: task.region.id }),
    });
    const report = task.region === undefined ? built : { ...built, regionView: regionView(built, task.region) };
    const tidy = tidyColumnsFromRows(tidyRows(result), {
      element: result.elementSymbols,
      region: [...result.regionIds, ...MARKET_REGIONS],
      stage: [...STAGES, "market", ...result.sectorIds],
      variable: Object.keys(TIDY_VARIABLES),
    });
    const flows = Array.from({ length: result.months }, (_, m) => flowGraphForMonth(result, m));
    return { ok: true, report: gzipJson(report), tidy: encodeTidyColumns(tidy), flows: gzipJson(flows) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    task.progressPort.close();
  }
}
