/**
 * @module web/views/report/price-chart
 * Price paths of one element in the China and ex-China markets (US$/kg), with an element picker;
 * optionally a reference run drawn dashed (what-if: the scenario as written; compare: run B).
 */
import { useMemo, useState } from "react";
import type { RunReport } from "../../../../src/analysis/report-model.js";
import { Chart } from "../../charts/chart.js";
import { monthChartOption, type LineSpec } from "../../charts/options.js";
import { MARKET_COLOURS } from "../../charts/palette.js";
import { formatUsdPerKg } from "../../lib/format.js";
import { pricedElements, pricePath } from "../../lib/report-figures.js";

/** A segmented picker of elements. */
export function ElementPicker({ elements, value, onChange, max = 8 }: { elements: readonly string[]; value: string; onChange: (e: string) => void; max?: number }) {
  const shown = elements.slice(0, max);
  const rest = elements.slice(max);
  return (
    <span className="toolbar" style={{ gap: 6 }}>
      <span className="segmented" role="group" aria-label="Element">
        {shown.map((e) => <button key={e} type="button" aria-pressed={e === value} onClick={() => onChange(e)}>{e}</button>)}
      </span>
      {rest.length > 0 && (
        <select aria-label="Other element" value={rest.includes(value) ? value : ""} onChange={(ev) => ev.target.value !== "" && onChange(ev.target.value)}>
          <option value="">more…</option>
          {rest.map((e) => <option key={e} value={e}>{e}</option>)}
        </select>
      )}
    </span>
  );
}

/** Price paths by market for a picked element. */
export function PriceChart({ report, reference, referenceName = "reference", markMonth, markLabel = "", height = 320, testId = "price-chart" }: {
  report: RunReport;
  reference?: RunReport | undefined;
  referenceName?: string;
  /** A month (`YYYY-MM`) to mark with a rule, e.g. when what-if measures start, and its label. */
  markMonth?: string | undefined;
  markLabel?: string;
  height?: number;
  testId?: string;
}) {
  const elements = useMemo(() => pricedElements(report), [report]);
  const [picked, setPicked] = useState("Dy");
  const element = elements.includes(picked) ? picked : elements[0] ?? "Dy";
  const option = useMemo(() => {
    const lines: LineSpec[] = [];
    const months = reference !== undefined && reference.monthLabels.length > report.monthLabels.length ? reference.monthLabels : report.monthLabels;
    for (const market of ["china", "ex-china"] as const) {
      const name = market === "china" ? "China" : "ex-China";
      const path = pricePath(report, element, market);
      if (path !== undefined) lines.push({ name: `${element} ${name}`, values: path.values, color: MARKET_COLOURS[market] });
      const ref = reference === undefined ? undefined : pricePath(reference, element, market);
      if (ref !== undefined) lines.push({ name: `${element} ${name}`, values: ref.values, color: MARKET_COLOURS[market], dashed: true });
    }
    return monthChartOption({ months, lines, valueAxisName: `US$/kg of ${element}`, formatValue: (v) => `${formatUsdPerKg(v)}/kg`, min: 0, dashedLabel: referenceName,
      markMonth: markMonth === undefined ? undefined : { month: markMonth, label: markLabel } });
  }, [report, reference, referenceName, element, markMonth, markLabel]);
  return (
    <>
      <div className="toolbar" style={{ marginBottom: 8 }}>
        <ElementPicker elements={elements} value={element} onChange={setPicked} />
      </div>
      <Chart option={option} height={height} label={`Price of ${element} in China and ex-China, US$ per kg by month`} testId={testId} />
    </>
  );
}
