import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PlanListItem } from "../../api/plan-list.js";
import { useLanguage } from "../../language.js";
import { formatDateTime, planLanguageKey } from "../../ui/plan-format.js";

export interface PlanCardActions {
  onDuplicate?(plan: PlanListItem): void;
  onDelete?(plan: PlanListItem): void;
  onRestore?(plan: PlanListItem): void;
  busy?: boolean;
}

/** One plan of a list: title (link to the plan), facts, and the actions the caller's role allows. */
export function PlanCard({
  plan,
  templateTitle,
  actions,
}: {
  plan: PlanListItem;
  templateTitle: string | undefined;
  actions?: PlanCardActions;
}) {
  const { t, lang } = useLanguage();
  const languageKey = planLanguageKey(plan.language);
  const binned = Boolean(plan.deletedAt);
  const titleId = `plan-title-${plan.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="plan-row" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0}>
          {binned ? (
            <Text fw={600} fz="lg" id={titleId}>
              {plan.title || t("web.plans.untitled")}
            </Text>
          ) : (
            <Anchor
              component={Link}
              to={`/plans/${encodeURIComponent(plan.id)}`}
              fw={600}
              fz="lg"
              id={titleId}
              className="plan-title-link"
            >
              {plan.title || t("web.plans.untitled")}
            </Anchor>
          )}
          <Group gap={6}>
            {plan.role && (
              <Badge variant="light" color="indigo.9">
                {t(`web.role.${plan.role}`)}
              </Badge>
            )}
            {plan.visibility && (
              <Badge variant="outline" color="gray.8">
                {t(`web.visibility.${plan.visibility}`)}
              </Badge>
            )}
            {languageKey && (
              <Badge variant="outline" color="gray.8">
                {t(languageKey)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="gray.7">
            {[
              templateTitle,
              plan.role === "owner" || !plan.owner
                ? null
                : t("web.plans.owned_by", { name: plan.owner.displayName }),
              binned && plan.deletedAt
                ? t("web.plans.binned_on", { date: formatDateTime(plan.deletedAt, lang) })
                : t("web.plans.modified_on", { date: formatDateTime(plan.modifiedAt, lang) }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {binned ? (
              actions.onRestore && (
                <Button
                  variant="light"
                  size="compact-md"
                  loading={actions.busy}
                  onClick={() => actions.onRestore?.(plan)}
                  aria-label={t("web.plans.restore_label", { title: plan.title })}
                >
                  {t("web.plans.restore")}
                </Button>
              )
            ) : (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    size="compact-md"
                    aria-label={t("web.plans.actions_label", { title: plan.title })}
                  >
                    {t("web.plans.actions")}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to={`/plans/${encodeURIComponent(plan.id)}`}>
                    {t("web.plans.open")}
                  </Menu.Item>
                  {actions.onDuplicate && (
                    <Menu.Item onClick={() => actions.onDuplicate?.(plan)}>
                      {t("web.plans.duplicate")}
                    </Menu.Item>
                  )}
                  {actions.onDelete && plan.role === "owner" && (
                    <Menu.Item color="red.9" onClick={() => actions.onDelete?.(plan)}>
                      {t("web.plans.delete")}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
