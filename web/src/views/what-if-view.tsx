/**
 * @module web/views/what-if-view
 * What-if sliders that rerun a scenario in the browser's engine worker (no server round trip):
 * China's licence approval share, Myanmar's mine output and a stockpile release. Results are drawn
 * against the scenario as written (dashed), over a 60-month horizon.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { RunReport } from "../../../src/analysis/report-model.js";
import type { World } from "../../../src/model/world-schema.js";
import { api } from "../api/client.js";
import { Chart } from "../charts/chart.js";
import { monthChartOption, type LineSpec } from "../charts/options.js";
import { elementColour } from "../charts/palette.js";
import { useLoad } from "../hooks.js";
import { formatShare, formatSigned, formatTonnes, formatUnits, formatUsdPerKg, pluralUnit } from "../lib/format.js";
import { countLines, markIssueLines } from "../lib/line-marks.js";
import { endProductsBySector, priceRise, totalShortfallTonnes } from "../lib/report-figures.js";
import type { Route } from "../lib/route.js";
import { extendsOf } from "../lib/scenario-chain.js";
import { neutralWhatIf, type WhatIfSettings } from "../lib/what-if.js";
import { licenceHelpText, licenceValueText, stockpileChoices, WHAT_IF_CONTROL_NAMES, type StockpileChoices } from "../lib/what-if-wording.js";
import { EngineClient, EngineRequestError, SupersededError, type WhatIfResult } from "../worker/engine-client.js";
import type { ScenarioSource } from "../worker/protocol.js";
import { PriceChart } from "./report/price-chart.js";

/** Months the browser runs (the server runs the full horizon). */
export const WHAT_IF_HORIZON_MONTHS = 60;

let engine: { client: EngineClient; world: Promise<World> } | undefined;

/** One engine worker for the page, with the server's world loaded into it. */
function sharedEngine(): { client: EngineClient; world: Promise<World> } {
  if (engine === undefined) {
    const client = new EngineClient();
    const world = api.getWorldDataset().then(async (w) => { await client.loadWorld(w); return w; });
    world.catch(() => { engine = undefined; });
    engine = { client, world };
  }
  return engine;
}

/** A scenario and its `extends` chain, furthest ancestor first. */
async function fetchChain(name: string): Promise<ScenarioSource[]> {
  const chain: ScenarioSource[] = [];
  let next: string | undefined = name;
  while (next !== undefined) {
    if (chain.some((c) => c.name === next) || chain.length > 16) throw new Error(`extends forms a cycle at ${next}`);
    const doc = await api.getScenario(next);
    chain.unshift({ name: doc.name, yaml: doc.yaml });
    next = extendsOf(doc.yaml);
  }
  return chain;
}

type Outcome =
  | { readonly state: "idle" | "running" }
  | { readonly state: "done"; readonly result: WhatIfResult; readonly runs: number }
  | { readonly state: "failed"; readonly error: Error };

/** The what-if view for scenario `name` (default: apr-2025). */
export function WhatIfView({ name, go }: { name: string | undefined; go: (route: Route) => void }) {
  const [list] = useLoad(() => api.listScenarios(), []);
  const scenarios = list.state === "done" ? list.value.scenarios : [];
  const selected = name ?? (scenarios.some((s) => s.name === "apr-2025") ? "apr-2025" : scenarios[0]?.name);
  const [setup] = useLoad(async () => {
    if (selected === undefined) return undefined;
    const { world } = sharedEngine();
    const [chain, w] = await Promise.all([fetchChain(selected), world]);
    return { chain, stockpiles: stockpileChoices(w) };
  }, [selected]);

  const [settings, setSettings] = useState<WhatIfSettings>(() => neutralWhatIf("2025-01"));
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const resultCount = useRef(0);

  useEffect(() => { setSettings((s) => ({ ...neutralWhatIf(s.fromMonth, s.stockpileRegion) })); setOutcome({ state: "idle" }); }, [selected]);

  const chain = setup.state === "done" ? setup.value?.chain : undefined;
  useEffect(() => {
    if (chain === undefined) return;
    let live = true;
    setOutcome((o) => (o.state === "done" ? o : { state: "running" }));
    sharedEngine().client.runWhatIf(chain, settings, WHAT_IF_HORIZON_MONTHS).then(
      (result) => { if (live) { resultCount.current += 1; setOutcome({ state: "done", result, runs: resultCount.current }); } },
      (error: unknown) => { if (live && !(error instanceof SupersededError)) setOutcome({ state: "failed", error: error instanceof Error ? error : new Error(String(error)) }); },
    );
    return () => { live = false; };
  }, [chain, settings]);

  const result = outcome.state === "done" ? outcome.result : undefined;
  const months = result?.reference.monthLabels ?? [];
  // Default the start of added measures to a year into the horizon once the months are known.
  useEffect(() => {
    if (months.length > 0 && !months.includes(settings.fromMonth)) setSettings((s) => ({ ...s, fromMonth: months[Math.min(12, months.length - 1)] ?? s.fromMonth }));
  }, [months, settings.fromMonth]);

  return (
    <div className="layout">
      <aside className="panel side" aria-label="What-if controls">
        <div style={{ padding: "12px 16px 4px" }}>
          <h2>What-if</h2>
          <p className="small muted">Runs in your browser on the server's world: {WHAT_IF_HORIZON_MONTHS} months, no trade-flow detail. Dashed lines are the scenario as written.</p>
        </div>
        <div style={{ padding: "8px 16px 16px" }}>
          <label className="field" style={{ display: "grid", gap: 4, marginBottom: 4 }}>Scenario
            <select value={selected ?? ""} onChange={(e) => go({ view: "what-if", name: e.target.value })} aria-label={WHAT_IF_CONTROL_NAMES.scenario} style={{ width: "100%" }}>
              {scenarios.map((s) => <option key={s.name} value={s.name}>{s.title} ({s.name})</option>)}
            </select>
          </label>
          <Controls settings={settings} onChange={setSettings} months={months} result={result}
            stockpiles={setup.state === "done" ? setup.value?.stockpiles : undefined} />
          <button className="btn" type="button" style={{ marginTop: 12 }} onClick={() => setSettings(neutralWhatIf(settings.fromMonth, settings.stockpileRegion))}>Reset sliders</button>
        </div>
      </aside>
      <div style={{ minWidth: 0 }} data-testid="what-if-results" data-runs={outcome.state === "done" ? outcome.runs : 0}>
        {setup.state === "failed" && <div className="notice bad">Could not prepare the what-if: {setup.error.message}</div>}
        {outcome.state === "failed" && <FailureNotice error={outcome.error} />}
        {(setup.state === "loading" || outcome.state === "running" || outcome.state === "idle") && setup.state !== "failed" && result === undefined && (
          <div className="panel empty">Loading the world and running {selected ?? "the scenario"} in your browser…</div>
        )}
        {result !== undefined && <Results result={result} settings={settings} />}
      </div>
    </div>
  );
}

function FailureNotice({ error }: { error: Error }) {
  const issues = error instanceof EngineRequestError ? error.failure.issues : [];
  const marks = markIssueLines(issues, { lineCount: countLines(""), isOwnFile: () => false });
  return (
    <div className="notice bad" role="alert">
      <b>{error.message}</b>
      {marks.unplaced.length > 0 && <ul style={{ margin: "6px 0 0", paddingLeft: 18 }}>{marks.unplaced.map((m, i) => <li key={i} className="mono">{m.text}</li>)}</ul>}
    </div>
  );
}

function Controls({ settings, onChange, months, result, stockpiles }: {
  settings: WhatIfSettings;
  onChange: (s: WhatIfSettings) => void;
  months: readonly string[];
  result: WhatIfResult | undefined;
  stockpiles: StockpileChoices | undefined;
}) {
  const target = result?.licenceTarget;
  const fromIndex = Math.max(0, months.indexOf(settings.fromMonth));
  const licenceValue = licenceValueText(settings.licenceApprovalShare, target);
  const names = WHAT_IF_CONTROL_NAMES;
  return (
    <div>
      <div className="control">
        <div className="head">
          <label htmlFor="wi-licence">China's licence approval share <span className="muted small">(every licence, every destination)</span></label>
          <span className="value" data-testid="licence-value">{licenceValue}</span>
        </div>
        <input id="wi-licence" type="range" min={0} max={100} step={5} disabled={target?.mode === "blocked"} className={settings.licenceApprovalShare === undefined ? "untouched" : undefined}
          value={Math.round((settings.licenceApprovalShare ?? 0.5) * 100)} data-testid="slider-licence"
          aria-label={names.licence} aria-valuetext={licenceValue} aria-describedby="wi-licence-help"
          onChange={(e) => onChange({ ...settings, licenceApprovalShare: Number(e.target.value) / 100 })} />
        <div className="scale" aria-hidden="true"><span>0 % (nothing licensed)</span><span>100 %</span></div>
        <p className="help" id="wi-licence-help" data-testid="licence-help">{licenceHelpText(target)}</p>
      </div>
      <div className="control">
        <div className="head">
          <label htmlFor="wi-mm">Myanmar mine output</label>
          <span className="value" data-testid="myanmar-value">{formatShare(settings.myanmarMineOutputShare)} of capacity</span>
        </div>
        <input id="wi-mm" type="range" min={0} max={100} step={5} value={Math.round(settings.myanmarMineOutputShare * 100)} data-testid="slider-myanmar"
          aria-label={names.myanmar} aria-valuetext={`${formatShare(settings.myanmarMineOutputShare)} of capacity`} aria-describedby="wi-mm-help"
          onChange={(e) => onChange({ ...settings, myanmarMineOutputShare: Number(e.target.value) / 100 })} />
        <div className="scale" aria-hidden="true"><span>0 % (cut off)</span><span>100 % (as written)</span></div>
        <p className="help" id="wi-mm-help">A supply shock on Myanmar's mines (the Kachin ion-adsorption clays, China's main heavy-REE feed) from the start month, open-ended.</p>
      </div>
      <div className="control">
        <div className="head">
          <label htmlFor="wi-stock">Stockpile release</label>
          <span className="value" data-testid="stockpile-value">{settings.stockpileReleaseTonnesPerMonth} t/month</span>
        </div>
        <input id="wi-stock" type="range" min={0} max={100} step={2} value={settings.stockpileReleaseTonnesPerMonth} data-testid="slider-stockpile"
          aria-label={names.stockpile} aria-valuetext={`${settings.stockpileReleaseTonnesPerMonth} t/month`} aria-describedby="wi-stock-help"
          onChange={(e) => onChange({ ...settings, stockpileReleaseTonnesPerMonth: Number(e.target.value) })} />
        <div className="scale" aria-hidden="true"><span>0</span><span>100 t/month of Dy + Tb</span></div>
        <label className="field" style={{ display: "grid", gap: 4, marginTop: 6 }}>released by
          <select style={{ width: "100%" }} value={settings.stockpileRegion} onChange={(e) => onChange({ ...settings, stockpileRegion: e.target.value })} aria-label={names.stockpileRegion}
            aria-describedby="wi-stock-regions" data-testid="stockpile-region">
            {(stockpiles?.holders ?? []).map((s) => <option key={s.region} value={s.region} title={s.holder}>{s.region}</option>)}
            {stockpiles !== undefined && stockpiles.without.length > 0 && (
              <optgroup label="No strategic stockpile in the world data">
                {stockpiles.without.map((r) => <option key={r.region} value={r.region} disabled>{r.region} (none)</option>)}
              </optgroup>
            )}
          </select>
        </label>
        {stockpiles !== undefined && stockpiles.note !== "" && <p className="help" id="wi-stock-regions" data-testid="stockpile-note">{stockpiles.note}</p>}
        <p className="help" id="wi-stock-help">For 12 months from the start month, split between Dy and Tb as the stockpile holds them; capped by what it holds.</p>
      </div>
      <div className="control">
        <div className="head">
          <label htmlFor="wi-from">Measures start</label>
          <span className="value mono" data-testid="from-value">{settings.fromMonth}</span>
        </div>
        <input id="wi-from" type="range" min={0} max={Math.max(0, months.length - 1)} step={1} value={fromIndex} disabled={months.length === 0}
          aria-label={names.fromMonth} aria-valuetext={settings.fromMonth} aria-describedby="wi-from-help" data-testid="slider-from"
          onChange={(e) => onChange({ ...settings, fromMonth: months[Number(e.target.value)] ?? settings.fromMonth })} />
        <p className="help" id="wi-from-help">When the Myanmar shock, the stockpile release and any added licence begin.</p>
      </div>
    </div>
  );
}

function Results({ result, settings }: { result: WhatIfResult; settings: WhatIfSettings }) {
  const { reference, whatIf, timings } = result;
  const same = reference === whatIf || result.touchedPolicyIds.length === 0;
  const totalMs = timings.prepareMs + timings.simulateMs + timings.reportMs;
  const addsMeasures = settings.myanmarMineOutputShare < 1 || settings.stockpileReleaseTonnesPerMonth > 0 || (settings.licenceApprovalShare !== undefined && result.licenceTarget.mode === "add");
  const markMonth = addsMeasures ? settings.fromMonth : undefined;
  return (
    <>
      <div className="notice" data-testid="what-if-status">
        {same ? "Sliders at the scenario's own settings." : `Changed: ${result.touchedPolicyIds.join(", ")}.`}{" "}
        Computed in your browser in <b>{Math.round(totalMs)} ms</b> ({Math.round(timings.simulateMs)} ms simulating) · {whatIf.scenario.startMonth} + {whatIf.monthLabels.length} months
        {addsMeasures ? ` · measures from ${settings.fromMonth}` : ""}.
      </div>
      <Deltas reference={reference} whatIf={whatIf} />
      <section className="section" aria-labelledby="h-wi-prices">
        <h2 id="h-wi-prices">Prices: what-if solid, as written dashed</h2>
        <p className="lede">US$ per kg of element content, China and ex-China markets.</p>
        <PriceChart report={whatIf} reference={same ? undefined : reference} referenceName="as written" markMonth={markMonth} markLabel="measures start" testId="what-if-prices" />
      </section>
      <section className="section" aria-labelledby="h-wi-sf">
        <h2 id="h-wi-sf">Final-use shortfall by element</h2>
        <p className="lede">All regions, t/month of element content; what-if solid, as written dashed.</p>
        <ShortfallComparison reference={reference} whatIf={whatIf} same={same} markMonth={markMonth} />
      </section>
      <section className="section" aria-labelledby="h-wi-products">
        <h2 id="h-wi-products">End products not built</h2>
        <p className="lede">Over the {whatIf.monthLabels.length}-month horizon, all regions.</p>
        <ProductsComparison reference={reference} whatIf={whatIf} />
      </section>
    </>
  );
}

function Deltas({ reference, whatIf }: { reference: RunReport; whatIf: RunReport }) {
  const cards = [
    { label: "Final-use shortfall", unit: "t", a: totalShortfallTonnes(whatIf), b: totalShortfallTonnes(reference), format: formatTonnes },
    ...(["Dy", "Tb"] as const).map((e) => ({ label: `${e} price ex-China, peak`, unit: "/kg", a: priceRise(whatIf, e, "ex-china")?.peak ?? 0, b: priceRise(reference, e, "ex-china")?.peak ?? 0, format: formatUsdPerKg })),
  ];
  return (
    <div className="kpis" data-testid="what-if-kpis">
      {cards.map((c) => (
        <div className="kpi" key={c.label}>
          <div className="label">{c.label}</div>
          <div className="value">{c.format(c.a)}<small>{c.unit}</small></div>
          <div className="sub">as written {c.format(c.b)} · <span className={c.a - c.b > 1e-6 ? "up" : c.a - c.b < -1e-6 ? "down" : ""}>{formatSigned(c.a - c.b, c.format)}</span></div>
        </div>
      ))}
    </div>
  );
}

function ShortfallComparison({ reference, whatIf, same, markMonth }: { reference: RunReport; whatIf: RunReport; same: boolean; markMonth: string | undefined }) {
  const option = useMemo(() => {
    const total = (r: RunReport, e: string) => r.shortfallByElement.find((s) => s.label === e)?.values.reduce((a, b) => a + b, 0) ?? 0;
    const elements = [...new Set([...whatIf.shortfallByElement, ...reference.shortfallByElement].map((s) => s.label))]
      .sort((x, y) => Math.max(total(whatIf, y), total(reference, y)) - Math.max(total(whatIf, x), total(reference, x))).slice(0, 5);
    const zeros = whatIf.monthLabels.map(() => 0);
    const lines: LineSpec[] = [];
    for (const e of elements) {
      lines.push({ name: e, values: whatIf.shortfallByElement.find((s) => s.label === e)?.values ?? zeros, color: elementColour(e) });
      if (!same) lines.push({ name: e, values: reference.shortfallByElement.find((s) => s.label === e)?.values ?? zeros, color: elementColour(e), dashed: true });
    }
    return monthChartOption({
      months: whatIf.monthLabels, lines, valueAxisName: "t/month of element content", formatValue: (v) => `${formatTonnes(v)} t/month`, min: 0,
      dashedLabel: "as written", markMonth: markMonth === undefined ? undefined : { month: markMonth, label: "measures start" },
    });
  }, [reference, whatIf, same, markMonth]);
  if (whatIf.shortfallByElement.length === 0 && reference.shortfallByElement.length === 0) return <p className="empty">No final-use shortfall either way.</p>;
  return <Chart option={option} height={300} label="Final-use shortfall by element, what-if and as written, tonnes per month" testId="what-if-shortfall" />;
}

function ProductsComparison({ reference, whatIf }: { reference: RunReport; whatIf: RunReport }) {
  const a = endProductsBySector(whatIf.endProductsLost);
  const b = endProductsBySector(reference.endProductsLost);
  const sectors = [...new Map([...a, ...b].map((s) => [s.sector, s])).values()];
  if (sectors.length === 0) return <p className="empty">None either way.</p>;
  return (
    <table className="data">
      <thead><tr><th>sector</th><th>unit</th><th className="num">what-if</th><th className="num">as written</th><th className="num">difference</th></tr></thead>
      <tbody>
        {sectors.map((s) => {
          const x = a.find((r) => r.sector === s.sector)?.totalUnits ?? 0;
          const y = b.find((r) => r.sector === s.sector)?.totalUnits ?? 0;
          return <tr key={s.sector}><td title={s.sectorName}>{s.sectorShortName}</td><td>{pluralUnit(s.unit)}</td><td className="num">{formatUnits(x)}</td><td className="num">{formatUnits(y)}</td><td className="num">{formatSigned(x - y, formatUnits)}</td></tr>;
        })}
      </tbody>
    </table>
  );
}
