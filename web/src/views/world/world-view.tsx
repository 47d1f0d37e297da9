/**
 * @module web/views/world/world-view
 * The World view: what the model starts from. The dataset's concentration by stage and element
 * group, China's share by stage, and the published references the figures should meet, from
 * `GET /api/world/facts`. Before any scenario runs; simulated results are the Results view.
 */
import { useMemo } from "react";
import type { WorldFacts } from "../../../../src/analysis/facts.js";
import { api } from "../../api/client.js";
import { Chart } from "../../charts/chart.js";
import { groupedBarOption } from "../../charts/options.js";
import { elementColour, INK } from "../../charts/palette.js";
import { useLoad } from "../../hooks.js";
import { formatShare } from "../../lib/format.js";
import { chinaSharePercentByStage, GROUP_TITLES, keyReadings, STAGE_TITLES } from "../../lib/world-facts.js";
import { FactsTable } from "./facts-table.js";
import { ReferencesTable } from "./references-table.js";

const GROUP_COLOURS: Readonly<Record<string, string>> = { all: INK.muted, NdPr: elementColour("Nd"), Dy: elementColour("Dy"), Tb: elementColour("Tb") };
/** Stages whose China share leads the page, all REEs. */
const HEADLINE_STAGES = ["mine", "separation", "metal", "magnet"] as const;

/** The world dataset's structure and its checks. */
export function WorldView() {
  const [loaded] = useLoad(() => api.getWorldFacts(), []);
  if (loaded.state === "loading") return <div className="panel empty">Loading the world's facts…</div>;
  if (loaded.state === "failed") return <div className="notice bad" role="alert">Could not load the world's facts: {loaded.error.message}</div>;
  const facts = loaded.value;
  const departures = facts.references.filter((c) => c.isDeparture).length;
  return (
    <div data-testid="world">
      <div className="report-head">
        <div style={{ minWidth: 0 }}>
          <h1>What the model starts from</h1>
          <p className="desc">
            The world dataset as calibrated, before any scenario runs: how concentrated each stage of the chain is, by element group,
            beside the published figures it should meet. The same figures as <code>chokepoint facts</code>.
          </p>
          <div className="meta-row">
            <span>dataset <b>{facts.dataset.name} v{facts.dataset.version}</b></span>
            <span>calibration year <b>{facts.dataset.calibrationYear}</b></span>
            <span>reference points <b>{facts.references.length}</b>, departing beyond tolerance <b>{departures}</b></span>
          </div>
        </div>
      </div>
      <HeadlineShares facts={facts} />
      <section className="section" aria-labelledby="h-facts">
        <h2 id="h-facts">Concentration by stage and element group</h2>
        <p className="lede">
          Output of each stage in the calibration year. Mining and separation in t REO; metal in t metal and magnets in t magnet for all REEs,
          element content otherwise; demand in t of element content. Shares are of the stage's total; HHI (Herfindahl–Hirschman) on 0–10,000,
          above 2,500 is highly concentrated. Light = La–Nd; heavy = Sm–Lu, Y, Sc. [n] marks the published reference the row is checked against.
        </p>
        <FactsTable facts={facts} />
      </section>
      <div className="grid-2">
        <section className="section" aria-labelledby="h-china-share">
          <h2 id="h-china-share">China's share by stage</h2>
          <p className="lede">Share of each stage's output located in China, % — all rare earths, the magnet elements Nd+Pr, and the heavy Dy and Tb.</p>
          <ChinaShareChart facts={facts} />
        </section>
        <section className="section" aria-labelledby="h-reading">
          <h2 id="h-reading">Reading the figures</h2>
          <p className="lede">What the table says, computed from the same facts. <b>ok</b>: the computed figure is within the reference's tolerance; <b>departs</b>: it is not.</p>
          <ul className="reading" data-testid="world-readings">
            {keyReadings(facts).map((text) => <li key={text}>{text}</li>)}
          </ul>
        </section>
      </div>
      <section className="section" aria-labelledby="h-references">
        <h2 id="h-references">Published references</h2>
        <p className="lede">Each reference point of the dataset: the published figure with its tolerance, the figure computed from the dataset, and the sources.</p>
        <ReferencesTable facts={facts} sources={loaded.value.sources} />
      </section>
    </div>
  );
}

/** China's share of mining, separation, metal and magnets, all rare earths, as cards. */
function HeadlineShares({ facts }: { facts: WorldFacts }) {
  return (
    <div className="kpis" data-testid="world-kpis">
      {HEADLINE_STAGES.map((stage) => {
        const all = facts.facts.find((f) => f.stage === stage && f.group === "all");
        const heavy = facts.facts.find((f) => f.stage === stage && f.group === "heavy");
        if (all === undefined) return null;
        return (
          <div className="kpi" key={stage}>
            <div className="label">China's share of {(STAGE_TITLES[stage] ?? stage).toLowerCase()}, all REEs</div>
            <div className="value">{formatShare(all.chinaShare)}</div>
            <div className="sub">heavy REEs {heavy === undefined ? "–" : formatShare(heavy.chinaShare)} · HHI {Math.round(all.hhi).toLocaleString("en-US")}</div>
          </div>
        );
      })}
    </div>
  );
}

function ChinaShareChart({ facts }: { facts: WorldFacts }) {
  const option = useMemo(() => {
    const { stages, groups } = chinaSharePercentByStage(facts.facts);
    return groupedBarOption({
      categories: stages.map((s) => STAGE_TITLES[s] ?? s),
      groups: groups.map((g) => ({ name: GROUP_TITLES[g.group] ?? g.group, values: g.percents, color: GROUP_COLOURS[g.group] ?? INK.muted })),
      valueAxisName: "China's share of the stage, %",
      formatValue: (v) => `${v.toFixed(0)} %`,
      min: 0, max: 100,
    });
  }, [facts]);
  return <Chart option={option} height={340} label="China's share of each stage's output, percent, for all rare earths, Nd+Pr, Dy and Tb" testId="world-china-share" />;
}
