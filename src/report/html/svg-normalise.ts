/**
 * @module report/html/svg-normalise
 * Post-processing of ECharts SSR output: `tidyChartSvg` makes one chart's SVG safe to inline many
 * times in a page (scoped ids, no hover styles); `normaliseSvg` makes it stable for snapshots.
 * Neither changes what is drawn.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rename every `id` in order of appearance with `rename(i)`, and every `url(#…)`/`href="#…"` pointing to it. */
function renameIds(svg: string, rename: (index: number) => string): string {
  const ids = [...new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ""))];
  let out = svg;
  ids.forEach((id, i) => {
    const to = rename(i);
    const old = escapeRegExp(id);
    out = out
      .replace(new RegExp(`(\\sid=")${old}"`, "g"), `$1${to}"`)
      .replace(new RegExp(`url\\(#${old}\\)`, "g"), `url(#${to})`)
      .replace(new RegExp(`((?:xlink:)?href=")#${old}"`, "g"), `$1#${to}"`);
  });
  return out;
}

/**
 * Make an SSR SVG fit to inline: drop the hover `<style>`, `zr…-cls-…` classes and `ecmeta_*`
 * attributes; rename ids to `${scope}-N` so two charts on one page never share a clip path; add
 * `role="img"` and `aria-label`. The label must already be HTML-escaped.
 */
export function tidyChartSvg(svg: string, scope: string, escapedLabel: string): string {
  const tidy = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, "")
    .replace(/\sclass="zr\d+-cls-\d+"/g, "")
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/<defs\s*>\s*<\/defs>\s*/g, "");
  return renameIds(tidy, (i) => `${scope}-${i}`).replace(/^<svg\s/, `<svg role="img" aria-label="${escapedLabel}" class="chart-svg" `);
}

/** Options of `normaliseSvg`. */
export interface NormaliseSvgOptions {
  /** Decimal places kept in attribute numbers. @default 0 */
  readonly decimals?: number;
}

/**
 * Normalise an SVG for a snapshot: numbers inside attribute values rounded to `decimals`, ids
 * renamed `id0`, `id1`, … (with their references), generated `zrN-cls-M` classes renumbered `cls0`, `cls1`, …
 * in order of appearance. Text is kept.
 * @example expect(normaliseSvg(svg)).toMatchFileSnapshot("./__snapshots__/chart.svg")
 */
export function normaliseSvg(svg: string, { decimals = 0 }: NormaliseSvgOptions = {}): string {
  const scale = 10 ** decimals;
  const round = (n: string) => {
    const r = Math.round(Number(n) * scale) / scale;
    return Object.is(r, -0) ? "0" : String(r);
  };
  const rounded = svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_all, head: string, value: string) =>
    `${head}${value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, round)}"`);
  const classes = new Map<string, string>();
  return renameIds(rounded, (i) => `id${i}`).replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    if (!classes.has(name)) classes.set(name, `cls${classes.size}`);
    return classes.get(name) ?? name;
  });
}
