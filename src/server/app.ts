/**
 * @module server/app
 * The fastify application: JSON body parsing with a size limit, the routes, the web app, and one
 * error path — `HttpError` and fastify's own client errors become problem bodies; anything else is
 * logged and answered with a bare 500. Does not listen (see `server/index.ts`).
 */
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from "fastify";
import type { ApiProblem } from "../model/api.js";
import { HttpError, problem, type ProblemKind } from "./http-error.js";
import { registerRunRoutes } from "./routes-runs.js";
import { registerScenarioRoutes } from "./routes-scenarios.js";
import { registerWorldRoutes } from "./routes-world.js";
import type { ServerContext } from "./context.js";

/** Log levels of the server's logger (pino, to stderr). */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Send a problem body. */
function sendProblem(reply: FastifyReply, body: ApiProblem, headers: Readonly<Record<string, string>> = {}): FastifyReply {
  return reply.code(body.status).headers(headers).type("application/problem+json").send(body);
}

/** Fastify's own client errors, by code, as problem kinds and titles. */
const CLIENT_ERRORS: Readonly<Record<string, { kind: ProblemKind; title: string; detail?: (limit: number) => string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { kind: "body-too-large", title: "Body too large", detail: (limit) => `the request body is larger than ${Math.round(limit / 1024)} KiB, the most this server accepts` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { kind: "unsupported-media-type", title: "Unsupported media type", detail: () => "send the request body as application/json" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { kind: "invalid-request", title: "Invalid request", detail: () => "the request body size does not match Content-Length" },
};

/** Build the app (routes registered, not listening). */
export function buildApp(
  context: ServerContext,
  options: { logLevel: LogLevel; bodyLimitBytes: number; logStream?: NodeJS.WritableStream; allowedHostnames?: readonly string[] },
): FastifyInstance {
  const app = Fastify({
    logger: options.logLevel === "silent" ? false : { level: options.logLevel, stream: options.logStream ?? process.stderr },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    // Route parameters are validated with zod; long ones are refused early.
    routerOptions: { maxParamLength: 200 },
  });

  // One body type: JSON, parsed here so a broken body is answered with what is wrong with it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, text, done) => {
    const source = typeof text === "string" ? text : text.toString("utf8");
    if (source.trim() === "") {
      done(new HttpError(400, "invalid-json", "Invalid JSON body", "the request body is empty; expected a JSON object"), undefined);
      return;
    }
    try {
      done(null, JSON.parse(source));
    } catch (error) {
      done(new HttpError(400, "invalid-json", "Invalid JSON body", `the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`), undefined);
    }
  });

  // A server on loopback answers only requests addressed to loopback names: a web page cannot
  // reach it through DNS rebinding. Cross-site posts are already refused (JSON only, no CORS).
  const allowed = options.allowedHostnames === undefined ? undefined : new Set(options.allowedHostnames);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-content-type-options", "nosniff");
    if (allowed !== undefined && !allowed.has(request.hostname)) {
      throw new HttpError(403, "forbidden-host", "Forbidden host", `this server answers requests to ${[...allowed].join(", ")} only, not to "${request.hostname}"`);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return sendProblem(reply, error.toProblem(), error.headers);
    const code = (error as { code?: unknown }).code;
    const status = (error as { statusCode?: unknown }).statusCode;
    const known = typeof code === "string" ? CLIENT_ERRORS[code] : undefined;
    if (known !== undefined && typeof status === "number") {
      return sendProblem(reply, problem(status, known.kind, known.title, known.detail?.(options.bodyLimitBytes) ?? String((error as Error).message)));
    }
    if (typeof status === "number" && status >= 400 && status < 500) {
      return sendProblem(reply, problem(status, "invalid-request", "Invalid request", String((error as Error).message)));
    }
    request.log.error({ err: error, url: request.url, method: request.method }, "unexpected error");
    return sendProblem(reply, problem(500, "internal", "Internal Server Error", "an unexpected error occurred; the server log has the details"));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if ((request.method === "GET" || request.method === "HEAD") && path !== "/api" && !path.startsWith("/api/")) {
      let decoded: string | undefined;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        decoded = undefined;
      }
      const sent = decoded === undefined ? undefined : context.web.serve(decoded, request.headers.accept, reply);
      if (sent !== undefined) return sent;
    }
    return sendProblem(reply, problem(404, "not-found", "Not found", `no route ${request.method} ${path}; the API is described at /api/docs`));
  });

  app.get("/api/health", async () => ({ ok: true as const, version: context.version }));
  app.get("/api/docs", async () => context.openApi());
  registerScenarioRoutes(app, context);
  registerRunRoutes(app, context);
  registerWorldRoutes(app, context);
  return app;
}
