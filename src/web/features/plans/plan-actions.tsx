import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type QueryClient, useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { planKeys } from "../../api/plan-keys.js";
import type { PlanListApi, PlanListItem } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";

type Translate = ReturnType<typeof useLanguage>["t"];

function refreshLists(client: QueryClient) {
  void client.invalidateQueries({ queryKey: planKeys.lists });
  void client.invalidateQueries({ queryKey: planKeys.publicLists });
}

/** Put a plan back from the bin, saying so (or why not). */
async function restorePlan(
  api: PlanListApi,
  client: QueryClient,
  plan: PlanListItem,
  t: Translate,
  notify: ReturnType<typeof useNotify>,
) {
  try {
    await api.restore(plan.id);
    refreshLists(client);
    notify.success(t("web.plans.restored", { title: plan.title }));
  } catch (error) {
    notify.failure(errorMessage(error, t));
  }
}

/** Duplicate, bin (with an undo in the notification) and restore, for the plan list. */
export function usePlanActions() {
  const { t } = useLanguage();
  const { plans: api } = usePlansApi();
  const client = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();

  const duplicate = useMutation({
    mutationFn: (plan: PlanListItem) =>
      api.duplicate(plan.id, t("web.plans.copy_title", { title: plan.title })),
    onSuccess: (copy) => {
      refreshLists(client);
      notify.success(t("web.plans.duplicated", { title: copy.details.title }));
      void navigate(`/plans/${encodeURIComponent(copy.id)}`);
    },
    onError: (error) => notify.failure(errorMessage(error, t)),
  });

  const remove = useMutation({
    mutationFn: (plan: PlanListItem) => api.remove(plan.id),
    onSuccess: (_, plan) => {
      refreshLists(client);
      const id = `binned-${plan.id}`;
      notifications.show({
        id,
        color: "indigo.8",
        autoClose: 30_000,
        closeButtonProps: { "aria-label": t("web.close") },
        message: (
          <Group justify="space-between" gap="xs" wrap="nowrap" data-testid="binned-notice">
            <Text size="sm">{t("web.plans.binned", { title: plan.title })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                void restorePlan(api, client, plan, t, notify);
              }}
            >
              {t("web.plans.undo")}
            </Button>
          </Group>
        ),
      });
    },
    onError: (error) => notify.failure(errorMessage(error, t)),
  });

  const restore = useMutation({
    mutationFn: (plan: PlanListItem) => restorePlan(api, client, plan, t, notify),
  });

  return { duplicate, remove, restore };
}
