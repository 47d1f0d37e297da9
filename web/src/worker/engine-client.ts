/**
 * @module web/worker/engine-client
 * The thread side of the engine worker: starts it, loads the world, and runs what-ifs with
 * "latest wins" coalescing, so a dragged slider queues at most one run behind the one in flight.
 */
import type { World } from "../../../src/model/world-schema.js";
import type { WhatIfSettings } from "../lib/what-if.js";
import type { EngineFailure, EngineRequest, EngineResponse, ScenarioSource } from "./protocol.js";

/** A finished what-if (the `what_if_result` message without its tag). */
export type WhatIfResult = Omit<Extract<EngineResponse, { type: "what_if_result" }>, "type">;

/** The worker failed a request; carries its plain-data failure. */
export class EngineRequestError extends Error {
  override readonly name = "EngineRequestError";
  constructor(readonly failure: EngineFailure) {
    super(failure.message);
  }
}

/** A request replaced by a newer one before it ran. */
export class SupersededError extends Error {
  override readonly name = "SupersededError";
}

interface PendingRun {
  readonly chain: readonly ScenarioSource[];
  readonly settings: WhatIfSettings;
  readonly horizonMonths: number;
  readonly resolve: (r: WhatIfResult) => void;
  readonly reject: (e: Error) => void;
}

/** One engine worker. */
export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private inFlight: (PendingRun & { id: number }) | undefined;
  private queued: PendingRun | undefined;
  private worldWaiter: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(worker: Worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "chokepoint-engine" })) {
    this.worker = worker;
    this.worker.onmessage = (event: MessageEvent<EngineResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => this.failAll(new Error(`the engine worker stopped: ${event.message || "script error"}`));
  }

  /** Send the world; resolves when the worker has checked it. */
  loadWorld(world: World): Promise<void> {
    return new Promise((resolve, reject) => {
      this.worldWaiter = { resolve, reject };
      this.send({ type: "load_world", world });
    });
  }

  /**
   * Run a what-if. If a run is in flight, this one waits; a later call replaces it (the replaced
   * promise rejects with `SupersededError`).
   */
  runWhatIf(chain: readonly ScenarioSource[], settings: WhatIfSettings, horizonMonths: number): Promise<WhatIfResult> {
    return new Promise((resolve, reject) => {
      const run: PendingRun = { chain, settings, horizonMonths, resolve, reject };
      if (this.inFlight === undefined) {
        this.start(run);
        return;
      }
      this.queued?.reject(new SupersededError("replaced by a newer what-if"));
      this.queued = run;
    });
  }

  /** Stop the worker; pending requests reject. */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error("the engine worker was stopped"));
  }

  private start(run: PendingRun): void {
    const id = this.nextId++;
    this.inFlight = { ...run, id };
    this.send({ type: "run_what_if", requestId: id, chain: run.chain, settings: run.settings, horizonMonths: run.horizonMonths });
  }

  private send(message: EngineRequest): void {
    this.worker.postMessage(message);
  }

  private receive(message: EngineResponse): void {
    switch (message.type) {
      case "world_loaded":
        this.worldWaiter?.resolve();
        this.worldWaiter = undefined;
        return;
      case "what_if_result": {
        const { type: _type, ...result } = message;
        this.finish(message.requestId, (run) => run.resolve(result));
        return;
      }
      case "failed":
        if (message.requestId === undefined) {
          this.worldWaiter?.reject(new EngineRequestError(message.failure));
          this.worldWaiter = undefined;
          return;
        }
        this.finish(message.requestId, (run) => run.reject(new EngineRequestError(message.failure)));
        return;
    }
  }

  private finish(requestId: number, settle: (run: PendingRun) => void): void {
    const run = this.inFlight;
    if (run === undefined || run.id !== requestId) return;
    this.inFlight = undefined;
    settle(run);
    const next = this.queued;
    this.queued = undefined;
    if (next !== undefined) this.start(next);
  }

  private failAll(error: Error): void {
    this.worldWaiter?.reject(error);
    this.inFlight?.reject(error);
    this.queued?.reject(error);
    this.worldWaiter = undefined;
    this.inFlight = undefined;
    this.queued = undefined;
  }
}
