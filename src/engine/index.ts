/**
 * @module engine
 * The simulation engine: compile a validated world into typed arrays, step it month by month under
 * compiled policy constraints, and query the plain-data result. Pure and isomorphic (no Node APIs,
 * no clock, no `Math.random`). It does not load files, parse scenarios or interpret policies.
 */
export { compileModel, CompileOptionsError, monthLabel, monthNumber } from "./compile.js";
export type { CompileOptions } from "./compile.js";
export { MARKETS, STAGE_CODES, STAGE_COUNT } from "./compiled-model.js";
export type { CompiledModel } from "./compiled-model.js";
export {
  assertConstraintsFit, ConstraintShapeError, copySegment, createNeutralConstraints, createNeutralSegment,
  cellMaskOf, FORM_COUNT, FORM_INDEX, FORMS, MIXED_PRODUCT_FORM, tradeConstraintOffset,
} from "./constraints.js";
export type {
  ConstraintSegment, ConstraintShape, EngineConstraints, ExportQuota, ExtraterritorialRule, Form, PriceFloor, StockChange,
} from "./constraints.js";
export { PARAMETER_IDS, PARAMETER_SPECS } from "./parameters.js";
export type { ParameterId, ParameterRanges, ParameterValues } from "./parameters.js";
export { createRandom } from "./random.js";
export type { RandomSource } from "./random.js";
export { RESPONSE_COUNT } from "./result.js";
export type { RecordOptions, SimulationResult } from "./result.js";
export { runSimulation } from "./run.js";
export { decodeTradeLink, tradeEntries, tradeLinkOf, tradeTonnesOf } from "./trade-record.js";
export type { TradeEntry, TradeRecord } from "./trade-record.js";
export type { RunOptions } from "./run.js";
export { flowGraph, SelectionError, seriesFor, totalOver, VARIABLES } from "./results.js";
export type { FlowGraphLink, FlowGraphNode, ResultFlowGraph, Selection, Variable } from "./results.js";
