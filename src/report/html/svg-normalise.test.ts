import { describe, expect, it } from "vitest";
import { chartFigure, renderChartSvg, monthAxis, valueAxis, legendOption } from "./echarts-ssr.js";
import { normaliseSvg, tidyChartSvg } from "./svg-normalise.js";

const RAW = `<svg width="10" height="10" viewBox="0 0 10 10">
<g clip-path="url(#zr3-c0)"><path d="M1.26 2.5L-0.04 3.449" class="zr3-cls-2" ecmeta_series_index="0"></path></g>
<defs><clipPath id="zr3-c0"><path d="M0 0l10 0"></path></clipPath><linearGradient id="zr3-g1"></linearGradient></defs>
<rect fill="url(#zr3-g1)"></rect><use href="#zr3-c0"></use>
<style ><![CDATA[.zr3-cls-2:hover { cursor:pointer; }]]></style>
</svg>`;

describe("tidyChartSvg", () => {
  it("drops hover styles, classes and ecmeta attributes and scopes every id with its references", () => {
    expect(tidyChartSvg(RAW, "c-x", "A &amp; B")).toMatchInlineSnapshot(`
      "<svg role="img" aria-label="A &amp; B" class="chart-svg" width="10" height="10" viewBox="0 0 10 10">
      <g clip-path="url(#c-x-0)"><path d="M1.26 2.5L-0.04 3.449"></path></g>
      <defs><clipPath id="c-x-0"><path d="M0 0l10 0"></path></clipPath><linearGradient id="c-x-1"></linearGradient></defs>
      <rect fill="url(#c-x-1)"></rect><use href="#c-x-0"></use>
      </svg>"
    `);
  });
});

describe("normaliseSvg", () => {
  it("rounds attribute numbers, renames ids in order and leaves text alone", () => {
    const svg = '<svg><path id="zr9-c4" d="M1.26 2.5L-0.04 3.449" transform="matrix(0.6666666,0,0,1,10.5,2)"></path><text x="1.5" fill="url(#zr9-c4)">2.75 t</text></svg>';
    expect(normaliseSvg(svg)).toBe('<svg><path id="id0" d="M1 3L0 3" transform="matrix(1,0,0,1,11,2)"></path><text x="2" fill="url(#id0)">2.75 t</text></svg>');
    expect(normaliseSvg(svg, { decimals: 1 })).toContain('d="M1.3 2.5L0 3.4"');
  });

  it("makes two renders of one chart identical although ECharts numbers its instances", () => {
    const option = { xAxis: monthAxis(["2026-01", "2026-02"]), yAxis: valueAxis("t"), series: [{ type: "line" as const, data: [1, 2] }] };
    const a = renderChartSvg(option, 200, 100);
    const b = renderChartSvg(option, 200, 100);
    expect(a).not.toBe(b);
    expect(normaliseSvg(a)).toBe(normaliseSvg(b));
  });
});

describe("chart SVG snapshot", () => {
  it("draws a small two-market price chart the same way every time", async () => {
    const figure = chartFigure({
      id: "snap", title: "Dy price by market", widthPx: 360, heightPx: 200,
      option: {
        legend: legendOption(), grid: { left: 64, right: 12, top: 60, bottom: 44 },
        xAxis: monthAxis(["2026-01", "2026-02", "2026-03", "2026-04"]), yAxis: valueAxis("US$/kg of element"),
        series: [
          { type: "line", name: "China domestic", data: [255, 250, 240, 236], showSymbol: false, color: "#b2382c" },
          { type: "line", name: "ex-China", data: [344, 520, 880, 895], showSymbol: false, color: "#1f5a99" },
        ],
      },
    });
    const svg = figure.slice(figure.indexOf("<svg"), figure.indexOf("</svg>") + "</svg>".length);
    await expect(`${normaliseSvg(svg)}\n`).toMatchFileSnapshot("./__snapshots__/price-chart.svg");
  });
});
