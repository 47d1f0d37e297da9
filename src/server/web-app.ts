/**
 * @module server/web-app
 * Serves the built dashboard (`web/dist/`, made by `npm run build:web`) with an SPA fallback:
 * a GET that names no file gets `index.html`. Files are found by exact match in a listing of the
 * folder, never by joining the request path onto it. Without a build, `/` explains how to make one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyReply } from "fastify";

/** Where `vite build` writes the dashboard. */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".ico": "image/x-icon", ".webp": "image/webp", ".woff2": "font/woff2",
  ".woff": "font/woff", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json", ".wasm": "application/wasm",
};

const MAX_FILES = 10_000;
const RESCAN_AFTER_MS = 2_000;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chokepoint — dashboard not built</title>
<link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1em .3em}</style>
</head><body>
<h1>The dashboard has not been built</h1>
<p>This Chokepoint server is running and its API answers under <a href="/api/docs"><code>/api/</code></a>,
but there is no built web app in <code>web/dist/</code>.</p>
<p>Build it once with <code>npm run build:web</code>, then reload this page.</p>
</body></html>
`;

/** The built dashboard folder, listed on demand. */
export class WebApp {
  readonly #dir: string;
  #files = new Map<string, string>();
  #scannedAt = -Infinity;

  constructor(dir: string = WEB_DIST_DIR) {
    this.#dir = dir;
  }

  /**
   * Answer a non-API GET: a file of the build, else `index.html`, else the "not built" page (503).
   * Returns undefined for a missing file that is not a page (the caller answers 404).
   */
  serve(urlPath: string, accept: string | undefined, reply: FastifyReply): FastifyReply | undefined {
    const file = this.#lookup(urlPath);
    if (file !== undefined) return this.#send(reply, file, urlPath.startsWith("/assets/"));
    const index = this.#lookup("/index.html");
    if (index === undefined) return reply.code(503).type("text/html; charset=utf-8").header("cache-control", "no-store").send(NOT_BUILT_PAGE);
    // A missing file with an extension (a script, an image) is a 404, not the app: HTML there breaks the page confusingly.
    const last = urlPath.split("/").pop() ?? "";
    if (last.includes(".") && accept?.includes("text/html") !== true) return undefined;
    return this.#send(reply, index, false);
  }

  #send(reply: FastifyReply, path: string, immutable: boolean): FastifyReply {
    const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
    return reply
      .type(type)
      .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache")
      .header("x-content-type-options", "nosniff")
      .send(readFileSync(path));
  }

  #lookup(urlPath: string): string | undefined {
    const key = urlPath === "/" ? "/index.html" : urlPath;
    const hit = this.#files.get(key);
    if (hit !== undefined) return hit;
    // A rebuild changes hashed file names: list again on a miss, at most every few seconds.
    if (performance.now() - this.#scannedAt > RESCAN_AFTER_MS) {
      this.#files = listFiles(this.#dir);
      this.#scannedAt = performance.now();
      return this.#files.get(key);
    }
    return undefined;
  }
}

/** URL path (`/assets/x.js`) → absolute file, for every file under `dir`. */
function listFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      return;
    }
    for (const name of names) {
      if (files.size >= MAX_FILES || name.startsWith(".")) continue;
      const full = join(current, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory() === true && depth < 8) walk(full, depth + 1);
      else if (stat?.isFile() === true) files.set(`/${relative(dir, full).split(sep).join("/")}`, full);
    }
  };
  walk(dir, 0);
  return files;
}
