export * from "./apply-ops.js";
export * from "./describe-change.js";
export * from "./history.js";
export * from "./ops.js";
