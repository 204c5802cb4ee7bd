export * from "./event-types";
export * from "./inputs";
export * from "./errors";
export { ingestEvents, type EventIngestResult, type Rejection, type IngestOptions } from "./ingest-events";
export { ingestCustomers, changeTier, assignManager, type CustomerIngestResult } from "./ingest-customers";
export {
  rebuildRollups,
  analyzeIngestedTables,
  rollupTimeZone,
  isTimeZone,
  ROLLUP_TIME_ZONE,
  RollupZoneError,
  type FoldEvent,
  type StoredEventKey,
  type FoldOptions,
  type RebuildOptions,
  type RebuildResult,
} from "./rollups";
export { listEvents, type EventListQuery, type ListedEvent, type EventPage } from "./event-list";
