/**
 * @module cli/serve-command
 * `chokepoint serve`: starts the local server (API, runs in worker threads, SQLite store, the
 * dashboard) and keeps it up until Ctrl+C or SIGTERM. Parses options and calls `startServer`.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_DATA_DIR, DEFAULT_PORT, startServer } from "../server/index.js";
import { StoreBusyError, StoreVersionError } from "../store/index.js";
import { UsageError, type CliIo } from "./io.js";

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
