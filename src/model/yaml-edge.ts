/**
 * @module model/yaml-edge
 * Parses one YAML text against a zod schema and reports every problem with file, line and column.
 * Isomorphic: takes text, never reads files. Cross-record checks belong to the callers.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { Issue, IssueCode } from "./issues.js";
import { ELEMENT_SYMBOLS } from "./ids.js";
import { didYouMean } from "./suggest.js";

/** A parsed YAML file that can point at any path inside it. */
export interface LocatedYaml {
  readonly file: string;
  /** Plain data, or undefined when the YAML itself did not parse. */
  readonly data: unknown;
  /** 1-based line/column of the node at `path` (or of its nearest existing parent). */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  /** 1-based line/column of the key `key` in the mapping at `parentPath`. */
  locateKey(parentPath: readonly (string | number)[], key: string): { line: number; column: number } | undefined;
}

/** Parse YAML text, collecting syntax errors as issues. */
export function parseLocatedYaml(file: string, text: string): { yaml: LocatedYaml; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // One problem per line: a slip such as a mis-indented key makes the parser report it three or four ways.
  const lines = text.split(/\r?\n/);
  const seenLines = new Set<number>();
  const issues: Issue[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    if (seenLines.has(pos.line)) continue;
    seenLines.add(pos.line);
    const hint = indentationHint(lines, pos.line);
    issues.push({ code: "invalid_yaml", path: [], file, line: pos.line, column: pos.col, message: `not valid YAML: ${firstLine(error.message)}`, ...(hint === undefined ? {} : { hint }) });
  }
  const data = issues.length === 0 ? doc.toJS({ maxAliasCount: 1000 }) : undefined;
  const yaml: LocatedYaml = {
    file,
    data,
    locate: (path) => locateNode(doc, lineCounter, path),
    locateKey: (parentPath, key) => locateKeyNode(doc, lineCounter, parentPath, key),
  };
  return { yaml, issues };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

function locateKeyNode(doc: Document, lineCounter: LineCounter, parentPath: readonly (string | number)[], key: string) {
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    const keyNode = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (keyNode?.value === key && keyNode.range !== undefined) {
      const pos = lineCounter.linePos(keyNode.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

function locateNode(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

/** Locate the key token of `key` inside the mapping at `parentPath` (for unknown-key issues). */
function locateKey(yaml: LocatedYaml, parentPath: readonly (string | number)[], key: string) {
  return yaml.locateKey(parentPath, key) ?? yaml.locate(parentPath);
}

/** Validate parsed YAML against a schema; returns the typed value or the issues, each located. `docs` names the page listing the fields. */
export function validateLocatedYaml<S extends z.ZodType>(
  yaml: LocatedYaml,
  schema: S,
  { docs = "docs/data.md" }: { docs?: string } = {},
): { value?: z.infer<S>; issues: Issue[] } {
  const result = schema.safeParse(yaml.data ?? {}, { reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  const issues: Issue[] = [];
  for (const zodIssue of result.error.issues) {
    for (const issue of describeZodIssue(zodIssue, docs)) issues.push(withLocation(yaml, issue));
  }
  return { issues };
}

/** Attach file, line and column to an issue raised against `yaml`. */
export function withLocation(yaml: LocatedYaml, issue: Omit<Issue, "file" | "line" | "column">): Issue {
  const last = issue.path[issue.path.length - 1];
  const pos =
    issue.code === "unknown_key" && typeof last === "string"
      ? locateKey(yaml, issue.path.slice(0, -1), last)
      : yaml.locate(issue.path);
  return pos === undefined ? { ...issue, file: yaml.file } : { ...issue, file: yaml.file, ...pos };
}

type RawIssue = Omit<Issue, "file" | "line" | "column">;
type ZodIssue = z.core.$ZodIssue & { input?: unknown };

function describeZodIssue(issue: ZodIssue, docs: string): RawIssue[] {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const got = describeValue(issue.input);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) {
        return [{ code: "missing_field", path, message: `missing; expected ${issue.expected}`, expected: issue.expected }];
      }
      const hint = issue.expected === "number" ? plainNumberHint(issue.input) : undefined;
      return [raw("invalid_type", path, `expected ${article(issue.expected)}, got ${got}`, issue.expected, got, hint)];
    }
    case "too_small":
    case "too_big": {
      const op = issue.code === "too_small" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      // The schema's own words when it gave them (zod's defaults begin "Too small"/"Too big").
      const expected = !issue.message.startsWith("Too ") ? issue.message
        : issue.origin === "array" ? `${op === ">=" ? "at least" : "at most"} ${String(bound)} item(s)`
          : issue.origin === "string" ? `a text of ${issue.code === "too_small" ? "at least" : "at most"} ${String(bound)} characters`
            : `a number ${op} ${String(bound)}`;
      const received = issue.origin === "array" && Array.isArray(issue.input) ? `${issue.input.length} item(s)`
        : issue.origin === "string" && typeof issue.input === "string" ? `${got} (${issue.input.length} characters)` : got;
      return [raw(issue.code, path, `expected ${expected}, got ${received}`, expected, received)];
    }
    case "invalid_format":
    case "custom":
      return [raw(issue.code === "custom" ? "invalid_value" : "invalid_format", path, `expected ${issue.message}, got ${got}`, issue.message, got)];
    case "invalid_value": {
      const expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
      // "dy" for "Dy", "oxyde" for "oxide": name the value meant.
      const hint = typeof issue.input === "string" ? didYouMean(issue.input, issue.values.filter((v): v is string => typeof v === "string"), { quote: true }) : undefined;
      return [raw("invalid_value", path, `expected ${expected}, got ${got}`, expected, got, hint)];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        // A mapping keyed by element (tonnesPerMonth, elementTonnes, …): name the elements, not the format's fields.
        if (keyedByElement(key, issue.input, issue.keys)) {
          const expected = `one of ${ELEMENT_SYMBOLS.map((e) => JSON.stringify(e)).join(", ")}`;
          return raw("unknown_key", [...path, key], `unknown element "${key}"; expected ${expected}`, expected, key,
            didYouMean(key, ELEMENT_SYMBOLS, { quote: true }));
        }
        return raw("unknown_key", [...path, key], `unknown field "${key}"`, "only the fields the format defines", key,
          `check the spelling against ${docs} (field names are case-sensitive)`);
      });
    case "invalid_union": {
      const expected = unionExpectation(issue);
      // A discriminated union points at its discriminator: show that field's value, not the whole mapping.
      const input = issue.input as Record<string, unknown> | undefined;
      const received = issue.discriminator !== undefined && typeof input === "object" && input !== null ? describeValue(input[issue.discriminator]) : got;
      return [raw("invalid_value", path, `expected ${expected}, got ${received}`, expected, received)];
    }
    case "invalid_key":
    case "invalid_element":
      return issue.issues.map((inner) => {
        const nested = describeZodIssue({ ...inner, path: [...issue.path, ...inner.path] } as ZodIssue, docs);
        return nested[0] ?? raw("invalid_value", path, issue.message);
      });
    default:
      return [raw("invalid_value", path, issue.message)];
  }
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  if (issue.discriminator !== undefined) {
    const options = "options" in issue && issue.options !== undefined ? issue.options.map((o) => JSON.stringify(o)) : [];
    return options.length > 0 ? `one of ${options.join(", ")}` : `an allowed ${issue.discriminator}`;
  }
  const options = issue.errors.map((branch) => branch[0]).filter((i) => i !== undefined);
  // Each branch in words: its literal values, or the schema's own message for it; zod's defaults ("Invalid input: …",
  // a bare type such as "object") say too little.
  const described = options.map((i) => (i.code === "invalid_value" ? i.values.map((v) => JSON.stringify(v)).join(" or ") : i.code === "invalid_type" || i.message.startsWith("Invalid") ? undefined : i.message));
  if (described.length > 0 && described.every((d) => d !== undefined)) return [...new Set(described)].join(" or ");
  // The union's own words ({ error: "…" } on the schema), when it has them.
  if (issue.message !== "" && !issue.message.startsWith("Invalid")) return issue.message;
  const types = options.map((i) => (i.code === "invalid_type" ? i.expected : i.message.replace(/^Invalid input: expected /, "")));
  return types.length > 0 ? [...new Set(types)].join(" or ") : "a value of one of the allowed forms";
}

function raw(code: IssueCode, path: (string | number)[], message: string, expected?: string, received?: string, hint?: string): RawIssue {
  return {
    code, path, message,
    ...(expected !== undefined ? { expected } : {}),
    ...(received !== undefined ? { received } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}

/** For "12kt" or "1,200 t" suggest the plain number the field wants. */
function plainNumberHint(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const match = /^\s*(-?[\d.,]+)\s*(kt|k|t|mt)?\s*$/i.exec(input);
  if (match === null) return undefined;
  const factor = { kt: 1000, k: 1000, mt: 1_000_000, t: 1 }[(match[2] ?? "t").toLowerCase()] ?? 1;
  const value = Number((match[1] ?? "").replace(/,/g, "")) * factor;
  return Number.isFinite(value) ? `write a plain number in the field's unit (write ${value})` : undefined;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short, quoted rendering of a received value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (isMap(value) || isSeq(value) || typeof value === "object") return "a mapping";
  return String(value);
}

/**
 * Whether an unknown key sits in a mapping keyed by element symbol: the mapping's other keys are all element symbols, or
 * it holds no other key and the unknown one is shaped like a symbol (one capital and at most one more letter). No field
 * of the formats is shaped so.
 */
function keyedByElement(key: string, input: unknown, unknownKeys: readonly string[]): boolean {
  if (typeof input !== "object" || input === null) return false;
  const symbols = new Set<string>(ELEMENT_SYMBOLS);
  const known = Object.keys(input).filter((k) => !unknownKeys.includes(k));
  if (known.length > 0) return known.every((k) => symbols.has(k));
  return /^[A-Z][a-z]?$/.test(key);
}

/**
 * "line 7 starts at column 4, the line above at column 5 …" when a line's indentation differs from the line above it
 * without that line opening a block (ending in ":") — the usual cause of YAML's "Nested mappings are not allowed" and
 * "All mapping items must start at the same column". Undefined when the indentation looks deliberate.
 */
export function indentationHint(lines: readonly string[], line: number): string | undefined {
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const here = lines[line - 1];
  if (here === undefined || here.trim() === "" || here.trimStart().startsWith("-")) return undefined;
  let above = line - 2;
  while (above >= 0 && (lines[above]!.trim() === "" || lines[above]!.trimStart().startsWith("#"))) above--;
  if (above < 0) return undefined;
  const previous = lines[above]!;
  const opensBlock = /:\s*(#.*)?$/.test(previous) || /:\s*[|>][-+]?\s*$/.test(previous);
  // The line above may be a list item ("  - id: x"): its keys start after the dash.
  const dash = /^(\s*)-\s+/.exec(previous);
  const previousKeyColumn = dash === null ? indentOf(previous) : dash[0].length;
  const column = indentOf(here);
  if (opensBlock || column === previousKeyColumn || column === indentOf(previous)) return undefined;
  return `check the indentation: line ${line} starts at column ${column + 1}, the line above at column ${previousKeyColumn + 1}; the keys of one mapping must start at the same column (YAML reads the structure from it; use spaces, not tabs)`;
}
