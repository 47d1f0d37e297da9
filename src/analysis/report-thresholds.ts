/**
 * @module analysis/report-thresholds
 * The thresholds the report's marks use, apart from the code that computes them, so views (terminal, HTML, dashboard)
 * can word them without importing the analysis (which pulls in the engine).
 */

/**
 * An episode whose peak is at least this multiple of the baseline's in the same months is worse than the baseline's;
 * one whose peak is at most the baseline's divided by it is milder; in between, with the baseline short there at all,
 * it is the baseline's too ("also"). The three never overlap.
 */
export const WORSE_THAN_BASELINE_RATIO = 1.25;

/** An added plant running below this share of its capacity (on the whole percent the tables print) says why. */
export const ADDED_PLANT_LOW_USE_SHARE = 0.7;
