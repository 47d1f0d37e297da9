/**
 * @module server
 * The local HTTP server (Node only): the JSON API of `model/api.ts`, runs in worker threads, an
 * embedded SQLite store in a data folder, and the built dashboard from the same origin. It does no
 * modelling itself: it parses, calls the library, stores, and presents.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { computeWorldFacts, type WorldFacts } from "../analysis/facts.js";
import { READY_MADE_SCENARIOS_DIR } from "../scenario/node.js";
import { openStore, type TidyColumns } from "../store/index.js";
import { BUNDLED_WORLD_DIR, loadWorldFromDirectory } from "../world/node.js";
import { buildApp, type LogLevel } from "./app.js";
import { openApiDocument } from "./openapi.js";
import { RunManager } from "./run-manager.js";
import { ScenarioCatalog } from "./scenario-catalog.js";
import { WEB_DIST_DIR, WebApp } from "./web-app.js";

export { HttpError } from "./http-error.js";
export { INTERRUPTED_ERROR } from "./run-manager.js";
export type { LogLevel } from "./app.js";

/** Default port of `chokepoint serve`. */
export const DEFAULT_PORT = 8620;
/** Default data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = ".chokepoint";

/** Options of `startServer`. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. @default 8620 */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** Folder of the SQLite store (created when missing). @default ".chokepoint" */
  readonly dataDir?: string;
  /** World folder every run uses. @default the bundled world */
  readonly worldDir?: string;
  /** Ready-made scenarios folder. @default the bundled `scenarios/` */
  readonly readyMadeDir?: string;
  /** Built dashboard folder. @default `web/dist/` */
  readonly webDir?: string;
  /** Runs computing at once. @default the number of CPU cores, at most 4 */
  readonly maxConcurrentRuns?: number;
  /** Runs waiting beyond those; more are refused with 429. @default 8 */
  readonly maxQueuedRuns?: number;
  /** Time limit of one run once it computes, ms. @default 120000 */
  readonly runTimeLimitMs?: number;
  /** Largest request body, bytes. @default 262144 */
  readonly bodyLimitBytes?: number;
  /** @default "warn" */
  readonly logLevel?: LogLevel;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8620`. */
  readonly url: string;
  /** Runs marked failed at start because a previous server stopped while they were queued or running. */
  readonly interruptedRuns: number;
  /** Stop listening, stop workers, close the store. Runs still going are marked interrupted at the next start. */
  close(): Promise<void>;
}

const LOOPBACK = ["127.0.0.1", "localhost", "::1"];
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]", "::1"];

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "0.0.0";

/**
 * Load the world, open the store, recover interrupted runs and listen.
 * Throws `InputValidationError` for an invalid world and `StoreBusyError` for a data folder in use.
 * @example const server = await startServer({ port: 0, dataDir: tmp }); await fetch(`${server.url}/api/health`); await server.close();
 */
export async function startServer({
  port = DEFAULT_PORT,
  host = "127.0.0.1",
  dataDir = DEFAULT_DATA_DIR,
  worldDir = BUNDLED_WORLD_DIR,
  readyMadeDir = READY_MADE_SCENARIOS_DIR,
  webDir = WEB_DIST_DIR,
  maxConcurrentRuns = Math.max(1, Math.min(4, availableParallelism())),
  maxQueuedRuns = 8,
  runTimeLimitMs = 120_000,
  bodyLimitBytes = 256 * 1024,
  logLevel = "warn",
}: ServerOptions = {}): Promise<RunningServer> {
  if (!Number.isInteger(maxConcurrentRuns) || maxConcurrentRuns < 1) throw new RangeError(`maxConcurrentRuns must be a whole number ≥ 1, got ${maxConcurrentRuns}`);
  if (!Number.isInteger(maxQueuedRuns) || maxQueuedRuns < 0) throw new RangeError(`maxQueuedRuns must be a whole number ≥ 0, got ${maxQueuedRuns}`);
  if (!(runTimeLimitMs > 0)) throw new RangeError(`runTimeLimitMs must be positive, got ${runTimeLimitMs}`);
  const absoluteWorldDir = resolve(worldDir);
  const world = loadWorldFromDirectory(absoluteWorldDir);
  const store = openStore(resolve(dataDir));
  let app: ReturnType<typeof buildApp> | undefined;
  try {
    let facts: WorldFacts | undefined;
    const runs = new RunManager({
      store, worldDir: absoluteWorldDir, limits: { maxConcurrentRuns, maxQueuedRuns, runTimeLimitMs },
      log: (message, error) => app?.log.error({ err: error }, message),
    });
    const interruptedRuns = runs.recoverInterruptedRuns();
    const tidyCache = new Map<string, TidyColumns>();
    let openApi: Record<string, unknown> | undefined;
    app = buildApp({
      version: VERSION, store, runs, world,
      catalog: new ScenarioCatalog(store, world, readyMadeDir),
      facts: () => (facts ??= computeWorldFacts(world)),
      web: new WebApp(webDir),
      openApi: () => (openApi ??= openApiDocument(VERSION)),
      tidyColumns: (id) => {
        let columns = tidyCache.get(id);
        if (columns === undefined) {
          columns = store.getRunTidy(id);
          if (columns === undefined) return undefined;
          if (tidyCache.size >= 4) tidyCache.delete(tidyCache.keys().next().value as string);
        } else tidyCache.delete(id);
        tidyCache.set(id, columns); // most recently used last
        return columns;
      },
    }, { logLevel, bodyLimitBytes, ...(LOOPBACK.includes(host) ? { allowedHostnames: LOOPBACK_NAMES } : {}) });
    const url = await app.listen({ port, host });
    const server = app;
    let closed: Promise<void> | undefined;
    return {
      url, interruptedRuns,
      close: () => (closed ??= (async () => {
        await runs.close();
        await server.close();
        store.close();
      })()),
    };
  } catch (error) {
    await app?.close();
    store.close();
    throw error;
  }
}
