/**
 * @module policy/handler
 * The contract every policy kind fulfils, so compilation never switches on kinds: a kind declares
 * how it edits a month's constraint segment, which list constraints it adds, and how it changes
 * the world before compilation. All optional; a kind implements what it does.
 */
import type { World } from "../model/world-schema.js";
import type { ConstraintLists, ConstraintSegment, PolicyCompileContext } from "./context.js";

/** How one policy kind compiles. `P` is the kind's parsed policy type. */
export interface PolicyHandler<P> {
  /**
   * Edit a segment for a month in which the policy is active for `fraction` of the days (0–1].
   * Must be a pure function of (policy, fraction, month) so equal keys give equal segments.
   */
  readonly applyToSegment?: (segment: ConstraintSegment, policy: P, fraction: number, month: number, ctx: PolicyCompileContext, fractions: Float64Array) => void;
  /** A key that identifies the segment edit for this month (default: the fraction); equal keys must mean equal edits. */
  readonly segmentKey?: (policy: P, fraction: number, month: number, ctx: PolicyCompileContext, fractions: Float64Array) => string;
  /** When true the segment edit is asked for every month, not only active ones (effects that outlast the measure). */
  readonly isPersistent?: boolean;
  /** Add list constraints from the per-month active fractions. */
  readonly collectLists?: (policy: P, fractions: Float64Array, ctx: PolicyCompileContext, lists: ConstraintLists) => void;
  /** Change the world before it is compiled (new or changed facilities). Returns a new world. */
  readonly transformWorld?: (world: World, policy: P, activeFromMonth: string) => World;
}
