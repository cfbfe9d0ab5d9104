export * from "./dates";
export * from "./decimals";
export * from "./fiscal-calendar";
export * from "./plan-weights";
export * from "./progress";
export * from "./schedule-status";
export * from "./thai-text";
