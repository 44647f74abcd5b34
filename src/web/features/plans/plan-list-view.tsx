import { Alert, Button, Center, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { PlanListItem, PlanPage } from "../../api/plan-list.js";
import { useLanguage } from "../../language.js";
import { errorMessage } from "../../ui/errors.js";
import { PlanCard, type PlanCardActions } from "./plan-card.js";

/** Skeleton rows while the first page of a list loads. */
export function PlanListSkeleton() {
  const { t } = useLanguage();
  return (
    <Stack gap="sm" aria-busy="true" data-testid="plans-loading">
      <VisuallyHidden role="status">{t("web.loading")}</VisuallyHidden>
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={92} radius="md" />
      ))}
    </Stack>
  );
}

/** A paged plan list: skeleton, error with retry, empty state, rows, and "load more". */
export function PlanListView({
  query,
  templateTitle,
  actions,
  empty,
  label,
}: {
  query: UseInfiniteQueryResult<InfiniteData<PlanPage>>;
  templateTitle(plan: PlanListItem): string | undefined;
  actions?: PlanCardActions;
  empty: { title: string; text: string; action?: ReactNode };
  label: string;
}) {
  const { t } = useLanguage();
  const nextPageError = query.isFetchNextPageError ? query.error : null;
  if (query.isPending) return <PlanListSkeleton />;
  if (query.isError)
    return (
      <Alert
        color="red"
        role="alert"
        variant="light"
        title={t("web.plans.error.title")}
        data-testid="plans-error"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{errorMessage(query.error, t)}</Text>
          <Button size="compact-sm" variant="light" color="red.9" onClick={() => void query.refetch()}>
            {t("web.plans.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  const plans = query.data.pages.flatMap((page) => page.plans);
  if (plans.length === 0)
    return (
      <Paper withBorder radius="md" p="xl" data-testid="plans-empty">
        <Center>
          <Stack gap="sm" align="center" maw={520} ta="center">
            <Title order={2} size="h4">
              {empty.title}
            </Title>
            <Text c="gray.7">{empty.text}</Text>
            {empty.action}
          </Stack>
        </Center>
      </Paper>
    );
  return (
    <Stack gap="md">
      <Stack component="ul" gap="sm" aria-label={label} className="plain-list" data-testid="plan-list">
        {plans.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            templateTitle={templateTitle(plan)}
            {...(actions ? { actions } : {})}
          />
        ))}
      </Stack>
      {query.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("web.plans.load_more")}
          </Button>
        </Center>
      )}
      {nextPageError && (
        <Alert color="red" role="alert" variant="light">
          {errorMessage(nextPageError, t)}
        </Alert>
      )}
    </Stack>
  );
}
