/**
 * @module policy/compile
 * Compiles active policies into engine constraints: month by month, the policies in force (with
 * the share of the month they are in force) edit a copy of the neutral segment; months with the
 * same edits share one segment. List constraints and world changes are gathered from each kind.
 */
import { createNeutralSegment, type ConstraintSegment, type ConstraintShape, type EngineConstraints } from "../model/constraints.js";
import type { World } from "../model/world-schema.js";
import { activeRuns, createPolicyContext, type ConstraintLists } from "./context.js";
import { handlerFor, type Policy } from "./kinds.js";

/** A policy with the fraction of each simulated month in which it is in force (0–1). */
export interface ActivePolicy {
  readonly policy: Policy;
  readonly activeFractionByMonth: Float64Array;
}

/**
 * Apply the policies that change facilities (new capacity) to a world, in order.
 * `monthOf(index)` turns a month index into `YYYY-MM` (the first active month of each policy).
 */
export function applyPoliciesToWorld(world: World, policies: readonly ActivePolicy[], monthOf: (index: number) => string): World {
  let out = world;
  for (const { policy, activeFractionByMonth } of policies) {
    const handler = handlerFor(policy);
    if (handler.transformWorld === undefined) continue;
    const first = activeRuns(activeFractionByMonth)[0];
    // A facility decision dated before the run starts takes effect from the first month.
    out = handler.transformWorld(out, policy, monthOf(first?.fromMonth ?? 0));
  }
  return out;
}

/**
 * Compile policies into engine constraints for a model of the given shape (the world must be the
 * one the model was compiled from, after `applyPoliciesToWorld`).
 * @example const constraints = compilePolicies(active, model, world, "2024-01");
 */
export function compilePolicies(policies: readonly ActivePolicy[], shape: ConstraintShape, world: World, startMonth: string): EngineConstraints {
  const ctx = createPolicyContext(shape, world, startMonth);
  const segments: ConstraintSegment[] = [];
  const segmentOfMonth = new Int32Array(shape.months);
  const segmentByKey = new Map<string, number>();
  for (let month = 0; month < shape.months; month++) {
    const parts: string[] = [];
    const acting: { policy: Policy; fraction: number; fractions: Float64Array }[] = [];
    policies.forEach(({ policy, activeFractionByMonth }, i) => {
      const handler = handlerFor(policy);
      if (handler.applyToSegment === undefined) return;
      const fraction = activeFractionByMonth[month] ?? 0;
      if (fraction <= 0 && handler.isPersistent !== true) return;
      const key = handler.segmentKey?.(policy, fraction, month, ctx, activeFractionByMonth) ?? fraction.toFixed(9);
      if (key === "") return;
      parts.push(`${i}:${key}`);
      acting.push({ policy, fraction, fractions: activeFractionByMonth });
    });
    const key = parts.join("|");
    let index = segmentByKey.get(key);
    if (index === undefined) {
      const segment = createNeutralSegment(shape);
      for (const a of acting) handlerFor(a.policy).applyToSegment?.(segment, a.policy, a.fraction, month, ctx, a.fractions);
      index = segments.push(segment) - 1;
      segmentByKey.set(key, index);
    }
    segmentOfMonth[month] = index;
  }
  const lists: ConstraintLists = { exportQuotas: [], extraterritorialRules: [], stockChanges: [], priceFloors: [] };
  for (const { policy, activeFractionByMonth } of policies) handlerFor(policy).collectLists?.(policy, activeFractionByMonth, ctx, lists);
  return { months: shape.months, segmentOfMonth, segments, ...lists };
}
