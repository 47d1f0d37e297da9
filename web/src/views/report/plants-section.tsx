/**
 * @module web/views/report/plants-section
 * "Plants that stop or fall short": each mine and plant that made well below its baseline output (or its capacity while
 * its stage was short of input), as the HTML report's table shows it. Lays out `web/lib/plant-shortfalls`; computes nothing.
 */
import { useMemo, useState } from "react";
import type { RunReport } from "../../../../src/analysis/report-model.js";
import { regionColour } from "../../charts/palette.js";
import { plantTable, stripBars, type PlantRow } from "../../lib/plant-shortfalls.js";
import { reportWindow } from "../../../../src/report/report-window.js";

/** Rows shown before "Show all". */
const ROWS_SHOWN = 12;
/** Size of a row's month strip, px (as the HTML report's). */
const STRIP_WIDTH_PX = 180;
const STRIP_HEIGHT_PX = 14;

/** The section's body: how to read it, then the table, largest loss first; nothing for a report saved before plant figures existed. */
export function PlantShortfallsSection({ report }: { report: RunReport }) {
  const table = useMemo(() => plantTable(report), [report]);
  const [all, setAll] = useState(false);
  if (table === undefined) return null;
  if (table.rows.length === 0) return <p className="empty" data-testid="plant-shortfalls-empty">{table.empty}</p>;
  const rows = all ? table.rows : table.rows.slice(0, ROWS_SHOWN);
  const w = reportWindow(report);
  return (
    <>
      <p className="small muted" style={{ maxWidth: "110ch", marginTop: 0, marginBottom: 10 }}>{table.note} The strip shows the whole run, darker for a larger share lost{w.trimmed ? `, the months before ${w.from} shaded` : ""}.</p>
      <table className="data plants" aria-label="Plants that stop or fall short" data-testid="plant-shortfalls">
        <caption>{table.caption}</caption>
        <thead>
          <tr><th>plant</th><th>region</th><th>stage</th><th>months short</th><th>from</th><th>worst month</th><th>short of</th><th className="num">output lost</th><th className="num" title={table.shareTitle}>{table.shareHeader}</th></tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.facility} data-facility={x.facility}>
              <td className="plant">{x.name}<span className="id mono">{x.facility}</span></td>
              <td><span className="swatch" style={{ background: regionColour(x.region) }} />{x.region}</td>
              <td>{x.stage}</td>
              <td><MonthStrip row={x} monthLabels={report.monthLabels} windowFrom={w.from} /></td>
              <td className="mono">{x.from}</td><td className="mono">{x.worst}</td><td>{x.shortOf}</td>
              <td className="num">{x.lost}</td><td className="num">{x.lostShare}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > ROWS_SHOWN && (
        <button className="btn" type="button" style={{ marginTop: 8 }} onClick={() => setAll(!all)}>{all ? "Show the largest losses only" : `Show all ${table.rows.length}`}</button>
      )}
    </>
  );
}

/** The run's months: red where the facility made more than 10 % less, darker the larger the share; months before the window shaded. */
function MonthStrip({ row, monthLabels, windowFrom }: { row: PlantRow; monthLabels: readonly string[]; windowFrom: string }) {
  const months = row.shareLostByMonth.length;
  if (months === 0) return null;
  const step = STRIP_WIDTH_PX / months;
  const before = Math.max(0, monthLabels.indexOf(windowFrom));
  return (
    <svg className="strip" width={STRIP_WIDTH_PX} height={STRIP_HEIGHT_PX} viewBox={`0 0 ${STRIP_WIDTH_PX} ${STRIP_HEIGHT_PX}`} role="img" aria-label={`${row.monthsShort} month${row.monthsShort === 1 ? "" : "s"} short from ${row.from}; worst ${row.worst}`}>
      <rect width={STRIP_WIDTH_PX} height={STRIP_HEIGHT_PX} fill="#f0f2f5" />
      {before > 0 && <rect width={before * step} height={STRIP_HEIGHT_PX} fill="#5a6472" fillOpacity={0.18} />}
      {/* A faint tick at each January after the first month, under the bars. */}
      {monthLabels.map((label, m) => (m > 0 && m < months && label.endsWith("-01") ? <rect key={`t${m}`} x={m * step} width={0.6} height={STRIP_HEIGHT_PX} fill="#8a93a0" /> : null))}
      {stripBars(row.shareLostByMonth).map((b) => <rect key={b.start} x={b.start * step} width={(b.end - b.start) * step} height={STRIP_HEIGHT_PX} fill="#b2382c" fillOpacity={0.3 + 0.07 * b.tenths} />)}
    </svg>
  );
}
