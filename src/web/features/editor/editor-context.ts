import { createContext, useContext } from "react";
import type { VocabularyView } from "../../../contract/templates.js";
import type { EditOp } from "../../../domain/edit/ops.js";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { VocabularySet } from "../../../domain/vocabulary.js";
import type { EditorApi } from "./editor-api.js";

/** Vocabularies by id, labels in the interface language. */
export type VocabularyViews = ReadonlyMap<string, VocabularyView>;

/** What every part of the editor needs: the plan as shown, how to change it, and its content. */
export interface EditorContextValue {
  api: EditorApi;
  plan: Plan;
  template: Template;
  vocabularies: VocabularyViews;
  /** The same vocabularies with labels in every language loaded (for the question cards). */
  vocabularySet: VocabularySet;
  readOnly: boolean;
  edit(ops: EditOp[]): boolean;
  /** The plan with every edit made so far, even those not rendered yet (stable, for handlers). */
  currentPlan(): Plan;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditorContext outside the plan editor");
  return value;
}

/** Items of a vocabulary as Select options (code → label). */
export function vocabularyOptions(
  vocabularies: VocabularyViews,
  id: string,
): { value: string; label: string }[] {
  return (vocabularies.get(id)?.items ?? [])
    .filter((item) => !item.deprecated)
    .map((item) => ({ value: item.code, label: item.label }));
}

/** The label of a code in a vocabulary (the code itself when unknown). */
export function vocabularyLabel(vocabularies: VocabularyViews, id: string, code: string): string {
  return vocabularies.get(id)?.items.find((item) => item.code === code)?.label ?? code;
}
