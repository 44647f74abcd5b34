import {
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { planKeys } from "../../api/plan-keys.js";
import {
  type PlanListItem,
  type PlanScope,
  type PlanSort,
  planScopes,
  type SortOrder,
} from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { PageTitle } from "../../ui/page.js";
import { localized } from "../../ui/plan-format.js";
import { ImportPlanButton } from "./import-plan.js";
import { usePlanActions } from "./plan-actions.js";
import { PlanListView } from "./plan-list-view.js";

const sorts = ["modified-desc", "modified-asc", "created-desc", "title-asc", "title-desc"] as const;
type SortChoice = (typeof sorts)[number];
const pageSize = 20;

function isScope(value: string | null): value is PlanScope {
  return planScopes.includes(value as PlanScope);
}

/** The titles of the templates, by id, in the interface language (for the list rows). */
export function useTemplateTitles(): (plan: PlanListItem) => string | undefined {
  const { lang } = useLanguage();
  const { plans } = usePlansApi();
  const templates = useQuery({
    queryKey: planKeys.templates(lang),
    queryFn: () => plans.templates(),
    staleTime: 5 * 60_000,
  });
  return (plan) => {
    const found = templates.data?.templates.find((template) => template.id === plan.templateId);
    return found ? localized(found.title, lang) : undefined;
  };
}

/** "My plans": search, scope, sort, paged list, create, import, duplicate, bin with undo. */
export function MyPlansPage() {
  const { t } = useLanguage();
  const { plans } = usePlansApi();
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get("scope");
  const scope: PlanScope = isScope(scopeParam) ? scopeParam : "all";
  const sortParam = params.get("sort") as SortChoice | null;
  const sortChoice: SortChoice = sortParam && sorts.includes(sortParam) ? sortParam : "modified-desc";
  const [sort, order] = sortChoice.split("-") as [PlanSort, SortOrder];
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const templateTitle = useTemplateTitles();
  const actions = usePlanActions();

  const update = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const query = useInfiniteQuery({
    queryKey: [...planKeys.lists, { scope, q, sort, order }],
    queryFn: ({ pageParam, signal }) =>
      plans.list({ scope, q, sort, order, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  const emptyKey = q ? "search" : scope;
  return (
    <>
      <PageTitle lead={t("web.plans.lead")}>{t("web.plans.title")}</PageTitle>
      <Stack gap="lg">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Button component={Link} to="/plans/new">
              {t("web.plans.new")}
            </Button>
            <ImportPlanButton />
          </Group>
        </Group>
        <Stack gap="sm" component="section" aria-label={t("web.plans.filters")}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="search"
              label={t("web.plans.search")}
              placeholder={t("web.plans.search_placeholder")}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                update("q", event.currentTarget.value.trim(), "");
              }}
              style={{ flex: "1 1 260px" }}
            />
            <NativeSelect
              label={t("web.plans.sort")}
              value={sortChoice}
              onChange={(event) => update("sort", event.currentTarget.value, "modified-desc")}
              data={sorts.map((value) => ({ value, label: t(`web.plans.sort.${value}`) }))}
              style={{ flex: "0 1 240px" }}
            />
          </Group>
          <fieldset className="bare-fieldset">
            <VisuallyHidden component="legend">{t("web.plans.scope")}</VisuallyHidden>
            <SegmentedControl
              value={scope}
              onChange={(value) => update("scope", value, "all")}
              data={planScopes.map((value) => ({ value, label: t(`web.plans.scope.${value}`) }))}
              aria-label={t("web.plans.scope")}
              data-testid="plan-scopes"
              style={{ maxWidth: "100%", overflowX: "auto" }}
            />
          </fieldset>
        </Stack>
        <PlanListView
          query={query}
          label={t(`web.plans.scope.${scope}`)}
          templateTitle={templateTitle}
          actions={{
            onDuplicate: (plan) => actions.duplicate.mutate(plan),
            onDelete: (plan) => actions.remove.mutate(plan),
            onRestore: (plan) => actions.restore.mutate(plan),
            busy: actions.restore.isPending,
          }}
          empty={{
            title: t(`web.plans.empty.${emptyKey}.title`),
            text: t(`web.plans.empty.${emptyKey}.text`),
            ...(emptyKey === "all" || emptyKey === "mine"
              ? {
                  action: (
                    <Button component={Link} to="/plans/new">
                      {t("web.plans.new_first")}
                    </Button>
                  ),
                }
              : {}),
          }}
        />
      </Stack>
    </>
  );
}
