/**
 * @module web/views/report/report-view
 * One run's results: what the report covers (window, comparison, region), headline figures, the followed region's own
 * figures, prices, shortfalls, flows, concentration, end products,
 * the policy timeline, the shortage episodes, the plants that stop or fall short and an explorer of every stored series.
 */
import type { ReactNode } from "react";
import type { RunReport } from "../../../../src/analysis/report-model.js";
import type { ServedReport } from "../../api/client.js";
import { formatTonnes, pluralUnit } from "../../lib/format.js";
import { reportCoverage } from "../../lib/run-options.js";
import { endProductNote, endProductsByUnit, episodeLabels, premiumHeadline, reportPeriod, totalShortfallTonnes, unitLossHeadline } from "../../lib/report-figures.js";

/** "F-35 NdFeB set" → "f-35-ndfeb-set", for test ids. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
import { FlowsSection } from "./flows-section.js";
import { PlantShortfallsSection } from "./plants-section.js";
import { PriceChart } from "./price-chart.js";
import { RegionSection } from "./region-section.js";
import { SeriesExplorer } from "./series-explorer.js";
import { ChinaOriginTable, ChinaSupplyTable, ConcentrationSection, EndProductsSection, EpisodeTables, GapClosersTable, PolicyCostsTable, PolicyTimeline, ShortfallChart } from "./sections.js";

/** Headline figures of a run as cards. */
export function HeadlineFigures({ report }: { report: RunReport }) {
  const lost = endProductsByUnit(report.endProductsLost);
  const units = endProductNote(report.endProductsLost);
  // Counted by type as the terminal counts them: only `use` episodes are final demand; the rest are plants short of input.
  const episodes = episodeLabels(report);
  // With a reporting window every figure covers it, and the cards say so.
  const period = reportPeriod(report);
  const trimmed = period !== "over the horizon";
  return (
    <div className="kpis" data-testid="kpis">
      <Kpi label={`Final-use shortfall, all elements${trimmed ? `, ${period}` : ""}`} value={formatTonnes(totalShortfallTonnes(report))} unit="t" testId="kpi-shortfall" sub={<>
        <span data-testid="kpi-final-demand-episodes">{episodes.headlineFinalDemand}</span>
        <br /><span data-testid="kpi-plant-episodes">{episodes.headlinePlants}</span>
      </>} />
      {(["Dy", "Tb"] as const).map((element) => <PremiumKpi key={element} report={report} element={element} />)}
      {/* Every unit, as the HTML report's brief lists every one (two cards hid the F-35 NdFeB sets behind the SmCo sets). */}
      {lost.map((l) => {
        const card = unitLossHeadline(l, report.baselineName, period);
        return <Kpi key={l.unit} label={card.label} value={card.value} unit={pluralUnit(l.unit)} sub={card.sub} testId={`kpi-lost-${slug(l.unit)}`} />;
      })}
      {lost.length === 0 && <Kpi label="End products not built" value="0" unit="" sub="no magnet shortage reached end products" />}
      {units !== undefined && <p className="kpi-note small" data-testid="kpi-units-note">{units}</p>}
    </div>
  );
}

/**
 * An element's widest ex-China premium as the terminal and the HTML report give it, and below it, named as another
 * measure, the ex-China peak against its own start price.
 */
function PremiumKpi({ report, element }: { report: RunReport; element: "Dy" | "Tb" }) {
  const figure = premiumHeadline(report, element);
  if (figure === undefined) return null;
  return (
    <Kpi label={`${element} widest ex-China premium over China`} value={figure.value} unit="" testId={`kpi-premium-${element}`}
      title="The largest one-month mark-up of the ex-China price over China's price, as the terminal and the HTML report give it."
      sub={<>
        <span data-testid={`kpi-premium-${element}-when`}>{figure.when}</span>
        {figure.otherMeasure !== undefined && <><br /><span data-testid={`kpi-peak-${element}`}>{figure.otherMeasure}</span></>}
      </>} />
  );
}

function Kpi({ label, value, unit, sub, testId, title }: { label: string; value: string; unit: string; sub: ReactNode; testId?: string; title?: string }) {
  return (
    <div className="kpi" data-testid={testId} title={title}>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId === undefined ? undefined : `${testId}-value`}>{value}{unit !== "" && <small>{unit}</small>}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}

/** What the report covers — its window, its comparison, the region it follows — as chips under the title. */
export function ReportCoverage({ report }: { report: ServedReport }) {
  return (
    <div className="coverage" data-testid="report-coverage">
      {reportCoverage(report).map((c) => (
        <span key={c.key} className={`chip ${c.key === "comparison" && report.baselineName === undefined ? "wait" : "info"}`} data-testid={`coverage-${c.key}`}>
          {c.label} <b>{c.value}</b>{c.note !== "" && <span className="muted">{c.note}</span>}
        </span>
      ))}
    </div>
  );
}

/** The whole report of one run (with the region's view first when the run followed a region). */
export function ReportView({ runId, report, actions }: { runId: string; report: ServedReport; actions?: ReactNode }) {
  const s = report.scenario;
  return (
    <div data-testid="report">
      <div className="report-head">
        <div style={{ minWidth: 0 }}>
          <h1>{report.title}</h1>
          {s.description !== "" && <p className="desc">{s.description}</p>}
          <div className="meta-row">
            <span>run <b className="mono">{runId}</b></span>
            <span>horizon <b>{s.startMonth}</b> + <b>{s.months}</b> months</span>
            <span>seed <b>{s.seed}</b></span>
            {s.extendsChain.length > 0 && <span>extends <b>{s.extendsChain.join(" → ")}</b></span>}
            <span>dataset <b>{report.dataset.name} v{report.dataset.version}</b></span>
          </div>
          <ReportCoverage report={report} />
        </div>
        <span className="spacer" />
        {actions}
      </div>
      <HeadlineFigures report={report} />
      {report.regionView !== undefined && <RegionSection view={report.regionView} report={report} />}
      {report.warnings.length > 0 && (
        <div className="notice" role="note"><b>Assumptions the engine had to make:</b> {report.warnings.slice(0, 4).join(" · ")}{report.warnings.length > 4 ? ` · and ${report.warnings.length - 4} more` : ""}</div>
      )}
      <section className="section" aria-labelledby="h-prices">
        <h2 id="h-prices">Prices by market</h2>
        <p className="lede">Monthly price of the element in China's domestic market and outside China, US$ per kg of element content.</p>
        <PriceChart report={report} />
      </section>
      <div className="grid-2">
        <section className="section" aria-labelledby="h-sf-region">
          <h2 id="h-sf-region">Shortfall by importing region</h2>
          <p className="lede">Final use not met, all elements, t/month of element content.</p>
          <ShortfallChart report={report} by="region" />
        </section>
        <section className="section" aria-labelledby="h-sf-element">
          <h2 id="h-sf-element">Shortfall by element</h2>
          <p className="lede">Final use not met, all regions, t/month of element content.</p>
          <ShortfallChart report={report} by="element" />
        </section>
      </div>
      <section className="section" aria-labelledby="h-flows">
        <h2 id="h-flows">Flows, mine to end use</h2>
        <p className="lede">Element content moving between stages and regions in one month, t/month. Move the slider to pick the month; it opens, as the HTML report does, on the month of the largest final-use shortfall (all elements and regions) in the report's window.</p>
        <FlowsSection runId={runId} report={report} />
      </section>
      <section className="section" aria-labelledby="h-conc">
        <h2 id="h-conc">Concentration by stage</h2>
        <p className="lede">China's share of each stage's output over time; the table gives the top region, shares and the Herfindahl–Hirschman index at the first and last month.</p>
        <ConcentrationSection report={report} />
      </section>
      <section className="section" aria-labelledby="h-products">
        <h2 id="h-products">End products lost</h2>
        <p className="lede">Vehicles, generators and systems not built for lack of magnets, {reportPeriod(report)} and by month.</p>
        <EndProductsSection report={report} />
      </section>
      <section className="section" aria-labelledby="h-timeline">
        <h2 id="h-timeline">Policy timeline</h2>
        <p className="lede">When each measure is in force (suspensions removed).</p>
        <PolicyTimeline report={report} />
      </section>
      <section className="section" aria-labelledby="h-episodes">
        <h2 id="h-episodes">Shortage episodes</h2>
        <p className="lede">Runs of months in which an element in a region and stage was short by more than 1 % of need, largest first, by type as in the terminal and the HTML report:
          final demand unmet (stage “use”), and plants short of input (separation, metal or magnet output lost; final users may still be supplied from stocks or other producers).</p>
        <EpisodeTables report={report} />
      </section>
      {/* Reports saved before plant figures existed have none: the section is left out, as the HTML report leaves it out. */}
      {report.plantShortfalls !== undefined && (
        <section className="section" aria-labelledby="h-plants">
          <h2 id="h-plants">Plants that stop or fall short</h2>
          <p className="lede">Which mines and plants make well below {report.baselineName === undefined ? "their capacity while their stage is short of input" : "their output in the baseline run"}, from when, and how much output they lose: the suppliers a buyer of their products has to replace.</p>
          <PlantShortfallsSection report={report} />
        </section>
      )}
      {report.chinaOrigin.length > 0 && (
        <section className="section" aria-labelledby="h-origin">
          <h2 id="h-origin">Where the content comes from</h2>
          <p className="lede">Share of each importing region's use of Nd, Pr, Dy and Tb that was separated in China, over the first and the last 12 months — what an extraterritorial rule tests.</p>
          <ChinaOriginTable report={report} />
        </section>
      )}
      {report.chinaSupplyChanges.length > 0 && (
        <section className="section" aria-labelledby="h-china-supply">
          <h2 id="h-china-supply">Supply from China</h2>
          <p className="lede">What each importing region got from China {reportPeriod(report) === "over the horizon" ? "over the run" : reportPeriod(report)} against {report.baselineName ?? "the baseline"}, t of element content counted when licences clear, and the months its magnets from China fell below half of the baseline's.</p>
          <ChinaSupplyTable report={report} />
        </section>
      )}
      {report.policyCosts.length > 0 && (
        <section className="section" aria-labelledby="h-costs">
          <h2 id="h-costs">What the measures cost</h2>
          <p className="lede">Import duty importers paid (at the supplier's price; magnets with the value of making them) and top-ups paid to producers under price floors, US$ million by calendar year.</p>
          <PolicyCostsTable report={report} />
        </section>
      )}
      {report.gapClosers.length > 0 && (
        <section className="section" aria-labelledby="h-gap">
          <h2 id="h-gap">Who closed the gap</h2>
          <p className="lede">Extra output against {report.baselineName ?? "the baseline"}, by region and stage {reportPeriod(report)}, largest value first (at the run's first-month China prices; tonnes of element content beside it).</p>
          <GapClosersTable report={report} />
        </section>
      )}
      <section className="section" aria-labelledby="h-explore">
        <h2 id="h-explore">Explore the series</h2>
        <p className="lede">Every monthly figure the run stored, by variable, element, region and stage: one line per chosen element × region, summed over what is not chosen. The CSV holds exactly the rows counted here, in the layout of <code>series.csv</code>.</p>
        <SeriesExplorer key={runId} runId={runId} />
      </section>
    </div>
  );
}
