/**
 * @module cli/serve-command
 * `chokepoint serve`: starts the local server (API, runs in worker threads, SQLite store, the
 * dashboard) and keeps it up until Ctrl+C or SIGTERM. Parses options and calls `startServer`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_DATA_DIR, DEFAULT_PORT, startServer } from "../server/index.js";
import { StoreBusyError, StoreVersionError } from "../store/index.js";
import { UsageError, type CliIo } from "./io.js";
import { PACKAGE_ROOT } from "./provenance.js";

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  world?: string;
  maxRuns?: string;
  maxQueue: string;
  runTimeLimit: string;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${flag} ${text}: expected a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Why the dashboard's build (web/dist, made by `npm install` or `npm run build:web`) may be older than its sources — web/
 * src, or src/ (the dashboard's reports and its what-if engine come from there) changed after it was built — or undefined
 * when it is not (or there are no sources to compare with, as in an installed package without them).
 */
export function staleWebBuild(root: string = PACKAGE_ROOT): string | undefined {
  const built = join(root, "web", "dist", "index.html");
  if (!existsSync(built)) return undefined;
  const builtAt = statSync(built).mtimeMs;
  let newest: { path: string; at: number } | undefined;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|css|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const at = statSync(path).mtimeMs;
        if (newest === undefined || at > newest.at) newest = { path, at };
      }
    }
  };
  walk(join(root, "web", "src"));
  walk(join(root, "src"));
  if (newest === undefined || newest.at <= builtAt) return undefined;
  return `the dashboard in web/dist was built before ${newest.path.slice(root.length)} changed; it may not show what the sources do (run npm run build:web to rebuild it)`;
}

/** Register `serve`. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description("start the local dashboard and HTTP API (runs scenarios in worker threads, keeps scenarios and runs in a SQLite store)")
    .option("--port <n>", "TCP port; 0 picks a free one", String(DEFAULT_PORT))
    .option("--host <address>", "address to listen on (the API has no authentication: keep it local)", "127.0.0.1")
    .option("--data <dir>", "folder of the store (created when missing)", DEFAULT_DATA_DIR)
    .option("--world <dir>", "world folder every run uses (default: the bundled 2024 world)")
    .option("--max-runs <n>", "runs computing at once (default: CPU cores, at most 4)")
    .option("--max-queue <n>", "runs waiting beyond those; more are refused with 429", "8")
    .option("--run-time-limit <seconds>", "stop a run that computes longer than this", "120")
    .action(async (options: ServeOptions) => {
      const port = wholeNumber("--port", options.port, 0, 65535);
      const maxQueuedRuns = wholeNumber("--max-queue", options.maxQueue, 0, 1000);
      const runTimeLimitMs = wholeNumber("--run-time-limit", options.runTimeLimit, 1, 86_400) * 1000;
      const maxConcurrentRuns = options.maxRuns === undefined ? undefined : wholeNumber("--max-runs", options.maxRuns, 1, 64);
      const worldDir = options.world === undefined ? undefined : resolve(options.world);
      if (worldDir !== undefined && (!existsSync(worldDir) || !statSync(worldDir).isDirectory())) throw new UsageError(`--world ${options.world}: no such folder`);
      let server;
      try {
        server = await startServer({
          port, host: options.host, dataDir: options.data, maxQueuedRuns, runTimeLimitMs, logLevel: "warn",
          ...(worldDir === undefined ? {} : { worldDir }),
          ...(maxConcurrentRuns === undefined ? {} : { maxConcurrentRuns }),
        });
      } catch (error) {
        if (error instanceof StoreBusyError || error instanceof StoreVersionError) throw new UsageError(error.message);
        if ((error as { code?: unknown }).code === "EADDRINUSE") throw new UsageError(`--port ${port}: the port is in use; pick another, or --port 0 for any free port`);
        throw error;
      }
      io.out(`Chokepoint is serving on ${server.url} (data in ${resolve(options.data)}); press Ctrl+C to stop\n`);
      const stale = staleWebBuild();
      if (stale !== undefined) io.err(`note: ${stale}\n`);
      if (server.interruptedRuns > 0) io.out(`${server.interruptedRuns} run(s) left unfinished by the last server were marked failed ("interrupted by a server restart")\n`);
      if (!["127.0.0.1", "localhost", "::1"].includes(options.host)) io.err(`warning: listening on ${options.host}; the API has no authentication, so anyone who can reach it can use it\n`);
      const signal = await new Promise<NodeJS.Signals>((done) => {
        process.once("SIGINT", () => done("SIGINT"));
        process.once("SIGTERM", () => done("SIGTERM"));
      });
      io.out(`\n${signal}: stopping…\n`);
      await server.close();
    });
}
