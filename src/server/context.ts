/**
 * @module server/context
 * What route handlers share: the store, the scenario catalogue, the run manager, the world and
 * the web app. Built once by `startServer`.
 */
import type { WorldFacts } from "../analysis/facts.js";
import type { World } from "../model/world-schema.js";
import type { ChokepointStore, TidyColumns } from "../store/index.js";
import type { RunManager } from "./run-manager.js";
import type { ScenarioCatalog } from "./scenario-catalog.js";
import type { WebApp } from "./web-app.js";

/** Shared state of one server. */
export interface ServerContext {
  readonly version: string;
  readonly store: ChokepointStore;
  readonly catalog: ScenarioCatalog;
  readonly runs: RunManager;
  readonly world: World;
  readonly facts: () => WorldFacts;
  readonly web: WebApp;
  readonly openApi: () => Record<string, unknown>;
  /** Decoded tidy columns of recently queried runs (decoding a large run takes tens of ms). */
  readonly tidyColumns: (runId: string) => TidyColumns | undefined;
}
