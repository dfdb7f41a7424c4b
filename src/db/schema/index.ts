export * from "./states.js";
export * from "./members.js";
export * from "./zip-areas.js";
export * from "./datasets.js";
export * from "./bills.js";
export * from "./groups.js";
export * from "./rate-limits.js";
