export * from "./schema";
export {
  connect,
  redactUrl,
  DatabaseConfigError,
  type DatabaseHandle,
  type DatabaseKind,
  type ConnectOptions,
  type Listener,
  type ListenHandlers,
} from "./connect";
export { migrateToLatest } from "./migrate";
export { bulkTransactionOf, copyText, type BulkTransaction, type CopyIn, type CopyValue } from "./bulk";
export { executePrepared } from "./prepared";
