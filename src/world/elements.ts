/**
 * @module world/elements
 * Helpers over element lists written with class shorthands (`[light, Dy]`). No I/O.
 */
import { ELEMENT_SYMBOLS, type ElementClass, type ElementSymbol } from "../model/ids.js";
import type { World } from "../model/world-schema.js";

/** The class of each element as the bundled world defines it (light La–Nd; medium Sm–Gd; heavy Tb–Lu, Y, Sc). */
export function elementClassOf(world: Pick<World, "elements">, symbol: ElementSymbol): ElementClass {
  const record = world.elements.find((e) => e.symbol === symbol);
  if (record === undefined) throw new Error(`element ${symbol} is not in the world; validate the world before using it`);
  return record.class;
}

/** Expand a list of symbols and class names into the distinct element symbols it stands for, in canonical order. */
export function expandElements(world: Pick<World, "elements">, items: readonly (ElementSymbol | ElementClass)[]): ElementSymbol[] {
  const wanted = new Set<ElementSymbol>();
  for (const item of items) {
    if ((ELEMENT_SYMBOLS as readonly string[]).includes(item)) wanted.add(item as ElementSymbol);
    else for (const e of world.elements) if (e.class === item) wanted.add(e.symbol);
  }
  return ELEMENT_SYMBOLS.filter((s) => wanted.has(s));
}
