/**
 * @module analysis
 * Reads worlds and simulation results and turns them into figures people ask for: concentration
 * facts, comparisons, exposure. It never reaches into the engine's state.
 */
export { computeWorldFacts, elementsOfGroup, feedShare, stageFact } from "./facts.js";
export type { ElementGroup, ReferenceCheck, StageFact, WorldFacts } from "./facts.js";
export { averageRecipeByMagnetType, computeStageBalance } from "./stage-balance.js";
export type { FeedTable, StageBalance, StageTable } from "./stage-balance.js";
