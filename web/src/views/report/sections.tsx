/**
 * @module web/views/report/sections
 * The parts of a run's results besides prices and flows: shortfall charts, concentration by
 * stage, end products lost, the policy timeline, shortage episodes, gap closers and warnings.
 */
import { useMemo, useState } from "react";
import type { EndProductPath, RunReport, ShortageEpisode } from "../../../../src/analysis/report-model.js";
import { Chart } from "../../charts/chart.js";
import { monthChartOption } from "../../charts/options.js";
import { elementColour, indexedColour, regionColour, stageColour } from "../../charts/palette.js";
import { formatShare, formatSigned, formatTonnes, formatUnits, pluralUnit } from "../../lib/format.js";
import { endProductNote, endProductsBySector, episodeLabels, episodesByType, groupByUnit, hasBaselineLosses, sectorShortNames, topSeries } from "../../lib/report-figures.js";
import { formatChange, formatMainElements, formatUsdMillions, POLICY_COST_LABEL } from "../../../../src/report/number-format.js";

const tonnesPerMonth = (v: number) => `${formatTonnes(v)} t/month`;

/** Final-use shortfall stacked by region or by element, t/month. */
export function ShortfallChart({ report, by, height = 300, max }: { report: RunReport; by: "region" | "element"; height?: number; max?: number | undefined }) {
  const option = useMemo(() => {
    const source = by === "region" ? report.shortfallByRegion : report.shortfallByElement;
    const series = topSeries(source, 7);
    return monthChartOption({
      months: report.monthLabels, valueAxisName: "t/month of element content", formatValue: tonnesPerMonth, min: 0, ...(max === undefined ? {} : { max }),
      lines: series.map((s) => ({ name: s.label, values: s.values, color: s.label === "other" ? "#8a8f98" : by === "region" ? regionColour(s.label) : elementColour(s.label), stack: "total" })),
    });
  }, [report, by, max]);
  const empty = (by === "region" ? report.shortfallByRegion : report.shortfallByElement).length === 0;
  if (empty) return <p className="empty">No final-use shortfall in this run.</p>;
  return <Chart option={option} height={height} label={`Final-use shortfall by ${by}, tonnes of element content per month`} testId={`shortfall-${by}`} />;
}

/** China's share of each stage over time, % of the stage's output. */
export function ConcentrationSection({ report }: { report: RunReport }) {
  const option = useMemo(() => monthChartOption({
    months: report.monthLabels, valueAxisName: "China's share of the stage, %", formatValue: (v) => `${v.toFixed(1)} %`, min: 0, max: 100,
    lines: report.chinaShareByStage.map((s) => ({ name: s.label, values: s.values, color: stageColour(s.label) })),
  }), [report]);
  return (
    <div className="grid-2">
      <Chart option={option} height={300} label="China's share of each supply-chain stage by month, percent" testId="concentration" />
      <table className="data" aria-label="Concentration by stage">
        <thead>
          <tr><th>stage</th><th>top region</th><th className="num">top share</th><th className="num">China share</th><th className="num">HHI (0–10,000)</th></tr>
        </thead>
        <tbody>
          {report.concentration.map((c) => (
            <tr key={c.stage}>
              <td><span className="swatch" style={{ background: stageColour(c.stage) }} />{c.stage}</td>
              <td>{c.atStart.topRegion}{c.atEnd.topRegion !== c.atStart.topRegion ? ` → ${c.atEnd.topRegion}` : ""}</td>
              <td className="num">{formatShare(c.atStart.topShare)} → {formatShare(c.atEnd.topShare)}</td>
              <td className="num">{formatShare(c.atStart.chinaShare)} → {formatShare(c.atEnd.chinaShare)}</td>
              <td className="num">{Math.round(c.atStart.hhi).toLocaleString("en-US")} → {Math.round(c.atEnd.hhi).toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * End products not built: totals by sector (with the magnet they hold and the regions hit; with a baseline, what it lost
 * and the difference), a note on what each unit is, and monthly paths, one chart per unit.
 */
export function EndProductsSection({ report }: { report: RunReport }) {
  const sectors = useMemo(() => endProductsBySector(report.endProductsLost), [report]);
  const groups = useMemo(() => groupByUnit(report.endProductsLostPaths), [report]);
  const compared = hasBaselineLosses(report.endProductsLost);
  const note = endProductNote(report.endProductsLost);
  if (sectors.length === 0) return <p className="empty">No end products lost for lack of magnets in this run.</p>;
  return (
    <>
      <table className="data" aria-label="End products lost" data-testid="end-products-table">
        <thead><tr><th>sector</th><th className="num">not built</th><th>unit</th><th className="num">magnet, t</th>
          {compared && <><th className="num" title={`What ${report.baselineName ?? "the baseline"} lost in the same sector and months`}>baseline lost</th><th className="num" title="This run's losses minus the baseline's: what this scenario caused">difference</th></>}
          <th>regions hit (largest first; short of, share of need unmet while losing)</th></tr></thead>
        <tbody>
          {sectors.map((s) => (
            <tr key={s.sector}>
              <td title={s.sectorName}>{s.sectorShortName}</td>
              <td className="num">{formatUnits(s.totalUnits)}</td>
              <td>{pluralUnit(s.unit)}</td>
              <td className="num">{s.magnetTonnes === undefined ? "–" : formatTonnes(s.magnetTonnes)}</td>
              {compared && <><td className="num">{formatUnits(s.baselineTotalUnits ?? 0)}</td><td className="num">{formatSigned(s.differenceUnits ?? 0, formatUnits)}</td></>}
              <td className="small">{s.regions.filter((r) => r.units > 0).slice(0, 5).map((r) => `${r.region} ${formatUnits(r.units)}${r.shortOf.length > 0 ? ` (${r.shortOf.join(", ")} ${formatShare(r.unmetShareOfNeed)})` : ""}`).join(" · ")}{s.regions.length > 5 ? " · …" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note !== undefined && <p className="small muted" data-testid="end-products-units">{note}</p>}
      <div className={groups.length >= 3 ? "grid-3" : groups.length === 2 ? "grid-2" : ""} style={{ marginTop: 12 }}>
        {groups.map((g) => <UnitChart key={g.unit} report={report} unit={g.unit} series={g.series} />)}
      </div>
    </>
  );
}

function UnitChart({ report, unit, series }: { report: RunReport; unit: string; series: readonly EndProductPath[] }) {
  const option = useMemo(() => {
    // Paths are labelled with sectors' full names: the legend gives the world's short name (carried by the path; older
    // reports: from the report's rows), the tooltip the full one.
    const shortNames = sectorShortNames(report);
    return monthChartOption({
      months: report.monthLabels, valueAxisName: `${pluralUnit(unit)} not built per month`, formatValue: (v) => `${formatUnits(v)} ${pluralUnit(unit)}`, min: 0,
      lines: series.map((s, i) => ({ name: s.sectorShortName ?? shortNames.get(s.label) ?? s.label, fullName: s.label, values: s.values, color: indexedColour(i), stack: "total" })),
    });
  }, [report, unit, series]);
  return <Chart option={option} height={240} label={`End products not built per month, ${pluralUnit(unit)}`} testId={`end-products-${unit}`} />;
}

/** Each policy's windows in force, as bars over the run's horizon. */
export function PolicyTimeline({ report }: { report: RunReport }) {
  const first = report.monthLabels[0];
  const last = report.monthLabels[report.monthLabels.length - 1];
  if (report.timeline.length === 0 || first === undefined || last === undefined) return <p className="empty">No policies: the run follows the world as calibrated.</p>;
  const start = dayOf(`${first}-01`);
  const end = dayOf(`${nextMonth(last)}-01`);
  const pct = (day: number) => Math.min(100, Math.max(0, ((day - start) / (end - start)) * 100));
  return (
    <div className="timeline" role="table" aria-label="Policy timeline">
      {report.timeline.map((p, i) => (
        <div key={p.id} style={{ display: "contents" }} role="row">
          <div className="name" title={`${p.title}${p.reference === "" ? "" : `\n${p.reference}`}`} role="rowheader">{p.title}<span className="kind">{p.kind}</span></div>
          <div className="track" role="cell" aria-label={p.windows.map((w) => `${w.from} to ${w.until ?? "open-ended"}`).join(", ") || "never in force"}>
            {p.windows.map((w, j) => {
              const from = pct(dayOf(w.from));
              const to = w.until === undefined ? 100 : pct(dayOf(w.until));
              return to > from ? <div key={j} className="window" style={{ left: `${from}%`, width: `${to - from}%`, background: indexedColour(i) }} title={`${w.from} → ${w.until ?? "open-ended"}`} /> : null;
            })}
          </div>
          <div className="when" role="cell">{p.effect ?? (p.windows.length === 0 ? "never in force" : p.windows.map((w) => `${w.from} → ${w.until ?? "open"}`).join(", "))}</div>
        </div>
      ))}
      <div className="axis"><span>{first}</span><span>{report.monthLabels[Math.floor(report.monthLabels.length / 2)]}</span><span>{last}</span></div>
    </div>
  );
}

function dayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

function nextMonth(month: string): string {
  const [y = 1970, m = 1] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Shortage episodes in two tables, final demand unmet and plants short of input, each headed by its count. */
export function EpisodeTables({ report }: { report: RunReport }) {
  const { finalDemand, plantsShortOfInput } = episodesByType(report);
  const labels = episodeLabels(report);
  if (report.shortages.length === 0) return <p className="empty">No shortage episodes (no month short by more than 1 % of need).</p>;
  return (
    <>
      <h3 className="sub-head" data-testid="episodes-use-head">{labels.headingFinalDemand}</h3>
      {finalDemand.length === 0
        ? <p className="empty">None: final demand is met in every region and month.</p>
        : <EpisodesTable episodes={finalDemand} label="Shortages of final demand" testId="episodes-use" />}
      <h3 className="sub-head" data-testid="episodes-plants-head">{labels.headingPlants}</h3>
      {plantsShortOfInput.length === 0
        ? <p className="empty">None: separation, metal and magnet plants got the input they needed in every month.</p>
        : <EpisodesTable episodes={plantsShortOfInput} label="Plants short of input" testId="episodes-plants" />}
    </>
  );
}

/** Shortage episodes, largest first. */
function EpisodesTable({ episodes, label, testId, limit = 8 }: { episodes: readonly ShortageEpisode[]; label: string; testId: string; limit?: number }) {
  const [all, setAll] = useState(false);
  const rows = all ? episodes : episodes.slice(0, limit);
  return (
    <>
      <table className="data" aria-label={label} data-testid={testId}>
        <thead>
          <tr><th>element</th><th>region</th><th>stage</th><th>from</th><th>to</th><th className="num">months</th><th className="num">peak t/month</th><th className="num">peak share of need</th><th className="num">total t</th></tr>
        </thead>
        <tbody>
          {rows.map((s, i) => (
            <tr key={i}>
              <td><span className="swatch" style={{ background: elementColour(s.element) }} />{s.element}</td>
              <td>{s.region}</td><td>{s.stage}</td><td className="mono">{s.startMonth}</td><td className="mono">{s.endMonth}</td>
              <td className="num">{s.durationMonths}</td><td className="num">{formatTonnes(s.peakTonnesPerMonth)}</td>
              <td className="num">{formatShare(s.peakShareOfDemand)}</td><td className="num">{formatTonnes(s.totalTonnes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {episodes.length > limit && (
        <button className="btn" type="button" style={{ marginTop: 8 }} onClick={() => setAll(!all)}>{all ? "Show the largest only" : `Show all ${episodes.length}`}</button>
      )}
    </>
  );
}

/** Who closed the gap against the baseline. */
export function GapClosersTable({ report }: { report: RunReport }) {
  if (report.gapClosers.length === 0) return null;
  return (
    <table className="data" aria-label="Gap closers">
      <thead><tr><th>region</th><th>stage</th><th className="num">extra output, US$ M</th><th className="num">extra output, t</th><th>from</th><th>of which, t (elements weighing most in the value)</th></tr></thead>
      <tbody>
        {report.gapClosers.map((g) => (
          <tr key={`${g.region}-${g.stage}`}><td><span className="swatch" style={{ background: regionColour(g.region) }} />{g.region}</td><td>{g.stage}</td><td className="num">{formatUsdMillions(g.extraValueUsd)}</td><td className="num">{formatTonnes(g.extraTonnes)}</td><td className="mono">{g.fromMonth ?? "–"}</td><td>{formatMainElements(g.mainElements)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each importer's magnets and Dy + Tb oxide/metal from China against the baseline, over the run. */
export function ChinaSupplyTable({ report }: { report: RunReport }) {
  if (report.chinaSupplyChanges.length === 0) return null;
  return (
    <table className="data" aria-label="Supply from China">
      <thead><tr><th>importer</th><th className="num">magnets, t</th><th className="num">vs baseline</th><th className="num">Dy + Tb oxide and metal, t</th><th className="num">vs baseline</th><th>months with magnets below half</th></tr></thead>
      <tbody>
        {report.chinaSupplyChanges.map((x) => (
          <tr key={x.region}>
            <td><span className="swatch" style={{ background: regionColour(x.region) }} />{x.region}</td>
            <td className="num">{formatTonnes(x.magnetTonnes)}</td><td className="num">{formatChange(x.magnetTonnes, x.magnetTonnesBaseline)}</td>
            <td className="num">{formatTonnes(x.heavyOxideMetalTonnes)}</td><td className="num">{formatChange(x.heavyOxideMetalTonnes, x.heavyOxideMetalTonnesBaseline)}</td>
            <td className="mono">{x.magnetMonthsBelowHalf === 0 ? "none" : `${x.magnetMonthsBelowHalf} (from ${x.firstMagnetMonthBelowHalf ?? "–"})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Import duty paid and price-floor top-ups by region, US$ million, with each calendar year. */
export function PolicyCostsTable({ report }: { report: RunReport }) {
  if (report.policyCosts.length === 0) return null;
  const years = [...new Set(report.policyCosts.flatMap((c) => c.byYear.map((y) => y.year)))].sort();
  return (
    <table className="data" aria-label="Policy costs">
      <thead><tr><th>payment</th><th>region</th><th className="num">total, US$ M</th>{years.map((y) => <th key={y} className="num">{y}</th>)}</tr></thead>
      <tbody>
        {report.policyCosts.map((c) => (
          <tr key={`${c.kind}-${c.region}`}>
            <td>{POLICY_COST_LABEL[c.kind]}</td><td><span className="swatch" style={{ background: regionColour(c.region) }} />{c.region}</td>
            <td className="num">{formatUsdMillions(c.totalUsd)}</td>
            {years.map((y) => <td key={y} className="num">{formatUsdMillions(c.byYear.find((b) => b.year === y)?.usd ?? 0)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Share of each ex-China region's use of the magnet elements that was separated in China, first and last year. */
export function ChinaOriginTable({ report }: { report: RunReport }) {
  if (report.chinaOrigin.length === 0) return null;
  const elements = [...new Set(report.chinaOrigin.map((x) => x.element))];
  const regions = [...new Set(report.chinaOrigin.map((x) => x.region))];
  return (
    <table className="data" aria-label="China-origin share of use">
      <thead><tr><th>region</th>{elements.map((e) => <th key={e} className="num">{e}: {report.chinaOriginPeriods.first} → {report.chinaOriginPeriods.last}</th>)}</tr></thead>
      <tbody>
        {regions.map((region) => (
          <tr key={region}>
            <td><span className="swatch" style={{ background: regionColour(region) }} />{region}</td>
            {elements.map((element) => {
              const x = report.chinaOrigin.find((c) => c.region === region && c.element === element);
              return <td key={element} className="num">{x === undefined ? "–" : `${formatShare(x.firstYearShare)} → ${formatShare(x.lastYearShare)}`}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
