/**
 * @module report/html/escape
 * Escaping for text that reaches the HTML report (scenario names and policy titles come from user
 * YAML). It escapes and links; it never trusts markup in the input.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escape text for HTML element content and quoted attribute values.
 * @example escapeHtml('<b>"x"</b>') // "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Escaped text with each `http(s)://` URL in it turned into a link; other schemes stay plain text. */
export function linkifyText(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:)]/g)) {
    const url = match[0];
    parts.push(escapeHtml(text.slice(last, match.index)));
    parts.push(`<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>`);
    last = match.index + url.length;
  }
  parts.push(escapeHtml(text.slice(last)));
  return parts.join("");
}

/** A string safe as an HTML id or data attribute: lower-case letters, digits and dashes. */
export function slugify(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return slug === "" ? "x" : slug;
}
