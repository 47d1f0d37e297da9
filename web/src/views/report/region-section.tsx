/**
 * @module web/views/report/region-section
 * "Your region": the key figures of the region a run followed, from the report's `regionView` (as the HTML report's
 * section of that name shows them). Lays out `regionCards`; computes nothing.
 */
import type { RunReport } from "../../../../src/analysis/report-model.js";
import type { RegionView } from "../../../../src/report/region-view.js";
import { regionCards, regionIntro, type RegionCard } from "../../lib/region-figures.js";

/** Lines a card lists before the rest fold under "+N more". */
const SHOWN_ITEMS = 5;

/** The section, with one card per key figure. */
export function RegionSection({ view, report }: { view: RegionView; report: RunReport }) {
  return (
    <section className="section" aria-labelledby="h-region" data-testid="region-view" data-region={view.region}>
      <h2 id="h-region">Your region: {view.regionName} ({view.region})</h2>
      <p className="lede">{regionIntro(view, report)}</p>
      <div className="region-cards">
        {regionCards(view, report).map((card) => <Card key={card.key} card={card} />)}
      </div>
    </section>
  );
}

function Card({ card }: { card: RegionCard }) {
  const items = card.items.map((x, i) => <li key={i}><strong>{x.strong}</strong> {x.main}{x.muted !== "" && <span className="muted"> {x.muted}</span>}</li>);
  const table = card.table !== undefined && card.table.rows.length > 0 && (
    <table className="compact">
      <thead><tr>{card.table.head.map((h, i) => <th key={i} className={i === 0 ? undefined : "num"}>{h}</th>)}</tr></thead>
      <tbody>{card.table.rows.map((row) => <tr key={row[0]}>{row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className="num">{cell}</td>))}</tr>)}</tbody>
    </table>
  );
  const isEmpty = card.items.length === 0 && (card.table === undefined || card.table.rows.length === 0);
  return (
    <div className="region-card" data-testid={`region-card-${card.key}`}>
      <h3>{card.title}</h3>
      {isEmpty ? <p className="muted small">{card.empty}</p> : (
        <>
          {items.length > 0 && <ul className="plain">{items.slice(0, SHOWN_ITEMS)}</ul>}
          {items.length > SHOWN_ITEMS && (
            <details className="more"><summary>+{items.length - SHOWN_ITEMS} more</summary><ul className="plain">{items.slice(SHOWN_ITEMS)}</ul></details>
          )}
          {table}
          {card.note !== undefined && <p className="muted small">{card.note}</p>}
        </>
      )}
    </div>
  );
}
