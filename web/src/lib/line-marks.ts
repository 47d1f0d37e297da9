/**
 * @module web/lib/line-marks
 * Maps validation issues onto the lines of the YAML being edited: which lines to mark, and the
 * `line:column field — message` text shown beside them. Pure; drawing the marks is the editor's job.
 */
import { formatPath } from "../../../src/model/issue-text.js";
import type { Issue } from "../../../src/model/issues.js";

/** One issue placed on a line of the edited text. */
export interface IssueMark {
  /** 1-based line in the edited text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The field, as a reader writes it: `policies[0].approvalShare`. */
  readonly field: string;
  readonly message: string;
  readonly hint: string | undefined;
  /** `line:column field — message`, the way the issue list shows it. */
  readonly text: string;
}

/** An issue that cannot be placed on a line of this text (no position, or in a parent scenario). */
export interface UnplacedIssue {
  readonly text: string;
  readonly hint: string | undefined;
}

/** Issues sorted into line marks and the rest. */
export interface LineMarks {
  /** Marks by 1-based line, each line's marks in column order. */
  readonly byLine: ReadonlyMap<number, readonly IssueMark[]>;
  /** Every mark, in line then column order. */
  readonly marks: readonly IssueMark[];
  readonly unplaced: readonly UnplacedIssue[];
}

/**
 * Place issues on the lines of a text of `lineCount` lines. An issue belongs to this text when
 * `isOwnFile(issue.file)` holds (by default: always); a line past the end (the text changed since it
 * was validated) is clamped to the last line.
 * @example markIssueLines([{ code: "too_big", path: ["months"], message: "expected a number <= 600, got 900", line: 3, column: 9 }], { lineCount: 5 })
 *   // byLine 3 → "3:9 months — expected a number <= 600, got 900"
 */
export function markIssueLines(
  issues: readonly Issue[],
  { lineCount, isOwnFile = () => true }: { lineCount: number; isOwnFile?: (file: string | undefined) => boolean },
): LineMarks {
  const marks: IssueMark[] = [];
  const unplaced: UnplacedIssue[] = [];
  const lastLine = Math.max(1, lineCount);
  for (const issue of issues) {
    const field = formatPath(issue.path);
    if (issue.line === undefined || !isOwnFile(issue.file)) {
      const where = issue.file === undefined ? "" : issue.line === undefined ? `${issue.file} ` : `${issue.file}:${issue.line}:${issue.column ?? 1} `;
      unplaced.push({ text: `${where}${field} — ${issue.message}`, hint: issue.hint });
      continue;
    }
    const line = Math.min(Math.max(1, issue.line), lastLine);
    const column = Math.max(1, issue.column ?? 1);
    marks.push({ line, column, field, message: issue.message, hint: issue.hint, text: `${line}:${column} ${field} — ${issue.message}` });
  }
  marks.sort((a, b) => a.line - b.line || a.column - b.column);
  const byLine = new Map<number, IssueMark[]>();
  for (const mark of marks) byLine.set(mark.line, [...(byLine.get(mark.line) ?? []), mark]);
  return { byLine, marks, unplaced };
}

/** Number of lines of a text as an editor shows them (an empty text has one line). */
export function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Character offset of the start of 1-based `line` in `text` (to put the caret on an issue). */
export function offsetOfLine(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + column - 1, lineEnd);
}

/**
 * Whether an issue's file is the text being edited: yes when it names no file, names the scenario
 * being edited, or names no other known scenario (the server may call posted text what it likes);
 * no when it names another known scenario (a parent in the `extends` chain).
 */
export function ownFilePredicate(knownScenarioNames: Iterable<string>, editedName: string | undefined): (file: string | undefined) => boolean {
  const others = new Set(knownScenarioNames);
  if (editedName !== undefined) others.delete(editedName);
  return (file) => {
    if (file === undefined) return true;
    const base = file.split(/[\\/]/).pop()?.replace(/\.ya?ml$/, "") ?? file;
    return !others.has(base);
  };
}
