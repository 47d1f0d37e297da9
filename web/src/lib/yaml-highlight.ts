/**
 * @module web/lib/yaml-highlight
 * A light, line-by-line colouring of YAML for the editor: mapping keys, comments, list dashes and
 * quoted strings. Not a parser: it never decides what is valid (the server does).
 */

/** A run of characters of one kind. */
export interface Token {
  readonly kind: "key" | "comment" | "dash" | "string" | "plain";
  readonly text: string;
}

const KEY = /^(\s*)(-\s+)?([A-Za-z0-9_][A-Za-z0-9_.+/-]*|"[^"]*"|'[^']*')(\s*:)(?=\s|$)/;

/**
 * Split one line into tokens whose texts concatenate back to the line.
 * @example highlightLine("  - id: a # note") // [plain "  ", dash "- ", key "id", plain ":", plain " a ", comment "# note"]
 */
export function highlightLine(line: string): Token[] {
  const tokens: Token[] = [];
  let rest = line;
  const key = KEY.exec(rest);
  if (key !== null) {
    if (key[1] !== "") tokens.push({ kind: "plain", text: key[1] ?? "" });
    if (key[2] !== undefined) tokens.push({ kind: "dash", text: key[2] });
    tokens.push({ kind: "key", text: key[3] ?? "" }, { kind: "plain", text: key[4] ?? "" });
    rest = rest.slice(key[0].length);
  } else {
    const dash = /^(\s*)(-\s+|-$)/.exec(rest);
    if (dash !== null) {
      if (dash[1] !== "") tokens.push({ kind: "plain", text: dash[1] ?? "" });
      tokens.push({ kind: "dash", text: dash[2] ?? "" });
      rest = rest.slice(dash[0].length);
    }
  }
  tokens.push(...valueTokens(rest));
  return tokens.filter((t) => t.text !== "");
}

/** Quoted strings and a trailing comment (a `#` at the start or after whitespace, outside quotes). */
function valueTokens(text: string): Token[] {
  const out: Token[] = [];
  let plain = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    // At i = 0 the text starts a line or follows a key's colon or a dash and its space.
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) {
      out.push({ kind: "plain", text: plain }, { kind: "comment", text: text.slice(i) });
      return out;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end > i) {
        out.push({ kind: "plain", text: plain }, { kind: "string", text: text.slice(i, end + 1) });
        plain = "";
        i = end;
        continue;
      }
    }
    plain += c;
  }
  out.push({ kind: "plain", text: plain });
  return out;
}
