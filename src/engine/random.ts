/**
 * @module engine/random
 * A small seeded pseudo-random generator (mulberry32) so runs are reproducible on any machine.
 * Not cryptographic; never reads a clock or `Math.random()`.
 */

/** A seeded stream of uniform numbers in [0, 1). */
export interface RandomSource {
  /** Next uniform number in [0, 1). */
  next(): number;
}

/**
 * Create a mulberry32 generator from a 32-bit integer seed (other numbers are truncated to 32 bits).
 * @example const rng = createRandom(7); rng.next(); // same value on every machine
 */
export function createRandom(seed: number): RandomSource {
  let state = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A uniform draw in [low, high] from `rng`. */
export function uniformBetween(rng: RandomSource, low: number, high: number): number {
  return low + (high - low) * rng.next();
}
