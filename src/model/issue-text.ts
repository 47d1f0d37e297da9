/**
 * @module model/issue-text
 * Turns structured issues into the sentences users read (the one place wording lives).
 * Does not detect problems.
 */
import { sortIssuesByPlace, type Issue } from "./issues.js";

/** Render a field path the way a reader writes it: `mines[3].capacityTonnesReoPerYear`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out === "" ? "(top level)" : out;
}

/** The location prefix `file:line:column` (as much of it as is known). */
export function formatLocation(issue: Issue): string {
  if (issue.file === undefined) return "";
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.line}:${issue.column ?? 1}`;
}

/**
 * One issue as two or three lines: location and field, then what was expected and found,
 * then the fix when known.
 * @example
 * world/mines.yaml:42:7  mines[3].capacityTonnesReoPerYear
 *   expected a number >= 0, got -12000
 */
export function formatIssue(issue: Issue): string {
  const where = formatLocation(issue);
  // An issue about no file and no field (a scenario name that names nothing) is its message alone.
  if (where === "" && issue.path.length === 0) return [issue.message, ...(issue.hint === undefined ? [] : [`  fix: ${issue.hint}`])].join("\n");
  const head = [where, formatPath(issue.path)].filter((s) => s !== "").join("  ");
  const lines = [head, `  ${issue.message}`];
  if (issue.hint !== undefined) lines.push(`  fix: ${issue.hint}`);
  return lines.join("\n");
}

/** All issues in reading order (file, line, column), one block each, followed by a count line. */
export function formatIssues(issues: readonly Issue[]): string {
  const blocks = sortIssuesByPlace(issues).map(formatIssue);
  const noun = issues.length === 1 ? "problem" : "problems";
  return `${blocks.join("\n")}\n${issues.length} ${noun} found`;
}
