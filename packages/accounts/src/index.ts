export * from "./dates";
export * from "./events";
export * from "./pyramid";
export * from "./problems";
export * from "./credit";
export * from "./assignment";
