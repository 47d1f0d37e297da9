/**
 * @module web/views/world/facts-table
 * The facts table of the World view: per stage and element group the total with its unit, the top
 * region and its share, the top-3 share, HHI and China's share, with the published references that
 * check the row marked ok or departs. It shows `GET /api/world/facts`; it computes nothing.
 */
import type { WorldFacts } from "../../../../src/analysis/facts.js";
import { stageColour } from "../../charts/palette.js";
import { formatShare, formatTonnes } from "../../lib/format.js";
import { checksOfFact, describeReferenceCheck, factsByStage, GROUP_TITLES, numberedChecks, STAGE_TITLES, type NumberedCheck } from "../../lib/world-facts.js";

/** One row per stage and element group. */
export function FactsTable({ facts }: { facts: WorldFacts }) {
  const checks = numberedChecks(facts);
  return (
    <div className="table-scroll">
      <table className="data facts" aria-label="Concentration by stage and element group" data-testid="facts-table">
        <thead>
          <tr>
            <th>stage</th><th>elements</th><th className="num">total</th><th>unit</th><th>top region</th><th className="num">its share</th>
            <th className="num">top-3 share</th><th className="num">HHI <span style={{ whiteSpace: "nowrap" }}>(0–10,000)</span></th><th className="num">China's share</th><th>published reference</th>
          </tr>
        </thead>
        {factsByStage(facts.facts).map(({ stage, facts: rows }) => (
          <tbody key={stage}>
            {rows.map((fact, i) => (
              <tr key={fact.group} data-stage={stage} data-group={fact.group}>
                {i === 0 && <th scope="rowgroup" rowSpan={rows.length}><span className="swatch" style={{ background: stageColour(stage) }} />{STAGE_TITLES[stage] ?? stage}</th>}
                <td>{GROUP_TITLES[fact.group] ?? fact.group}</td>
                <td className="num">{formatTonnes(fact.totalTonnes)}</td>
                <td className="muted">{fact.unit}</td>
                <td>{fact.topRegion ?? "–"}</td>
                <td className="num">{fact.topRegion === undefined ? "–" : formatShare(fact.topRegionShare)}</td>
                <td className="num">{formatShare(fact.top3Share)}</td>
                <td className="num">{Math.round(fact.hhi).toLocaleString("en-US")}</td>
                <td className="num"><ShareBar share={fact.chinaShare} /></td>
                <td>{checksOfFact(checks, fact).map((c) => <ReferenceMark key={c.number} numbered={c} />)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** A share as a percent over a faint bar of its size. */
function ShareBar({ share }: { share: number }) {
  return (
    <span className="share-bar" title={`China's share: ${formatShare(share)}`}>
      <span style={{ width: `${Math.min(100, Math.max(0, share * 100))}%` }} />
      <b>{formatShare(share)}</b>
    </span>
  );
}

/** `[1] CN 69% ok`, or `[3] CN 91% departs (95%)` beside the row a reference checks. */
function ReferenceMark({ numbered: { number, check } }: { numbered: NumberedCheck }) {
  const { what, published, computed } = describeReferenceCheck(check);
  return (
    <span className={`ref-mark ${check.isDeparture ? "departs" : "ok"}`} title={`reference [${number}]: published ${published}, computed ${computed}`}>
      [{number}] {what} {published} <b>{check.isDeparture ? `departs (${computed})` : "ok"}</b>
    </span>
  );
}
