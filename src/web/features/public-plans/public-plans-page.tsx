import { Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { PageTitle } from "../../ui/page.js";
import { useTemplateTitles } from "../plans/my-plans-page.js";
import { PlanListView } from "../plans/plan-list-view.js";

/** Public plans, for anyone (signed in or not): search and a paged, read-only list. */
export function PublicPlansPage() {
  const { t } = useLanguage();
  const { plans } = usePlansApi();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const templateTitle = useTemplateTitles();
  const query = useInfiniteQuery({
    queryKey: [...planKeys.publicLists, { q }],
    queryFn: ({ pageParam, signal }) =>
      plans.listPublic({ q, sort: "modified", order: "desc", limit: 20, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return (
    <>
      <PageTitle lead={t("web.public.lead")}>{t("web.public.title")}</PageTitle>
      <Stack gap="lg">
        <TextInput
          type="search"
          label={t("web.plans.search")}
          placeholder={t("web.plans.search_placeholder")}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={480}
        />
        <PlanListView
          query={query}
          label={t("web.public.title")}
          templateTitle={templateTitle}
          empty={{
            title: t(q ? "web.plans.empty.search.title" : "web.public.empty.title"),
            text: t(q ? "web.plans.empty.search.text" : "web.public.empty.text"),
          }}
        />
      </Stack>
    </>
  );
}
