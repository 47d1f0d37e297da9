/**
 * @module server/run-messages
 * What the server's run manager and its piscina worker threads send each other: one type per
 * direction, imported with `import type` on both sides. Plain, structured-clone-able data only.
 */
import type { MessagePort } from "node:worker_threads";
import { z } from "zod";
import type { LayerText } from "./scenario-catalog.js";

/** Main → worker: one run to do. Layers are the YAML texts of an `extends` chain, furthest ancestor first. */
export interface RunTask {
  readonly runId: string;
  /** World folder the server was started with (never from a request). */
  readonly worldDir: string;
  readonly scenario: readonly LayerText[];
  /** The baseline to compare with; it runs over the scenario's own horizon. */
  readonly baseline: { readonly name: string; readonly layers: readonly LayerText[] } | undefined;
  /** First month of the report's window (`YYYY-MM`, a month of the run, checked by the server); the whole run when undefined. */
  readonly reportFrom: string | undefined;
  /** A region of the world to follow: the report then carries its view (`regionView`). */
  readonly region: { readonly id: string; readonly name: string } | undefined;
  /** Where the worker posts `RunProgress` messages. */
  readonly progressPort: MessagePort;
}

/** Worker → main, through `progressPort`: a step has started; `progress` is 0–1 (the run starts at 0.1). */
export const runProgressSchema = z.object({ type: z.literal("progress"), progress: z.number().min(0).max(1), step: z.enum(["baseline", "report"]) });
export type RunProgress = z.infer<typeof runProgressSchema>;

/** Worker → main, the task's return value: the encoded outputs (see `store/codec`), or the error as plain text. Parsed on arrival (a thread boundary is an edge). */
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "bytes");
export const runTaskResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), report: bytes, tidy: bytes, flows: bytes }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RunTaskResult = z.infer<typeof runTaskResultSchema>;
