import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import type { VocabularyView } from "../../../contract/templates.js";
import type { Template } from "../../../domain/template.js";
import { isApiError } from "../../api/client.js";
import { useLanguage } from "../../language.js";
import { errorMessage } from "../../ui/errors.js";
import { PageLoader, PageTitle } from "../../ui/page.js";
import { editorApi, type PlanAccess } from "./editor-api.js";
import { PlanEditor } from "./plan-editor.js";

/** Vocabularies the editor's own forms use, whatever the template asks. */
const formVocabularies = [
  "contributor-roles",
  "research-output-types",
  "funding-status",
  "version-labels",
  "yes-no-unknown",
];

function templateVocabularies(template: Template): string[] {
  const ids = new Set(formVocabularies);
  for (const section of template.sections)
    for (const question of section.questions)
      for (const field of [question, ...(question.fields ?? [])]) {
        if (field.vocabulary) ids.add(field.vocabulary);
        if (field.unitVocabulary) ids.add(field.unitVocabulary);
      }
  return [...ids];
}

/** Vocabularies by id once loaded (kept stable by TanStack Query while their data is unchanged). */
function combineVocabularies(results: { data?: VocabularyView | undefined; isPending: boolean }[]) {
  const vocabularies = new Map<string, VocabularyView>();
  for (const result of results) if (result.data) vocabularies.set(result.data.id, result.data);
  return { vocabularies, pending: results.some((r) => r.isPending) };
}

/** `/plans/:id`: loads the plan, its template, vocabularies and the caller's rights, then edits. */
export function PlanEditorPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLanguage();
  const api = useMemo(() => editorApi(lang), [lang]);
  // The plan is loaded once: from then on the editor keeps it in step (autosave, live events).
  const planQuery = useQuery({
    queryKey: ["editor", "plan", id],
    queryFn: ({ signal }) => api.getPlan(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: (count, error) => !isApiError(error, "not_found", "unauthenticated") && count < 2,
  });
  const accessQuery = useQuery({
    queryKey: ["editor", "access", id],
    // Until the access endpoint answers, editing is offered and the server decides on each save.
    queryFn: () =>
      api.getAccess(id).catch((): PlanAccess => ({ role: null, capabilities: ["read", "comment", "edit"] })),
    staleTime: 60_000,
  });
  const templateId = planQuery.data?.template.id;
  const templateQuery = useQuery({
    queryKey: ["editor", "template", templateId],
    queryFn: () => api.getTemplate(templateId!),
    enabled: templateId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const vocabularyIds = templateQuery.data ? templateVocabularies(templateQuery.data) : [];
  const { vocabularies, pending: vocabulariesPending } = useQueries({
    queries: vocabularyIds.map((vocabulary) => ({
      queryKey: ["editor", "vocabulary", vocabulary, lang],
      queryFn: () => api.getVocabulary(vocabulary),
      staleTime: Number.POSITIVE_INFINITY,
    })),
    combine: combineVocabularies,
  });
  const vocabulariesReady = templateQuery.data !== undefined && !vocabulariesPending;

  const error = planQuery.error ?? templateQuery.error;
  if (error) {
    return (
      <Stack maw={640}>
        <PageTitle>
          {isApiError(error, "not_found") ? t("editor.not_found.title") : t("editor.error.title")}
        </PageTitle>
        <Alert color="red" role="alert">
          <Text>{isApiError(error, "not_found") ? t("editor.not_found.text") : errorMessage(error, t)}</Text>
        </Alert>
        <Anchor component={Link} to="/plans">
          {t("editor.back_to_plans")}
        </Anchor>
      </Stack>
    );
  }
  if (!planQuery.data || !templateQuery.data || !vocabulariesReady || !accessQuery.data)
    return <PageLoader />;
  return (
    <PlanEditor
      key={planQuery.data.id}
      initialPlan={planQuery.data}
      template={templateQuery.data}
      vocabularies={vocabularies}
      api={api}
      readOnly={!accessQuery.data.capabilities.includes("edit")}
    />
  );
}
