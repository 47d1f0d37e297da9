/**
 * @module cli/io
 * What every command shares: where it writes, and the usage error (exit code 2).
 */

/** Where a command writes. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  readonly isInteractive?: boolean;
}

/** A command used wrongly (bad option value, missing folder); exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
