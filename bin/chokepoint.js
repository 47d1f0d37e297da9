#!/usr/bin/env node
// The `chokepoint` command. Runs the build in dist/cli/ (scripts/build-cli.mjs), rebuilding it first when the sources
// changed since it was made; when it cannot build (no esbuild, a read-only folder) it says so once on stderr and runs
// the TypeScript sources through tsx's loader instead, as it does silently when CHOKEPOINT_FROM_SOURCE=1 is set.
import { buildCli, freshCliEntry, sourceFingerprint } from "../scripts/build-cli.mjs";

// A reader that stops early (`chokepoint run … --format csv | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function builtEntry() {
  if (process.env.CHOKEPOINT_FROM_SOURCE === "1") return undefined;
  try {
    const fingerprint = sourceFingerprint();
    return freshCliEntry(fingerprint) ?? (await buildCli(fingerprint));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`chokepoint: could not build dist/cli (${reason}); running the TypeScript sources instead (slower to start; CHOKEPOINT_FROM_SOURCE=1 does so without this note)\n`);
    return undefined;
  }
}

const entry = await builtEntry();
let main;
if (entry !== undefined) {
  // Stack traces (--verbose) name the TypeScript sources.
  process.setSourceMapsEnabled(true);
  ({ main } = await import(entry));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
