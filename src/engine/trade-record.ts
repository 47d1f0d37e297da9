/**
 * @module engine/trade-record
 * Approved shipments recorded sparsely: most supplier → buyer links carry nothing in a month (about
 * 1,600 of 23,000 in the bundled world), so a run keeps one entry per link and month that shipped
 * instead of a dense months × regions² × elements × forms array. Read it with `tradeEntries` or
 * `tradeTonnesOf`; the engine appends with `TradeRecorder`.
 */
import { FORM_COUNT } from "./constraints.js";

/**
 * Approved shipments (domestic on the diagonal), t, in the month they clear any licence queue. Entries of month `m` are the indices
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
 * capacity never written are never touched. A shipment held in a licence queue is recorded in the month it clears
 * (`later`), as customs count it; entries of one link in one month are merged, so each link appears once a month.
 */
export class TradeRecorder {
  /** Whether this run records trade. */
  readonly enabled: boolean;
  readonly monthStart: Int32Array;
  link: Int32Array;
  tonnes: Float32Array;
  count = 0;
  /** [link] index of the link's entry in the month being recorded, −1 when it has none yet (empty when links are not given). */
  readonly entryOfLink: Int32Array;
  /** Shipments waiting to clear: target month, link and tonnes (unordered; `#pending` in use). */
  #pendingMonth: Int32Array;
  #pendingLink: Int32Array;
  #pendingTonnes: Float64Array;
  #pending = 0;

  constructor(months: number, nodesPerMonth: number, enabled: boolean, reuse?: TradeRecord, links = 0) {
    this.enabled = enabled;
    this.entryOfLink = new Int32Array(enabled ? links : 0).fill(-1);
    this.#pendingMonth = new Int32Array(enabled ? 256 : 0);
    this.#pendingLink = new Int32Array(enabled ? 256 : 0);
    this.#pendingTonnes = new Float64Array(enabled ? 256 : 0);
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

  /**
   * Record `tonnes` on `link` in the month being recorded, a link that has no entry in it yet: shipping writes each link
   * once a month (its ship matrix sums every round). Shipments clearing later merge into it at the month's close.
   */
  append(link: number, tonnes: number): void {
    if (this.count === this.link.length) this.grow();
    this.link[this.count] = link;
    this.tonnes[this.count++] = tonnes;
  }

  /** Record a shipment in month `month` (a later month: when its licence clears). Months past the run are dropped. */
  later(month: number, link: number, tonnes: number): void {
    if (month >= this.monthStart.length - 1) return;
    if (this.#pending === this.#pendingMonth.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.#pendingMonth = grow(this.#pendingMonth, (n) => new Int32Array(n));
      this.#pendingLink = grow(this.#pendingLink, (n) => new Int32Array(n));
      this.#pendingTonnes = grow(this.#pendingTonnes, (n) => new Float64Array(n));
    }
    this.#pendingMonth[this.#pending] = month;
    this.#pendingLink[this.#pending] = link;
    this.#pendingTonnes[this.#pending++] = tonnes;
  }

  /**
   * Close month `month`: shipments clearing in it merge into the month's entry of their link (indexed only in a month
   * that has any, so plain appends touch no index), and the entries appended since the last close belong to it.
   */
  closeMonth(month: number): void {
    if (!this.enabled) return;
    let indexed = false;
    for (let k = 0; k < this.#pending; ) {
      if (this.#pendingMonth[k] !== month) {
        k++;
        continue;
      }
      if (!indexed) {
        for (let i = this.monthStart[month]!; i < this.count; i++) if (this.link[i]! < this.entryOfLink.length) this.entryOfLink[this.link[i]!] = i;
        indexed = true;
      }
      const link = this.#pendingLink[k]!;
      const known = link < this.entryOfLink.length ? this.entryOfLink[link]! : -1;
      if (known >= 0) this.tonnes[known]! += this.#pendingTonnes[k]!;
      else {
        if (link < this.entryOfLink.length) this.entryOfLink[link] = this.count;
        this.append(link, this.#pendingTonnes[k]!);
      }
      // Swap-remove: the last pending entry takes this place (and is looked at next).
      const last = --this.#pending;
      this.#pendingMonth[k] = this.#pendingMonth[last]!;
      this.#pendingLink[k] = this.#pendingLink[last]!;
      this.#pendingTonnes[k] = this.#pendingTonnes[last]!;
    }
    if (indexed) for (let i = this.monthStart[month]!; i < this.count; i++) if (this.link[i]! < this.entryOfLink.length) this.entryOfLink[this.link[i]!] = -1;
    this.monthStart[month + 1] = this.count;
  }

  /** The record of the run (views of the used part of the buffers). */
  finish(): TradeRecord {
    return { recorded: this.enabled, monthStart: this.monthStart, link: this.link.subarray(0, this.count), tonnes: this.tonnes.subarray(0, this.count) };
  }
}
