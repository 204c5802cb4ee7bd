export { MetricQueryError } from "./errors";
export {
  grains,
  isGrain,
  assertTimeZone,
  periodsBetween,
  periodContaining,
  parsePeriodLabel,
  periodRange,
  MAX_PERIODS,
  type Grain,
  type Period,
  type PeriodLabel,
} from "./periods";
export {
  metricUnits,
  defineMetric,
  emptyValue,
  type MetricUnit,
  type MetricDirection,
  type MetricScope,
  type MetricSettings,
  type MetricContext,
  type MetricDefinition,
  type PeriodValues,
} from "./definition";
export {
  metricCatalog,
  getMetric,
  isMetricKey,
  listMetrics,
  type MetricKey,
  type MetricInfo,
} from "./catalog";
export {
  metricSeries,
  metricValue,
  type MetricValueQuery,
  type MetricValue,
  type MetricSeriesQuery,
  type MetricSeriesOptions,
  type MetricSeries,
  type MetricPoint,
} from "./series";
export {
  metricBreakdown,
  breakdownDimensions,
  MAX_BREAKDOWN_PARTS,
  type BreakdownBy,
  type BreakdownQuery,
  type BreakdownRow,
  type Breakdown,
} from "./breakdown";
