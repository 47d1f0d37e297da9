/**
 * @module web/views/world/references-table
 * The published references of the World view: each reference point of the dataset beside the
 * figure computed from it, marked ok or departs (beyond its tolerance), with its sources — what
 * `chokepoint facts` prints under its table. Shows the API's figures; computes nothing.
 */
import type { Source } from "../../../../src/model/world-schema.js";
import type { WorldFacts } from "../../../../src/analysis/facts.js";
import { citationsOf, describeReferenceCheck, formatReferenceTolerance, GROUP_TITLES, numberedChecks, STAGE_TITLES } from "../../lib/world-facts.js";

const MEASURE_TITLES = { "region-share": "share of the stage", "feed-share": "share of the feed", "total-tonnes": "total output" } as const;

/** One row per reference point, numbered as in the facts table. */
export function ReferencesTable({ facts, sources }: { facts: WorldFacts; sources: readonly Source[] }) {
  return (
    <div className="table-scroll">
      <table className="data refs" aria-label="Published references" data-testid="references">
        <thead>
          <tr>
            <th className="num">#</th><th>stage · elements</th><th>what</th><th className="num">published</th><th className="num">computed</th>
            <th>check</th><th>confidence</th><th>source</th>
          </tr>
        </thead>
        <tbody>
          {numberedChecks(facts).map(({ number, check }) => {
            const ref = check.reference;
            const { what, published, computed } = describeReferenceCheck(check);
            return (
              <tr key={ref.id} data-departs={check.isDeparture}>
                <td className="num muted">[{number}]</td>
                <td>{STAGE_TITLES[ref.stage] ?? ref.stage} · {GROUP_TITLES[ref.elements] ?? ref.elements}</td>
                <td>{ref.measure === "total-tonnes" ? MEASURE_TITLES[ref.measure] : <>{what} <span className="muted small">{MEASURE_TITLES[ref.measure]}</span></>}</td>
                <td className="num">{published}{ref.measure === "total-tonnes" ? " t" : ""} <span className="muted small">±{formatReferenceTolerance(check)}</span></td>
                <td className="num">{computed}{ref.measure === "total-tonnes" ? " t" : ""}</td>
                <td>{check.isDeparture ? <span className="chip bad">departs</span> : <span className="chip ok">ok</span>}</td>
                <td className="muted">{ref.confidence}</td>
                <td className="source">
                  {citationsOf(check, sources).map((c, i) => (
                    <span key={i}>{i > 0 && "; "}{c.url === undefined ? c.text : <a href={c.url} target="_blank" rel="noreferrer">{c.text}</a>}</span>
                  ))}
                  {ref.note !== undefined && <span className="muted small"> — {ref.note}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
