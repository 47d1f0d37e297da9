/**
 * @module cli/main
 * The `chokepoint` command line: parses arguments, calls the library, prints. Thin by design:
 * no model logic lives here. Exit codes: 0 ok, 1 invalid input, 2 usage error.
 */
import { Command, CommanderError } from "commander";
import { InputValidationError } from "../model/issues.js";
import { formatIssues } from "../model/issue-text.js";
import { registerDataCommands } from "./data-commands.js";
import { registerRunCommands } from "./run-commands.js";
import { registerScenarioCommands } from "./scenario-commands.js";
import { registerServeCommand } from "./serve-command.js";
import { UsageError, type CliIo } from "./io.js";
import { PACKAGE_VERSION } from "./provenance.js";

/** Exit codes of every command. */
export const EXIT_CODES = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** Build the command tree; `write` receives stdout text (injectable for tests). */
export function buildProgram(io: CliIo): Command {
  const program = new Command("chokepoint")
    .description("Chokepoint: a digital twin of the global rare-earth supply chain.")
    .version(PACKAGE_VERSION, "-V, --version", "print the version")
    .option("--verbose", "print stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerDataCommands(program, io);
  registerScenarioCommands(program, io);
  registerRunCommands(program, io);
  registerServeCommand(program, io);
  return program;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isInteractive: process.stderr.isTTY === true,
};

/** Run the CLI and return the exit code (never calls `process.exit`). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `chokepoint` with no command shows help as an error (exitCode 1): that is a usage error.
      if (error.code === "commander.help" && error.exitCode !== 0) return EXIT_CODES.usage;
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") return EXIT_CODES.ok;
      return EXIT_CODES.usage;
    }
    if (error instanceof InputValidationError) {
      io.err(`${formatIssues(error.issues)}\n`);
      return EXIT_CODES.invalidInput;
    }
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    const verbose = argv.includes("--verbose");
    io.err(`unexpected error: ${error instanceof Error ? (verbose ? error.stack : error.message) : String(error)}\n`);
    return EXIT_CODES.invalidInput;
  }
}
