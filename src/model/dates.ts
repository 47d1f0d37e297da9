/**
 * @module model/dates
 * Day arithmetic for policy windows: dates as whole days since 1970-01-01 (UTC), months as indices.
 */

/** Day number (days since 1970-01-01 UTC) of `YYYY-MM-DD`, or of the first day of `YYYY-MM`. */
export function dayNumberOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number | undefined];
  return Math.round(Date.UTC(y, m - 1, d ?? 1) / 86_400_000);
}

/** Month index of `YYYY-MM` relative to `startMonth` (0 = the start month). */
export function monthOffset(startMonth: string, month: string): number {
  const [y0, m0] = startMonth.split("-").map(Number) as [number, number];
  const [y1, m1] = month.split("-").map(Number) as [number, number];
  return (y1 - y0) * 12 + (m1 - m0);
}

/** `YYYY-MM` of the month `offset` months after `startMonth`. */
export function addMonths(startMonth: string, offset: number): string {
  const [y, m] = startMonth.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** A half-open window of days [fromDay, untilDay); untilDay may be Infinity. */
export interface DayWindow {
  readonly fromDay: number;
  readonly untilDay: number;
}

/** Subtract windows from one window; returns the pieces left, in order. */
export function subtractWindows(window: DayWindow, holes: readonly DayWindow[]): DayWindow[] {
  let pieces: DayWindow[] = [window];
  for (const hole of holes) {
    pieces = pieces.flatMap((p) => {
      if (hole.untilDay <= p.fromDay || hole.fromDay >= p.untilDay) return [p];
      const out: DayWindow[] = [];
      if (hole.fromDay > p.fromDay) out.push({ fromDay: p.fromDay, untilDay: hole.fromDay });
      if (hole.untilDay < p.untilDay) out.push({ fromDay: hole.untilDay, untilDay: p.untilDay });
      return out;
    });
  }
  return pieces;
}

/** Whether two sets of windows share at least one day. */
export function windowsOverlap(a: readonly DayWindow[], b: readonly DayWindow[]): boolean {
  return a.some((x) => b.some((y) => x.fromDay < y.untilDay && y.fromDay < x.untilDay));
}

/**
 * For each month of a horizon, the fraction of its days covered by the windows (0–1):
 * a measure dated to a day takes effect in that month pro rata by days.
 */
export function activeFractionByMonth(windows: readonly DayWindow[], startMonth: string, months: number): Float64Array {
  const out = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    const first = dayNumberOf(addMonths(startMonth, m));
    const next = dayNumberOf(addMonths(startMonth, m + 1));
    let covered = 0;
    for (const w of windows) covered += Math.max(0, Math.min(next, w.untilDay) - Math.max(first, w.fromDay));
    out[m] = Math.min(1, covered / (next - first));
  }
  return out;
}
