export * from "./errors";
export * from "./roles";
export * from "./passwords";
export * from "./users";
export * from "./sessions";
export * from "./login";
export * from "./audit";
export * from "./api-keys";
