/**
 * @module engine/trade-record
 * Approved shipments recorded sparsely: most supplier → buyer links carry nothing in a month (about
 * 1,600 of 23,000 in the bundled world), so a run keeps one entry per link and month that shipped
 * instead of a dense months × regions² × elements × forms array. Read it with `tradeEntries` or
 * `tradeTonnesOf`; the engine appends with `TradeRecorder`.
 */
import { FORM_COUNT } from "./constraints.js";

/**
 * Approved shipments (domestic on the diagonal), t. Entries of month `m` are the indices
 * `monthStart[m] … monthStart[m + 1] − 1`; each names its link once per month. Empty arrays when trade
 * was not recorded (`recorded` false).
 */
export interface TradeRecord {
  /** Whether the run recorded trade flows. */
  readonly recorded: boolean;
  /** First entry of each month, and the entry count at the end; `[month + 1]`. */
  readonly monthStart: Int32Array;
  /** Link of each entry: `((from × regions + to) × elements + element) × 4 + form` (see `tradeLinkOf`). */
  readonly link: Int32Array;
  /** Approved tonnes of element content of each entry. */
  readonly tonnes: Float32Array;
}

/** The link code of `from → to` for an element and form (the `link` of a `TradeRecord` entry). */
export function tradeLinkOf(regions: number, elements: number, from: number, to: number, element: number, form: number): number {
  return ((from * regions + to) * elements + element) * FORM_COUNT + form;
}

/** One decoded entry. */
export interface TradeEntry {
  readonly from: number;
  readonly to: number;
  readonly element: number;
  readonly form: number;
  readonly tonnes: number;
}

/** Decode a link code into `[from, to, element, form]`. */
export function decodeTradeLink(regions: number, elements: number, link: number): [from: number, to: number, element: number, form: number] {
  const form = link % FORM_COUNT;
  let rest = (link - form) / FORM_COUNT;
  const element = rest % elements;
  rest = (rest - element) / elements;
  const to = rest % regions;
  const from = (rest - to) / regions;
  return [from, to, element, form];
}

/** Every entry of month `month`, decoded (an empty list when trade was not recorded). */
export function tradeEntries(trade: TradeRecord, regions: number, elements: number, month: number): TradeEntry[] {
  if (!trade.recorded || month < 0 || month + 1 >= trade.monthStart.length) return [];
  const out: TradeEntry[] = [];
  for (let k = trade.monthStart[month]!; k < trade.monthStart[month + 1]!; k++) {
    const [from, to, element, form] = decodeTradeLink(regions, elements, trade.link[k]!);
    out.push({ from, to, element, form, tonnes: trade.tonnes[k]! });
  }
  return out;
}

/** Approved tonnes on one link in one month (0 when nothing shipped or trade was not recorded). */
export function tradeTonnesOf(trade: TradeRecord, regions: number, elements: number, month: number, from: number, to: number, element: number, form: number): number {
  if (!trade.recorded || month < 0 || month + 1 >= trade.monthStart.length) return 0;
  const link = tradeLinkOf(regions, elements, from, to, element, form);
  for (let k = trade.monthStart[month]!; k < trade.monthStart[month + 1]!; k++) if (trade.link[k] === link) return trade.tonnes[k]!;
  return 0;
}

/**
 * Appends entries during a run. Capacity starts at two entries per user node and month and doubles when
 * full (the only allocation a run may make after setup; rare, and none in the bundled world). Pages of the
 * capacity never written are never touched.
 */
export class TradeRecorder {
  /** Whether this run records trade. */
  readonly enabled: boolean;
  readonly monthStart: Int32Array;
  link: Int32Array;
  tonnes: Float32Array;
  count = 0;

  constructor(months: number, nodesPerMonth: number, enabled: boolean, reuse?: TradeRecord) {
    this.enabled = enabled;
    if (!enabled) {
      this.monthStart = new Int32Array(0);
      this.link = new Int32Array(0);
      this.tonnes = new Float32Array(0);
      return;
    }
    const capacity = Math.max(1024, months * nodesPerMonth * 2);
    const usable = reuse?.recorded === true && reuse.monthStart.length === months + 1;
    // A reused record's buffers hold its old entries: zero the part it used, so a reused run equals a fresh one.
    this.monthStart = usable ? reuse.monthStart.fill(0) : new Int32Array(months + 1);
    this.link = usable ? new Int32Array(reuse.link.buffer) : new Int32Array(capacity);
    this.tonnes = usable ? new Float32Array(reuse.tonnes.buffer) : new Float32Array(capacity);
    if (usable) {
      this.link.fill(0, 0, reuse.link.length);
      this.tonnes.fill(0, 0, reuse.tonnes.length);
    }
  }

  /** Make room for at least one more entry (doubles the capacity). */
  grow(): void {
    const link = new Int32Array(this.link.length * 2);
    const tonnes = new Float32Array(this.tonnes.length * 2);
    link.set(this.link);
    tonnes.set(this.tonnes);
    this.link = link;
    this.tonnes = tonnes;
  }

  /** Close month `month`: the entries appended since the last close belong to it. */
  closeMonth(month: number): void {
    if (this.enabled) this.monthStart[month + 1] = this.count;
  }

  /** The record of the run (views of the used part of the buffers). */
  finish(): TradeRecord {
    return { recorded: this.enabled, monthStart: this.monthStart, link: this.link.subarray(0, this.count), tonnes: this.tonnes.subarray(0, this.count) };
  }
}
