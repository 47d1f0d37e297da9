/**
 * @module report/html/tables
 * Generic HTML tables and the "nothing to show" message. Cells are escaped here unless a column
 * says its cells are already HTML; numbers are right-aligned in tabular figures.
 */
import { escapeHtml } from "./escape.js";

/** One column of an HTML table. */
export interface HtmlColumn {
  readonly header: string;
  /** Right-align numeric columns. @default "left" */
  readonly align?: "left" | "right";
  /** Cells of this column are trusted HTML (already escaped). @default false */
  readonly html?: boolean;
}

/** Options of `renderHtmlTable`. */
export interface HtmlTableOptions {
  /** Caption above the table (plain text). */
  readonly caption?: string;
  /** `data-table` attribute, for tests and styling. */
  readonly key: string;
  /** Rows shown; the rest are counted in a note under the table. @default Infinity */
  readonly maxRows?: number;
  /** Wording of the note for hidden rows, e.g. "smaller episodes". @default "more rows" */
  readonly moreLabel?: string;
}

/** A `<table>` of string cells (escaped unless the column is `html`). */
export function renderHtmlTable(columns: readonly HtmlColumn[], rows: readonly (readonly string[])[], options: HtmlTableOptions): string {
  const { caption, key, maxRows = Infinity, moreLabel = "more rows" } = options;
  const cls = (c: HtmlColumn | undefined) => (c?.align === "right" ? ' class="num"' : "");
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.header)}</th>`).join("");
  const shown = rows.slice(0, maxRows);
  const body = shown
    .map((row) => `<tr>${columns.map((c, i) => `<td${cls(c)}>${c.html === true ? row[i] ?? "" : escapeHtml(row[i] ?? "")}</td>`).join("")}</tr>`)
    .join("\n");
  const more = rows.length > shown.length ? `<p class="table-note">${rows.length - shown.length} ${escapeHtml(moreLabel)} not shown.</p>` : "";
  const cap = caption === undefined ? "" : `<caption>${escapeHtml(caption)}</caption>`;
  return `<div class="table-wrap"><table data-table="${escapeHtml(key)}">${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>${more}</div>`;
}

/** The message shown instead of an empty chart or table, e.g. "No shortfall in this run." */
export function emptyMessage(key: string, text: string): string {
  return `<p class="empty" data-empty="${escapeHtml(key)}">${escapeHtml(text)}</p>`;
}

/** A card of key numbers, `<div class="card" data-{kind}="{key}">`, with a small heading; `body` is trusted HTML. */
export function renderCard(kind: string, key: string, title: string, body: string): string {
  return `<div class="card" data-${escapeHtml(kind)}="${escapeHtml(key)}"><h3>${escapeHtml(title)}</h3>\n${body}\n</div>`;
}
