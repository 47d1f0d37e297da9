/**
 * Engine benchmark: median wall and CPU time of a 240-month run of the bundled world (or, if it does
 * not load, a generated world of similar size), throughput in element·node·months per second, and
 * JS-heap allocation per simulated month, and a Monte Carlo batch (sampled parameters, different seeds, buffers
 * reused) in runs per second. Not a test; run with `npm run bench` (`BENCH_RUNS`, `BENCH_BATCH` set the counts).
 */
import { Session } from "node:inspector";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compileModel, createNeutralConstraints, runSimulation, type CompiledModel } from "../src/engine/index.js";
import { buildWorld } from "../src/engine/fixtures/arbitrary-world.js";
import { loadWorldFromDirectory } from "../src/world/node.js";
import type { World } from "../src/model/world-schema.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const MONTHS = 240;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function loadWorld(): { world: World; label: string } {
  try {
    return { world: loadWorldFromDirectory(), label: "bundled world" };
  } catch (error) {
    console.warn(`bundled world did not load (${(error as Error).message.split("\n")[0]}); using a generated world`);
    const world = buildWorld({ regions: 5, withChina: true, elementPicks: Array(8).fill(true), seed: 1, mines: 4, separators: 4, metalPlants: 3, magnetPlants: 3, spinUpMonths: 24 });
    return { world, label: "generated world" };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * JS-heap bytes allocated while one run executes, from V8's sampling heap profiler (every allocation
 * of ≥ 64 bytes on average is sampled). Typed-array backing stores (allocated once per run) are not JS heap.
 */
async function heapAllocatedDuringRun(model: CompiledModel): Promise<number> {
  const constraints = createNeutralConstraints(model);
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post("HeapProfiler.enable");
  await post("HeapProfiler.startSampling", { samplingInterval: 64 });
  runSimulation(model, constraints);
  const { profile } = (await post("HeapProfiler.stopSampling")) as { profile: { head: SampledNode } };
  session.disconnect();
  const total = (node: SampledNode): number => node.selfSize + node.children.reduce((a, c) => a + total(c), 0);
  return total(profile.head);
}
interface SampledNode {
  selfSize: number;
  children: SampledNode[];
}

const { world, label } = loadWorld();
const model = compileModel(world, { startMonth: "2024-01", months: MONTHS });
const constraints = createNeutralConstraints(model);
const spinUp = Math.round(model.parameters["engine.spinUpMonths"]);
// The first runs in a process are what a command-line user waits for: V8 runs the engine in its interpreter and
// baseline tiers (boxing every double it computes) until TurboFan has compiled the phases, twice for most (the main
// run's branches are not seen in the spin-up). Timed apart, then the JIT is warm.
const coldRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  runSimulation(model, constraints);
  coldRuns.push(performance.now() - t0);
}

const wall: number[] = [];
const cpu: number[] = [];
const wallLean: number[] = [];
const wallReuse: number[] = [];
let previous = runSimulation(model, constraints);
for (let i = 0; i < RUNS; i++) {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  runSimulation(model, constraints);
  wall.push(performance.now() - t0);
  const c1 = process.cpuUsage(c0);
  cpu.push((c1.user + c1.system) / 1000);
  gc();
  const t1 = performance.now();
  runSimulation(model, constraints, { recordTradeFlows: false, recordOrigins: false });
  wallLean.push(performance.now() - t1);
  const t2 = performance.now();
  previous = runSimulation(model, constraints, { reuseBuffersOf: previous });
  wallReuse.push(performance.now() - t2);
}

const R = model.regionIds.length;
const E = model.elementSymbols.length;
const nodes = R * 5; // region × stage
const elementNodeMonths = E * nodes * (MONTHS + spinUp);
const allocated = await heapAllocatedDuringRun(model);

// Monte Carlo batch: an ensemble of runs with sampled parameters and different seeds, each reusing the
// previous result's buffers (as an ensemble that keeps only summaries would), on one core.
const BATCH = Number(process.env.BENCH_BATCH ?? 20);
let batchPrevious = runSimulation(model, constraints, { seed: 1000, sampleParameters: true });
gc();
const batchC0 = process.cpuUsage();
const batchT0 = performance.now();
for (let i = 0; i < BATCH; i++) {
  batchPrevious = runSimulation(model, constraints, { seed: 1001 + i, sampleParameters: true, reuseBuffersOf: batchPrevious });
}
const batchWall = performance.now() - batchT0;
const batchCpu = process.cpuUsage(batchC0);

console.log(`engine benchmark — ${label}: ${R} regions, ${E} elements, ${model.facilityIds.length} facilities, ${model.sectorIds.length} sectors`);
console.log(`run: ${MONTHS} months (+${spinUp} spin-up), ${RUNS} timed runs after 3 warm-up runs`);
console.log(`first three runs in this process:     ${coldRuns.map((x) => x.toFixed(0)).join(", ")} ms (JIT warming up: what one command waits for)`);
console.log(`median wall time per run:            ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)})`);
console.log(`median CPU time per run:             ${median(cpu).toFixed(1)} ms`);
console.log(`median wall, without trade/origin series: ${median(wallLean).toFixed(1)} ms`);
console.log(`median wall, reusing result buffers:  ${median(wallReuse).toFixed(1)} ms (ensembles)`);
console.log(`Monte Carlo batch:                   ${BATCH} runs (sampled parameters, seeds 1001–${1000 + BATCH}, buffers reused) in ${batchWall.toFixed(0)} ms = ${((BATCH / batchWall) * 1000).toFixed(1)} runs/s (${(batchWall / BATCH).toFixed(1)} ms/run wall, ${((batchCpu.user + batchCpu.system) / 1000 / BATCH).toFixed(1)} ms/run CPU)`);
console.log(`throughput:                          ${((elementNodeMonths / median(wall)) * 1000 / 1e6).toFixed(2)} M element·node·months/s`);
console.log(`JS heap allocated during one run:    ${(allocated / 1024).toFixed(1)} KB in all = ${(allocated / (MONTHS + spinUp)).toFixed(0)} bytes per simulated month (setup included)`);
