export * from "./answer-values.js";
export * from "./identifiers.js";
export * from "./localized.js";
export * from "./plan.js";
export * from "./template.js";
export * from "./template-integrity.js";
export * from "./vocabulary.js";
export * from "./vocabulary-lookup.js";
