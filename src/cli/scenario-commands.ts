/**
 * @module cli/scenario-commands
 * `chokepoint scenarios` (list the ready-made ones) and `chokepoint scenario check <file|name>`
 * (validate one against its world without running it).
 */
import type { Command } from "commander";
import { listReadyMadeScenarios, loadScenario } from "../scenario/node.js";
import { renderTextTable, wrapText } from "../report/text-table.js";
import type { CliIo } from "./io.js";
import { checkedWorldDir } from "./run-pipeline.js";

/** Register `scenarios` and `scenario check`. */
export function registerScenarioCommands(program: Command, io: CliIo): void {
  program
    .command("scenarios")
    .description("list the ready-made scenarios (run one with: chokepoint run <name>)")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      const list = listReadyMadeScenarios();
      if (options.json === true) {
        io.out(`${JSON.stringify(list.map(({ name, title, description }) => ({ name, title, description })), null, 2)}\n`);
        return;
      }
      const rows = list.map((s) => [s.name, s.title]);
      io.out(`${renderTextTable([{ header: "name" }, { header: "title", maxWidth: 70 }], rows)}\n\n`);
      for (const s of list) io.out(`${wrapText(`${s.name}: ${s.description.trim() || "(no description)"}`, 100)}\n\n`);
    });

  const scenario = program.command("scenario").description("work with scenario files");
  scenario
    .command("check <scenario>")
    .description("validate a scenario file (or ready-made name) against its world; print every problem or a summary")
    .option("--world <dir>", "world folder (default: the scenario's own, else the bundled one)")
    .action((ref: string, options: { world?: string }) => {
      const loaded = loadScenario(ref, options.world === undefined ? {} : { worldDir: checkedWorldDir(options.world) });
      const s = loaded.scenario;
      const chain = s.extendsChain.length > 0 ? `, extends ${s.extendsChain.join(" → ")}` : "";
      io.out(`${s.name} is valid: ${s.months} months from ${s.startMonth}, seed ${s.seed}, ${s.policies.length} policies${chain}\n`);
    });
}
