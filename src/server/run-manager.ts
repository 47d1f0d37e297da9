/**
 * @module server/run-manager
 * Runs scenarios in piscina worker threads so the server stays responsive: at most
 * `maxConcurrentRuns` at once, a bounded queue of waiting runs (beyond it: 429), a time limit per
 * run, progress and results written to the store. A finished run is committed in one transaction
 * before anyone is told it is done. Closing stops workers without writing: the next start marks
 * what was left queued or running as failed ("interrupted by a server restart").
 */
import { randomBytes } from "node:crypto";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { ChokepointStore, StoredRun } from "../store/index.js";
import { HttpError } from "./http-error.js";
import { runProgressSchema, runTaskResultSchema, type RunTask, type RunTaskResult } from "./run-messages.js";
import type { LayerText } from "./scenario-catalog.js";

/** The error of runs a restart cut short. */
export const INTERRUPTED_ERROR = "interrupted by a server restart";

/** Limits of the run manager. */
export interface RunLimits {
  /** Runs computing at once (worker threads). */
  readonly maxConcurrentRuns: number;
  /** Runs waiting for a thread; one more is refused with 429. */
  readonly maxQueuedRuns: number;
  /** Wall-clock limit of one run from when it starts computing, ms. */
  readonly runTimeLimitMs: number;
}

/** What a new run needs: labels for its status, and the inputs for the worker. */
export interface RunRequestInput {
  readonly scenario: string;
  readonly scenarioYaml: string;
  readonly layers: readonly LayerText[];
  readonly baseline: { readonly name: string; readonly label: string; readonly layers: readonly LayerText[] } | undefined;
  /** First month of the report's window, checked against the scenario's horizon. */
  readonly reportFrom: string | undefined;
  /** A region of the world to follow, with its name. */
  readonly region: { readonly id: string; readonly name: string } | undefined;
}

interface Pending {
  readonly id: string;
  readonly input: RunRequestInput;
}

// Under tsx/vitest this file is .ts and so is the worker, which then starts through a small loader that registers tsx's
// ESM loader (a .ts worker needs it; resolved next to this file, so it works from any working directory); compiled,
// both are .js.
const WORKER_FILE = import.meta.url.endsWith(".ts") ? new URL("./run-worker-loader.mjs", import.meta.url).href : new URL("./run-worker.js", import.meta.url).href;

class RunTimeout extends Error {}
/** Why a run's worker was stopped by `cancel`. */
class RunCancelled extends Error {}

const now = () => new Date().toISOString();
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Queue, worker pool and bookkeeping of runs. */
export class RunManager {
  readonly #store: ChokepointStore;
  readonly #worldDir: string;
  readonly #limits: RunLimits;
  readonly #log: (message: string, error?: unknown) => void;
  readonly #queue: Pending[] = [];
  readonly #active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #pool: Piscina<RunTask, RunTaskResult> | undefined;
  #closing = false;

  constructor(options: { store: ChokepointStore; worldDir: string; limits: RunLimits; log: (message: string, error?: unknown) => void }) {
    this.#store = options.store;
    this.#worldDir = options.worldDir;
    this.#limits = options.limits;
    this.#log = options.log;
  }

  /** Mark runs a previous process left unfinished as failed; returns how many. */
  recoverInterruptedRuns(): number {
    return this.#store.failUnfinishedRuns(INTERRUPTED_ERROR, now());
  }

  /** Queue a run; throws 429 when the queue is full. */
  start(input: RunRequestInput): StoredRun {
    if (this.#closing) throw new HttpError(503, "shutting-down", "Server shutting down", "the server is shutting down and takes no new runs");
    const free = this.#active.size < this.#limits.maxConcurrentRuns;
    if (!free && this.#queue.length >= this.#limits.maxQueuedRuns) {
      throw new HttpError(429, "too-many-runs", "Too many runs",
        `${count(this.#active.size, "run is", "runs are")} computing and ${this.#queue.length} ${this.#queue.length === 1 ? "is" : "are"} waiting, the most this server allows (--max-runs ${this.#limits.maxConcurrentRuns}, --max-queue ${this.#limits.maxQueuedRuns}); try again when one finishes`,
        undefined, { "retry-after": "5" });
    }
    const id = `run-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
    const run = this.#store.createRun({ id, scenario: input.scenario, scenarioYaml: input.scenarioYaml, baseline: input.baseline?.label, reportFrom: input.reportFrom, region: input.region?.id, createdAt: now() });
    this.#queue.push({ id, input });
    this.#pump();
    return this.#store.getRun(id) ?? run;
  }

  /**
   * Cancel a run: drop it from the queue, or stop its worker (a result that arrives anyway is not committed once
   * the caller has deleted the run). Returns whether the run was queued or running here.
   */
  cancel(id: string): boolean {
    const queued = this.#queue.findIndex((p) => p.id === id);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      return true;
    }
    const active = this.#active.get(id);
    if (active === undefined) return false;
    active.controller.abort(new RunCancelled());
    return true;
  }

  /**
   * Stop: drop the queue and stop running workers. Their runs stay queued/running in the store
   * and are marked interrupted at the next start; a result that already arrived is still committed.
   */
  async close(): Promise<void> {
    this.#closing = true;
    this.#queue.length = 0;
    for (const { controller } of this.#active.values()) controller.abort(new Error("server closing"));
    await Promise.all([...this.#active.values()].map((a) => a.done));
    await this.#pool?.destroy();
    this.#pool = undefined;
  }

  #poolFor(): Piscina<RunTask, RunTaskResult> {
    this.#pool ??= new Piscina<RunTask, RunTaskResult>({
      filename: WORKER_FILE,
      // No inherited flags: a .ts worker registers tsx's ESM loader itself (run-worker-loader.mjs).
      execArgv: [],
      minThreads: 0,
      maxThreads: this.#limits.maxConcurrentRuns,
      idleTimeout: 60_000,
    });
    return this.#pool;
  }

  #pump(): void {
    while (!this.#closing && this.#active.size < this.#limits.maxConcurrentRuns) {
      const next = this.#queue.shift();
      if (next === undefined) return;
      this.#dispatch(next);
    }
  }

  #dispatch({ id, input }: Pending): void {
    const controller = new AbortController();
    const channel = new MessageChannel();
    channel.port1.on("message", (message: unknown) => {
      const parsed = runProgressSchema.safeParse(message);
      if (parsed.success && !this.#closing) this.#store.setProgress(id, parsed.data.progress);
    });
    const timer = setTimeout(() => controller.abort(new RunTimeout()), this.#limits.runTimeLimitMs);
    this.#store.markRunning(id, 0.1);
    const task: RunTask = {
      runId: id, worldDir: this.#worldDir, scenario: input.layers, progressPort: channel.port2,
      baseline: input.baseline === undefined ? undefined : { name: input.baseline.label, layers: input.baseline.layers },
      reportFrom: input.reportFrom, region: input.region,
    };
    const done = this.#poolFor()
      .run(task, { transferList: [channel.port2], signal: controller.signal })
      .then((raw) => this.#finish(id, raw))
      .catch((error: unknown) => this.#fail(id, controller.signal.reason, error))
      .finally(() => {
        clearTimeout(timer);
        channel.port1.close();
        this.#active.delete(id);
        this.#pump();
      });
    this.#active.set(id, { controller, done });
  }

  // Commits even while closing: the store closes only after every run has settled, and a
  // result that arrived must not be lost.
  #finish(id: string, raw: unknown): void {
    const result = runTaskResultSchema.parse(raw);
    if (!result.ok) {
      this.#store.failRun(id, result.error, now());
      return;
    }
    // Structured clone delivers Uint8Array; SQLite binds Buffers.
    const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    this.#store.finishRun(id, { report: buffer(result.report), tidy: buffer(result.tidy), flows: buffer(result.flows) }, now());
  }

  #fail(id: string, reason: unknown, error: unknown): void {
    if (this.#closing || reason instanceof RunCancelled) return;
    if (reason instanceof RunTimeout) {
      const seconds = this.#limits.runTimeLimitMs / 1000;
      this.#store.failRun(id, `the run took longer than the ${seconds} s limit and was stopped; shorten the horizon (months) or raise --run-time-limit`, now());
      return;
    }
    this.#log(`run ${id} failed unexpectedly`, error);
    this.#store.failRun(id, `the run stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`, now());
  }
}
