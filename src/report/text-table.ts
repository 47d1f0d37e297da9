/**
 * @module report/text-table
 * Plain-text tables for the terminal: fixed columns, right-aligned numbers, no colour codes.
 * It lays out strings; formatting numbers is `report/number-format.ts`.
 */

/** One column: header, alignment and an optional maximum width (longer cells are cut with "…"). */
export interface TextColumn {
  readonly header: string;
  readonly align?: "left" | "right";
  readonly maxWidth?: number;
}

/** Render rows under headers with two spaces between columns. */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const cut = (text: string, max: number | undefined) =>
    max !== undefined && text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
  const cells = rows.map((row) => columns.map((c, i) => cut(row[i] ?? "", c.maxWidth)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.align === "right" ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}

/** Wrap prose to `width` columns; continuation lines are indented by `indent` spaces. */
export function wrapText(text: string, width: number, indent = 4): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    const limit = lines.length === 0 ? width : width - indent;
    if (candidate.length > limit && current !== "") {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== "") lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : " ".repeat(indent) + l)).join("\n");
}
