export * from "./schema";
export { connect, redactUrl, DatabaseConfigError, type DatabaseHandle, type DatabaseKind, type ConnectOptions } from "./connect";
export { migrateToLatest } from "./migrate";
