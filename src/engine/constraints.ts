/**
 * @module engine/constraints
 * The engine's view of the policy seam. The constraint types live in `model/constraints` (policies
 * below the engine compile into them); this re-exports them for the engine and its users.
 */
export {
  assertConstraintsFit, cellMaskOf, ConstraintShapeError, copySegment, createNeutralConstraints, createNeutralSegment, FORM_COUNT,
  FORM_INDEX, FORMS, MIXED_PRODUCT_FORM, tradeConstraintOffset,
} from "../model/constraints.js";
export type {
  ConstraintSegment, ConstraintShape, EngineConstraints, ExportQuota, ExtraterritorialRule, Form, PriceFloor, StockChange,
} from "../model/constraints.js";
