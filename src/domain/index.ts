export * from "./answer-values.js";
export * from "./identifiers.js";
export * from "./localized.js";
export * from "./plan.js";
export * from "./template.js";
export * from "./vocabulary.js";
