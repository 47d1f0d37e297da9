/**
 * @module report/backstop-note
 * The note under a price table where a peak reached the backstop (docs/model.md §11).
 */
/** What "(backstop)" beside a peak price means (terminal and HTML). */
export const BACKSTOP_NOTE =
  "(backstop): the price reached its ceiling, price.backstopMultiple (50 unless overridden) × its 2024 price, where users would rather do without the element than pay more; beyond it the market is rationed by allocation alone (see the shortages above). docs/model.md §11.";
