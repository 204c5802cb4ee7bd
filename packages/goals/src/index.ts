export * from "./rules";
export * from "./errors";
