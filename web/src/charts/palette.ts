/**
 * @module web/charts/palette
 * Colours of the dashboard's charts: one fixed colour per market, element, region and stage, the
 * same as the HTML report's (`src/report/html/palette.ts`), so a colour means the same thing everywhere.
 */

/** China domestic market (red) and ex-China market (blue). */
export const MARKET_COLOURS = { china: "#b2382c", "ex-china": "#1f5a99" } as const;

const ELEMENT_COLOURS: Record<string, string> = {
  Nd: "#1f5a99", Pr: "#4f9bd9", Dy: "#d9822b", Tb: "#7b4ea3", Sm: "#2e8b8b", La: "#6c8f3a", Ce: "#a0522d", Y: "#c9a227",
};

const REGION_COLOURS: Record<string, string> = {
  CN: "#b2382c", JP: "#2a7f62", EU: "#1f5a99", US: "#7b4ea3", KR: "#d9822b", AU: "#c9a227", MY: "#3aa0a0", VN: "#8c564b",
  MM: "#d16ba5", IN: "#6c8f3a", RU: "#5b6770", BR: "#4f9bd9", CA: "#a0522d", OTHER: "#8a8f98", ROW: "#8a8f98",
};

const STAGE_COLOURS: Record<string, string> = {
  mine: "#8c6d1f", separation: "#d9822b", metal: "#5b6770", magnet: "#1f5a99", use: "#2a7f62",
};

const FALLBACK = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

function fallbackColour(key: string): string {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length] ?? "#888888";
}

/** Colour of an element symbol (`Dy`). */
export function elementColour(symbol: string): string {
  return ELEMENT_COLOURS[symbol] ?? fallbackColour(symbol);
}

/** Colour of a region id (`JP`, `mine:JP`, `other`). */
export function regionColour(region: string): string {
  const key = region.replace(/^[a-z]+:/, "").toUpperCase();
  return REGION_COLOURS[key === "CHINA" ? "CN" : key] ?? fallbackColour(key);
}

/** Colour of a supply-chain stage (`mine` … `use`). */
export function stageColour(stage: string): string {
  return STAGE_COLOURS[stage] ?? fallbackColour(stage);
}

/** Colour of the i-th item of a list with no fixed colours (sectors, policy kinds). */
export function indexedColour(i: number): string {
  return FALLBACK[i % FALLBACK.length] ?? "#888888";
}

/** Ink colours of the interface, for chart text and rules. */
export const INK = { text: "#1d2733", muted: "#5a6472", rule: "#d9dee5", faint: "#eef1f5" } as const;
