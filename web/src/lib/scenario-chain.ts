/**
 * @module web/lib/scenario-chain
 * Finds the scenario a YAML text `extends`, so the browser can fetch the chain before handing it to
 * the engine worker. A light scan of the top-level key only; the worker parses and checks the chain.
 */

/** A scenario reference the browser can fetch: a stored or ready-made name, never a path. */
const NAME = /^[a-z0-9][a-z0-9+.-]*$/;

/**
 * The parent named by a top-level `extends:` line, or undefined when there is none.
 * Throws when `extends` names a file path (only names can be fetched from the server).
 * @example extendsOf("name: x\nextends: apr-2025 # parent\n") // "apr-2025"
 */
export function extendsOf(yamlText: string): string | undefined {
  const match = /^extends:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(yamlText);
  if (match === null) return undefined;
  const ref = (match[1] ?? match[2] ?? match[3] ?? "").trim();
  if (ref === "") return undefined;
  if (!NAME.test(ref) || ref.endsWith(".yaml") || ref.endsWith(".yml")) {
    throw new Error(`extends: ${ref} names a file; the dashboard can only follow scenario names (ready-made or saved)`);
  }
  return ref;
}
