#!/usr/bin/env node
// The `chokepoint` command: runs the TypeScript CLI through tsx's loader, so no build step is needed.
import { register } from "tsx/esm/api";

// A reader that stops early (`chokepoint run … --format csv | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
