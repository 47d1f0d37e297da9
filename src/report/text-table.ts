/**
 * @module report/text-table
 * Plain-text tables for the terminal: fixed columns, right-aligned numbers, no colour codes.
 * It lays out strings; formatting numbers is `report/number-format.ts`.
 */

/** One column: header, alignment and an optional maximum width. */
export interface TextColumn {
  readonly header: string;
  readonly align?: "left" | "right";
  /** Longest cell, characters: a longer one is cut with "…", or with `wrap` continued on the row's next lines. */
  readonly maxWidth?: number;
  /** Continue a cell longer than `maxWidth` on more lines, breaking after "-" or "," or at a space, instead of cutting it. @default false */
  readonly wrap?: boolean;
}

/**
 * A cell's text in lines of at most `max` characters: each breaks at the last "-" or "," (kept) or space (dropped)
 * that fits, or mid-word when none does.
 * @example wrapCell("cn-creg-sichuan-shandong-separation", 16) // ["cn-creg-sichuan-", "shandong-", "separation"]
 */
export function wrapCell(text: string, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max && max > 0) {
    let cut = max;
    for (let i = max; i > 0; i--) {
      if (rest[i - 1] === "-" || rest[i - 1] === "," || rest[i] === " ") { cut = i; break; }
    }
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return [...lines, rest];
}

/** Render rows under headers with two spaces between columns; a row with wrapped cells takes more than one line. */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const fit = (text: string, { maxWidth: max, wrap = false }: TextColumn): string[] =>
    max === undefined || text.length <= max ? [text] : wrap ? wrapCell(text, max) : [`${text.slice(0, Math.max(0, max - 1))}…`];
  // Each row as its lines: the wrapped cells' continuations below, the other cells blank there.
  const lines = rows.flatMap((row) => {
    const cells = columns.map((c, i) => fit(row[i] ?? "", c));
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => cells.map((c) => c[k] ?? ""));
  });
  const widths = columns.map((c, i) => Math.max(c.header.length, ...lines.map((r) => (r[i] ?? "").length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.align === "right" ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "─".repeat(w))), ...lines.map(line)].join("\n");
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
