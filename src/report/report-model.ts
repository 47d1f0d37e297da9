/**
 * @module report/report-model
 * Re-export of the run report types for the views (the types live in `analysis/report-model`,
 * since analysis builds them and sits below report).
 */
export type {
  ChinaSupplyChange, ConcentrationPoint, EndProductLoss, EndProductPath, FlowGraph, GapCloser, ImportGain, MonthSeries, PlantShortfall, PriceSummary, ReportWindow, RunReport, SectorShortfall,
  ShortageEpisode, TimelineEntry,
} from "../analysis/report-model.js";
