/**
 * @module cli/data-commands
 * `chokepoint data check` and `chokepoint facts`: validate a world folder, print its structure.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { computeWorldFacts } from "../analysis/index.js";
import { InputValidationError } from "../model/issues.js";
import type { World } from "../model/world-schema.js";
import { renderFactsText } from "../report/facts-text.js";
import { BUNDLED_WORLD_DIR, checkWorldDirectory } from "../world/node.js";
import { UsageError, type CliIo } from "./io.js";

function resolveWorldDir(option: string | undefined): string {
  const dir = option === undefined ? BUNDLED_WORLD_DIR : resolve(option);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--world ${option}: no such folder`);
  return dir;
}

/** Load a world folder, throwing `InputValidationError` with every issue when it is not valid. */
export function loadWorldForCli(option: string | undefined): World {
  const { world, issues } = checkWorldDirectory(resolveWorldDir(option));
  if (world === undefined) throw new InputValidationError("RE_DATASET_INVALID", issues, "world dataset invalid");
  return world;
}

/** One line saying what a world holds. */
export function describeWorld(world: World): string {
  const plants = world.separationPlants.length + world.metalPlants.length + world.magnetPlants.length;
  return [
    `${world.dataset.name} ${world.dataset.version} (calibration year ${world.dataset.calibrationYear}) is valid:`,
    `${world.elements.length} elements, ${world.regions.length} regions, ${world.mines.length} mines,`,
    `${plants} plants (${world.separationPlants.length} separation, ${world.metalPlants.length} metal, ${world.magnetPlants.length} magnet),`,
    `${world.sectors.length} demand sectors, ${world.demand2024.length} demand records, ${world.sources.length} sources`,
  ].join(" ");
}

/** Register `data check` and `facts`. */
export function registerDataCommands(program: Command, io: CliIo): void {
  const data = program.command("data").description("work with world datasets");
  data
    .command("check")
    .description("validate a world folder; print every problem (file:line:column, field, expected) or a summary")
    .option("--world <dir>", "world folder (default: the bundled 2024 world)")
    .action((options: { world?: string }) => {
      const world = loadWorldForCli(options.world);
      io.out(`${describeWorld(world)}\n`);
    });

  program
    .command("facts")
    .description("structure of the chain by stage from the dataset: totals, top region, top-3, HHI, China's share, with published references")
    .option("--world <dir>", "world folder (default: the bundled 2024 world)")
    .option("--json", "print JSON instead of a table")
    .action((options: { world?: string; json?: boolean }) => {
      const world = loadWorldForCli(options.world);
      const facts = computeWorldFacts(world);
      io.out(options.json === true ? `${JSON.stringify(facts, null, 2)}\n` : `${renderFactsText(facts, world.sources)}\n`);
    });
}
