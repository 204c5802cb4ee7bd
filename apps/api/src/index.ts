export type { AppRouter } from "./root";
export { startApp, type StartOptions, type RunningApp } from "./app";
