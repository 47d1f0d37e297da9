/**
 * @module web/charts/palette
 * Colours of the dashboard's charts: the HTML report's palette (`src/report/html/palette.ts`),
 * shared so that a colour means the same thing everywhere, plus the interface's ink colours.
 */
export * from "../../../src/report/html/palette.js";

/** Ink colours of the interface, for chart text and rules. */
export const INK = { text: "#1d2733", muted: "#5a6472", rule: "#d9dee5", faint: "#eef1f5" } as const;
