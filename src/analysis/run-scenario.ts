/**
 * @module analysis/run-scenario
 * Runs a prepared scenario end to end: compile the (overridden) world, compile the policies into
 * constraints, simulate. Pure and isomorphic, so the CLI, the server's workers and the browser's
 * Web Worker all run scenarios the same way.
 */
import { compileModel, runSimulation, type CompiledModel, type EngineConstraints, type SimulationResult } from "../engine/index.js";
import { compilePolicies } from "../policy/index.js";
import type { PreparedScenario } from "../scenario/prepare.js";

/** One finished run with what produced it. */
export interface ScenarioRun {
  readonly model: CompiledModel;
  readonly constraints: EngineConstraints;
  readonly result: SimulationResult;
}

/**
 * Run a prepared scenario. `months`/`startMonth`/`seed` come from the scenario unless overridden.
 * @example const run = runPreparedScenario(prepareScenario(scenario, world));
 */
export function runPreparedScenario(
  prepared: PreparedScenario,
  options: { seed?: number; sampleParameters?: boolean; recordTradeFlows?: boolean; recordOrigins?: boolean } = {},
): ScenarioRun {
  const model = compileModel(prepared.world, { startMonth: prepared.startMonth, months: prepared.months });
  const constraints = compilePolicies(prepared.policies, model, prepared.world, prepared.startMonth);
  const result = runSimulation(model, constraints, {
    seed: options.seed ?? prepared.seed,
    sampleParameters: options.sampleParameters ?? false,
    recordTradeFlows: options.recordTradeFlows ?? true,
    recordOrigins: options.recordOrigins ?? true,
  });
  return { model, constraints, result };
}
