import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { Link, useParams } from "react-router";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { isApiError } from "../../api/client.js";
import { useLanguage } from "../../language.js";
import { errorMessage } from "../../ui/errors.js";
import { PageLoader, PageTitle } from "../../ui/page.js";
import { editorApi, type PlanAccess } from "./editor-api.js";
import { type LoadedVocabularies, PlanEditor } from "./plan-editor.js";
import { forgetPrefetched, peekArrived, prefetchKeys } from "./prefetch.js";
import { planVocabularyCodes, wholeVocabularyMaxItems } from "./questions/values.js";

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

/** `/plans/:id`: loads the plan, its template, vocabularies and the caller's rights, then edits. */
export function PlanEditorPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLanguage();
  const api = useMemo(() => editorApi(lang), [lang]);
  // The plan is loaded once: from then on the editor keeps it in step (autosave, live events). What
  // the page load fetched (prefetch.ts) and has arrived renders at once, without a loading state; it
  // is left in place until this page is mounted (the query of a discarded render, garbage at once
  // with `gcTime: 0`, is made again).
  const planQuery = useQuery({
    queryKey: ["editor", "plan", id],
    queryFn: ({ signal }) => api.loadPlan(id, signal),
    initialData: () => peekArrived<Plan>(prefetchKeys.plan(id))?.value,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: (count, error) => !isApiError(error, "not_found", "unauthenticated") && count < 2,
  });
  const accessQuery = useQuery({
    queryKey: ["editor", "access", id],
    queryFn: () => api.loadAccess(id),
    initialData: () => peekArrived<PlanAccess>(prefetchKeys.access(id))?.value,
    staleTime: 60_000,
  });
  const templateId = planQuery.data?.template.id;
  const templateQuery = useQuery({
    queryKey: ["editor", "template", templateId],
    queryFn: () => api.loadTemplate(templateId!),
    initialData: () =>
      templateId === undefined ? undefined : peekArrived<Template>(prefetchKeys.template(templateId))?.value,
    enabled: templateId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const vocabularyIds = templateQuery.data ? templateVocabularies(templateQuery.data) : [];
  // Labels in the interface language (forms) and in the plan's language (questions).
  const planLang: UiLanguage = planQuery.data?.language === "fra" ? "fr" : "en";
  const languages = [...new Set([lang, planLang])].sort();
  // Vocabularies never hold up the editor: it shows as soon as the plan and its template are there, and
  // widgets show their stored codes meanwhile. They come in one request (`/api/v1/vocabulary-views`:
  // one re-render of the editor when they are in); identical requests share it through its key.
  // Large vocabularies (ISO 639-3, SPDX) come with only the codes the plan holds: their comboboxes
  // search the server; codes the plan gains later are labelled by the editor (`vocabulary-labels.ts`).
  const usedCodes = useMemo(
    () =>
      planQuery.data && templateQuery.data ? planVocabularyCodes(planQuery.data, templateQuery.data) : [],
    [planQuery.data, templateQuery.data],
  );
  const vocabularyQuery = useQuery({
    queryKey: ["editor", "vocabularies", vocabularyIds, languages, usedCodes],
    queryFn: ({ signal }) =>
      api.getVocabularies(vocabularyIds, languages, signal, {
        maxItems: wholeVocabularyMaxItems,
        codes: usedCodes,
      }),
    enabled: vocabularyIds.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const languagesKey = languages.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: languagesKey stands for languages.
  const vocabularies = useMemo<LoadedVocabularies>(
    () => ({ views: vocabularyQuery.data, languages, codes: usedCodes }),
    [vocabularyQuery.data, languagesKey, usedCodes],
  );

  useEffect(() => {
    forgetPrefetched(prefetchKeys.plan(id), prefetchKeys.access(id));
    if (templateId !== undefined) forgetPrefetched(prefetchKeys.template(templateId));
  }, [id, templateId]);

  const error = planQuery.error ?? templateQuery.error ?? accessQuery.error;
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
  if (!planQuery.data || !templateQuery.data || !accessQuery.data) return <PageLoader />;
  return (
    <PlanEditor
      key={planQuery.data.id}
      initialPlan={planQuery.data}
      template={templateQuery.data}
      vocabularies={vocabularies}
      api={api}
      readOnly={!accessQuery.data.capabilities.includes("edit")}
      capabilities={accessQuery.data.capabilities}
    />
  );
}
