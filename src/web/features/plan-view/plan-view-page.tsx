import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/client.js";
import { planKeys } from "../../api/plan-keys.js";
import type { PlanAccess, PlanDocument } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useSession } from "../../session.js";
import { FormError, PageLoader, PageTitle } from "../../ui/page.js";
import { formatDateTime, plainText, planLanguageKey } from "../../ui/plan-format.js";
import { ExportDialog } from "../plan-panels/export-dialog.js";
import { HistoryPanel } from "../plan-panels/history-panel.js";
import { ShareDialog } from "../plan-panels/share-dialog.js";

const readOnly: PlanAccess = { role: null, capabilities: ["read"], visibility: "public" };

/** Research outputs in display order. */
export function outputsOf(plan: PlanDocument) {
  return Object.values(plan.outputs ?? {}).sort(
    (a, b) => a.position - b.position || a.id.localeCompare(b.id),
  );
}

/**
 * A plan, read-only: title, facts, project and research outputs, with the share, export and history
 * panels the caller's rights allow. The editor replaces this route for those who may edit.
 */
export function PlanViewPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const { plans } = usePlansApi();
  const [panel, setPanel] = useState<"share" | "export" | "history" | null>(null);
  const plan = useQuery({
    queryKey: planKeys.plan(id),
    queryFn: ({ signal }) => plans.get(id, signal),
    retry: (count, error) => !isApiError(error) || (error.code === "network" && count < 2),
  });
  const access = useQuery({
    queryKey: planKeys.access(id),
    queryFn: async () => {
      try {
        return await plans.access(id);
      } catch (error) {
        if (isApiError(error, "unauthenticated", "not_found")) return readOnly;
        throw error;
      }
    },
    enabled: plan.isSuccess,
  });

  if (plan.isPending) return <PageLoader />;
  if (plan.isError) {
    const missing = isApiError(plan.error, "not_found", "unauthenticated");
    return (
      <Stack maw={640}>
        <PageTitle>{t("web.view.unavailable.title")}</PageTitle>
        {missing ? (
          <Alert color="gray" variant="light" data-testid="plan-unavailable">
            <Text>{t("web.view.unavailable.text")}</Text>
            {!account && (
              <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(`/plans/${id}`)}`}>
                {t("web.view.sign_in")}
              </Anchor>
            )}
          </Alert>
        ) : (
          <FormError error={plan.error} />
        )}
      </Stack>
    );
  }
  const document = plan.data;
  const capabilities = new Set(access.data?.capabilities ?? ["read"]);
  const canEdit = capabilities.has("edit");
  const languageKey = planLanguageKey(document.language);
  const outputs = outputsOf(document);
  return (
    <>
      <PageTitle>{document.details.title || t("web.plans.untitled")}</PageTitle>
      <Stack gap="lg">
        <Group justify="space-between" gap="sm">
          <Group gap={6}>
            {access.data?.role && (
              <Badge variant="light" color="indigo.9">
                {t(`web.role.${access.data.role}`)}
              </Badge>
            )}
            <Badge variant="outline" color="gray.8">
              {t(`web.visibility.${document.visibility}`)}
            </Badge>
            {languageKey && (
              <Badge variant="outline" color="gray.8">
                {t(languageKey)}
              </Badge>
            )}
            <Text size="sm" c="gray.7">
              {t("web.plans.modified_on", { date: formatDateTime(document.modifiedAt, lang) })}
            </Text>
          </Group>
          <Group gap="xs">
            {capabilities.has("share") && (
              <Button variant="default" onClick={() => setPanel("share")}>
                {t("web.view.share")}
              </Button>
            )}
            {capabilities.has("view_history") && (
              <Button variant="default" onClick={() => setPanel("history")}>
                {t("web.view.history")}
              </Button>
            )}
            <Button variant="default" onClick={() => setPanel("export")}>
              {t("web.view.export")}
            </Button>
          </Group>
        </Group>
        {access.isSuccess && !canEdit && (
          <Alert color="indigo" variant="light" data-testid="read-only-notice">
            {t("web.view.read_only")}
          </Alert>
        )}
        {(document.project || document.entity) && (
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="view-context">
            <Title order={2} size="h4" id="view-context" mb="xs">
              {document.project ? t("web.view.project") : t("web.view.entity")}
            </Title>
            <Text>
              {document.project
                ? [document.project.acronym, document.project.title].filter(Boolean).join(" — ")
                : [document.entity?.acronym, document.entity?.name].filter(Boolean).join(" — ")}
            </Text>
          </Paper>
        )}
        <section aria-labelledby="view-outputs">
          <Title order={2} size="h4" id="view-outputs" mb="sm">
            {t("web.view.outputs", { count: outputs.length })}
          </Title>
          {outputs.length === 0 ? (
            <Text c="gray.7">{t("web.view.no_outputs")}</Text>
          ) : (
            <Stack component="ol" gap="sm" className="plain-list" data-testid="plan-outputs">
              {outputs.map((output) => (
                <Paper key={output.id} component="li" withBorder radius="md" p="md">
                  <Group gap="xs">
                    <Badge variant="outline" color="gray.8">
                      {output.shortName}
                    </Badge>
                    <Text fw={600}>{output.title}</Text>
                  </Group>
                  {output.description && (
                    <Text size="sm" c="gray.7" mt={4} lineClamp={3}>
                      {plainText(output.description)}
                    </Text>
                  )}
                </Paper>
              ))}
            </Stack>
          )}
        </section>
      </Stack>
      {capabilities.has("share") && (
        <ShareDialog planId={document.id} opened={panel === "share"} onClose={() => setPanel(null)} />
      )}
      <ExportDialog plan={document} opened={panel === "export"} onClose={() => setPanel(null)} />
      {capabilities.has("view_history") && (
        <HistoryPanel
          planId={document.id}
          currentRevision={document.revision}
          opened={panel === "history"}
          onClose={() => setPanel(null)}
          onReverted={() => void plan.refetch()}
        />
      )}
    </>
  );
}
