/**
 * @module model/issues
 * The structured problem report shared by every edge (world files, scenarios, HTTP bodies).
 * Detection only: turning issues into sentences is `formatIssue` in `model/issue-text.ts`.
 */

/** Stable machine codes for input problems (snake_case, as Zod's issue codes). */
export type IssueCode =
  | "missing_file"
  | "invalid_yaml"
  | "invalid_type"
  | "invalid_value"
  | "too_small"
  | "too_big"
  | "invalid_format"
  | "unknown_key"
  | "missing_field"
  | "duplicate_id"
  | "unknown_reference"
  | "unresolved_source"
  | "shares_not_100"
  | "inconsistent_value";

/** One problem in the input, with where it is and what was expected. */
export interface Issue {
  readonly code: IssueCode;
  /** Field path inside the file, e.g. `["mines", 3, "capacityTonnesReoPerYear"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in words (without the location). */
  readonly message: string;
  readonly file?: string;
  /** 1-based line and column of the offending node. */
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string;
  readonly received?: string;
  /** How to fix it, when known. */
  readonly hint?: string;
}

/**
 * Issues in reading order: grouped by file (files in the order they first appear), then by line and column; issues
 * without a line come first in their file. Stable, so issues at the same place keep their order. Never mutates.
 */
export function sortIssuesByPlace(issues: readonly Issue[]): Issue[] {
  const fileRank = new Map<string, number>();
  for (const i of issues) if (!fileRank.has(i.file ?? "")) fileRank.set(i.file ?? "", fileRank.size);
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => (fileRank.get(a.issue.file ?? "") ?? 0) - (fileRank.get(b.issue.file ?? "") ?? 0)
      || (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.index - b.index)
    .map((x) => x.issue);
}

/** Error code carried by every input-validation failure. */
export type ChokepointErrorCode = "RE_DATASET_INVALID" | "RE_SCENARIO_INVALID" | "RE_USAGE";

/** Thrown at an edge when input fails validation; carries every issue found, not only the first. */
export class InputValidationError extends Error {
  override readonly name = "InputValidationError";
  constructor(
    readonly code: ChokepointErrorCode,
    readonly issues: readonly Issue[],
    summary: string,
  ) {
    super(summary);
  }
}
