/**
 * @module server/http-error
 * The one error type for expected HTTP failures, its problem body (RFC 9457, `ApiProblem`), and
 * request-input issues from zod. Unexpected errors are not modelled here: the app logs them and
 * answers a bare 500.
 */
import type { z } from "zod";
import type { ApiProblem } from "../model/api.js";
import type { Issue, IssueCode } from "../model/issues.js";

/** Problem kinds; the `type` of a problem body is `urn:chokepoint:problem:<kind>`. */
export type ProblemKind =
  | "invalid-request" | "invalid-json" | "invalid-scenario" | "not-found" | "conflict" | "not-finished"
  | "too-many-runs" | "body-too-large" | "unsupported-media-type" | "forbidden-host" | "shutting-down" | "internal";

/** An expected failure, answered as an `application/problem+json` body. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly kind: ProblemKind,
    readonly title: string,
    detail: string,
    readonly issues?: readonly Issue[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }

  /** The problem body. */
  toProblem(): ApiProblem {
    return problem(this.status, this.kind, this.title, this.message, this.issues);
  }
}

/** A problem body. */
export function problem(status: number, kind: ProblemKind, title: string, detail: string, issues?: readonly Issue[]): ApiProblem {
  return { type: `urn:chokepoint:problem:${kind}`, title, status, detail, ...(issues === undefined ? {} : { issues }) };
}

/** 400 with the issues of a request part (body, query, a path parameter). */
export function invalidRequest(detail: string, issues: readonly Issue[]): HttpError {
  return new HttpError(400, "invalid-request", "Invalid request", detail, issues);
}

/** 404 for a named thing that does not exist. */
export function notFound(detail: string): HttpError {
  return new HttpError(404, "not-found", "Not found", detail);
}

/**
 * Parse a request part with a zod schema or throw 400 listing every issue.
 * `where` prefixes issue paths ("body", "query", "params").
 */
export function parseRequestPart<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query" | "params"): z.infer<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((i) => issueFromZod(i, where));
  throw invalidRequest(`the request ${where === "params" ? "path" : where} is not valid: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, issues);
}

function issueFromZod(issue: z.core.$ZodIssue & { input?: unknown }, where: string): Issue[] {
  const path = [where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const got = issue.input === undefined ? "nothing" : typeof issue.input === "string" ? JSON.stringify(issue.input.length > 80 ? `${issue.input.slice(0, 80)}…` : issue.input) : Array.isArray(issue.input) ? "a list" : typeof issue.input === "object" && issue.input !== null ? "an object" : String(issue.input);
  const make = (code: IssueCode, message: string, extra: Partial<Issue> = {}): Issue => ({ code, path, message, ...extra });
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? [make("missing_field", `missing; expected ${issue.expected}`, { expected: issue.expected })]
        : [make("invalid_type", `expected ${issue.expected}, got ${got}`, { expected: issue.expected, received: got })];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ code: "unknown_key" as const, path: [...path, key], message: `unknown field "${key}"` }));
    case "too_big":
    case "too_small":
      return [make(issue.code, issue.message, { received: got })];
    case "invalid_format":
      return [make("invalid_format", `expected ${issue.message}, got ${got}`, { expected: issue.message, received: got })];
    default:
      return [make("invalid_value", issue.message === "Invalid input" ? `not a valid value: got ${got}` : `expected ${issue.message}, got ${got}`, { received: got })];
  }
}
