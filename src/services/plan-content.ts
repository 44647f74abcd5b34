import type { Template } from "../domain/template.js";
import type { VocabularySet } from "../domain/vocabulary.js";

/**
 * The templates and vocabularies plans are written and checked against. The built-in set comes from
 * `loadBuiltinContent()` (builtin-content.ts); tests pass their own.
 */
export interface PlanContent {
  templates: ReadonlyMap<string, Template>;
  vocabularies: VocabularySet;
}

/** Who acts. Roles and sharing come with the API's authorisation; for now a plan has one owner. */
export interface Actor {
  id: string;
}
