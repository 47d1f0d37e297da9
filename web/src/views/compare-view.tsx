/**
 * @module web/views/compare-view
 * Two finished runs side by side (`GET /api/compare`): what differs (shortfall, peak prices, end
 * products, China's share), prices overlaid (A solid, B dashed) and each run's shortfall by region.
 */
import { useMemo } from "react";
import type { RunReport } from "../../../src/analysis/report-model.js";
import type { CompareResponse } from "../../../src/model/api.js";
import { api } from "../api/client.js";
import { Chart } from "../charts/chart.js";
import { groupedBarOption, niceCeiling } from "../charts/options.js";
import { useLoad } from "../hooks.js";
import { formatShare, formatSigned, formatTimestamp, formatTonnes, formatUnits, formatUsdPerKg, pluralUnit } from "../lib/format.js";
import { KEY_ELEMENTS, sectorShortNames, sumSeries } from "../lib/report-figures.js";
import type { Route } from "../lib/route.js";
import { HeadlineFigures } from "./report/report-view.js";
import { PriceChart } from "./report/price-chart.js";
import { ShortfallChart } from "./report/sections.js";

const A_COLOUR = "#1f5a99";
const B_COLOUR = "#b9c7d8";

/** Pick two runs and compare them. */
export function CompareView({ a, b, go }: { a: string | undefined; b: string | undefined; go: (route: Route) => void }) {
  const [runs] = useLoad(() => api.listRuns(), []);
  const done = runs.state === "done" ? runs.value.runs.filter((r) => r.state === "done") : [];
  const [comparison] = useLoad(() => (a !== undefined && b !== undefined ? api.compare(a, b) : Promise.resolve(undefined)), [a, b]);
  const pick = (which: "a" | "b", id: string) => go({ view: "compare", a: which === "a" ? id || undefined : a, b: which === "b" ? id || undefined : b });

  return (
    <div>
      <div className="panel" style={{ marginBottom: 16 }}>
        <header className="toolbar">
          <h2>Compare two runs</h2>
          <span className="spacer" />
          <RunPicker label="A" value={a} runs={done} onChange={(id) => pick("a", id)} />
          <span className="muted">vs</span>
          <RunPicker label="B" value={b} runs={done} onChange={(id) => pick("b", id)} />
        </header>
        {done.length < 2 && runs.state === "done" && <p className="body small muted">Comparing needs two finished runs; run two scenarios from the Scenarios view first.</p>}
      </div>
      {comparison.state === "failed" && <div className="notice bad">Could not compare: {comparison.error.message}</div>}
      {comparison.state === "loading" && a !== undefined && b !== undefined && <div className="panel empty">Comparing…</div>}
      {comparison.state === "done" && comparison.value !== undefined && <Comparison data={comparison.value} />}
    </div>
  );
}

function RunPicker({ label, value, runs, onChange }: { label: string; value: string | undefined; runs: readonly { id: string; scenario: string; createdAt: string }[]; onChange: (id: string) => void }) {
  return (
    <label className="field"><b style={{ color: "var(--ink)" }}>{label}</b>
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value)} aria-label={`Run ${label}`} style={{ width: 420 }}>
        <option value="">pick a run…</option>
        {runs.map((r) => <option key={r.id} value={r.id}>{r.scenario} · {r.id} · {formatTimestamp(r.createdAt)}</option>)}
      </select>
    </label>
  );
}

function Comparison({ data }: { data: CompareResponse<RunReport> }) {
  const A = data.a.report;
  const B = data.b.report;
  const d = data.differences;
  // The differences name sectors in full; both reports carry the world's short names.
  const shortNames = useMemo(() => sectorShortNames(B, A), [A, B]);
  const sectorText = (p: { sector: string; sectorName: string }) => shortNames.get(p.sector) ?? p.sectorName;
  const shortfallBars = useMemo(() => {
    const rows = [...d.shortfallByElement].sort((x, y) => Math.max(y.aTonnes, y.bTonnes) - Math.max(x.aTonnes, x.bTonnes)).slice(0, 10);
    return groupedBarOption({
      categories: rows.map((r) => r.element), valueAxisName: "final-use shortfall over the horizon, t of element", formatValue: (v) => `${formatTonnes(v)} t`,
      groups: [{ name: `A: ${A.title}`, values: rows.map((r) => r.aTonnes), color: A_COLOUR }, { name: `B: ${B.title}`, values: rows.map((r) => r.bTonnes), color: B_COLOUR }],
    });
  }, [d, A, B]);
  const order = (e: string) => (KEY_ELEMENTS as readonly string[]).indexOf(e);
  const peaks = d.peakPrices.filter((p) => p.market === "ex-china" && order(p.element) >= 0).sort((x, y) => order(x.element) - order(y.element));
  // Both shortfall charts on one scale, so their areas compare.
  const shortfallMax = niceCeiling(Math.max(...sumSeries(A.shortfallByRegion), ...sumSeries(B.shortfallByRegion), 0));
  return (
    <div data-testid="comparison">
      <div className="grid-2">
        <RunHead which="A" report={A} id={data.a.run.id} />
        <RunHead which="B" report={B} id={data.b.run.id} />
      </div>
      <section className="section" aria-labelledby="h-cmp-prices">
        <h2 id="h-cmp-prices">Prices: A solid, B dashed</h2>
        <p className="lede">US$ per kg of element content, China and ex-China markets.</p>
        <PriceChart report={A} reference={B} referenceName="B" testId="compare-prices" />
      </section>
      <div className="grid-2">
        <section className="section" aria-labelledby="h-cmp-sf">
          <h2 id="h-cmp-sf">Final-use shortfall by element</h2>
          <p className="lede">Over the horizon, t of element content.</p>
          {d.shortfallByElement.length === 0 ? <p className="empty">Neither run is short.</p> : <Chart option={shortfallBars} height={Math.max(200, 60 + 34 * Math.min(10, d.shortfallByElement.length))} label="Final-use shortfall by element in runs A and B, tonnes" testId="compare-shortfall" />}
          {d.shortfallByRegion.length > 0 && (
            <table className="data" aria-label="Final-use shortfall by importing region and element">
              <thead><tr><th>region</th><th>element</th><th className="num">A, t</th><th className="num">B, t</th><th className="num">A − B</th></tr></thead>
              <tbody>{d.shortfallByRegion.slice(0, 12).map((s) => <tr key={`${s.region}-${s.element}`}><td>{s.region}</td><td>{s.element}</td><td className="num">{formatTonnes(s.aTonnes)}</td><td className="num">{formatTonnes(s.bTonnes)}</td><td className="num">{formatSigned(s.deltaTonnes, formatTonnes)}</td></tr>)}</tbody>
            </table>
          )}
        </section>
        <section className="section" aria-labelledby="h-cmp-peaks">
          <h2 id="h-cmp-peaks">Peak prices ex-China</h2>
          <p className="lede">US$/kg of element; difference A − B.</p>
          <table className="data">
            <thead><tr><th>element</th><th className="num">A</th><th className="num">B</th><th className="num">A − B</th></tr></thead>
            <tbody>{peaks.map((p) => <tr key={p.element}><td>{p.element}</td><td className="num">{formatUsdPerKg(p.aUsdPerKg)}</td><td className="num">{formatUsdPerKg(p.bUsdPerKg)}</td><td className="num">{formatSigned(p.deltaUsdPerKg, formatUsdPerKg)}</td></tr>)}</tbody>
          </table>
        </section>
      </div>
      <div className="grid-2">
        <section className="section" aria-labelledby="h-cmp-products">
          <h2 id="h-cmp-products">End products not built</h2>
          <p className="lede">Over the horizon, all regions, in each sector's unit; then by importing region, largest difference first.</p>
          {d.endProductsLost.length === 0 ? <p className="empty">None in either run.</p> : (
            <table className="data">
              <thead><tr><th>sector</th><th>unit</th><th className="num">A</th><th className="num">B</th><th className="num">A − B</th></tr></thead>
              <tbody>{d.endProductsLost.map((p) => <tr key={p.sector}><td title={p.sectorName}>{sectorText(p)}</td><td>{pluralUnit(p.unit)}</td><td className="num">{formatUnits(p.aUnits)}</td><td className="num">{formatUnits(p.bUnits)}</td><td className="num">{formatSigned(p.deltaUnits, formatUnits)}</td></tr>)}</tbody>
            </table>
          )}
          {d.endProductsLostByRegion.length > 0 && (
            <table className="data" aria-label="End products not built by region">
              <thead><tr><th>sector</th><th>region</th><th className="num">A</th><th className="num">B</th><th className="num">A − B</th></tr></thead>
              <tbody>{d.endProductsLostByRegion.slice(0, 12).map((p) => <tr key={`${p.sector}-${p.region}`}><td title={p.sectorName}>{sectorText(p)}</td><td>{p.region}</td><td className="num">{formatUnits(p.aUnits)} {pluralUnit(p.unit)}</td><td className="num">{formatUnits(p.bUnits)}</td><td className="num">{formatSigned(p.deltaUnits, formatUnits)}</td></tr>)}</tbody>
            </table>
          )}
        </section>
        <section className="section" aria-labelledby="h-cmp-china">
          <h2 id="h-cmp-china">China's share at the end</h2>
          <p className="lede">Share of each stage's output in the last month.</p>
          <table className="data">
            <thead><tr><th>stage</th><th className="num">A</th><th className="num">B</th><th className="num">A − B</th></tr></thead>
            <tbody>{d.chinaShareAtEnd.map((c) => <tr key={c.stage}><td>{c.stage}</td><td className="num">{formatShare(c.a)}</td><td className="num">{formatShare(c.b)}</td><td className="num">{formatSigned(c.delta * 100, (v) => `${v.toFixed(1)} pt`)}</td></tr>)}</tbody>
          </table>
        </section>
      </div>
      <div className="grid-2">
        <section className="section"><h2>A: shortfall by region</h2><p className="lede">t/month of element content.</p><ShortfallChart report={A} by="region" height={260} max={shortfallMax} /></section>
        <section className="section"><h2>B: shortfall by region</h2><p className="lede">t/month of element content.</p><ShortfallChart report={B} by="region" height={260} max={shortfallMax} /></section>
      </div>
    </div>
  );
}

function RunHead({ which, report, id }: { which: string; report: RunReport; id: string }) {
  return (
    <section className="section">
      <h3 style={{ marginBottom: 4 }}>Run {which} <span className="mono">· {id}</span></h3>
      <h2>{report.title}</h2>
      <p className="small muted" style={{ marginBottom: 10 }}>{report.scenario.startMonth} + {report.scenario.months} months · seed {report.scenario.seed}</p>
      <HeadlineFigures report={report} />
    </section>
  );
}
