import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Group,
  List,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DescribedChange } from "../../api/history.js";
import { planKeys } from "../../api/plan-keys.js";
import type { PlanDocument } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { formatDateTime, plainText } from "../../ui/plan-format.js";

export interface HistoryPanelProps {
  planId: string;
  currentRevision: number;
  opened: boolean;
  onClose(): void;
  onReverted(plan: PlanDocument): void;
}

/** A change's value as readable text (rich text without markup, lists and objects as JSON). */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "string") return /<[a-z][\s\S]*>/i.test(value) ? plainText(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, null, 2);
}

/** Where a change is, in words ("Research outputs › Dataset 1 › Title"), else its JSON pointer. */
function changeLabel(change: DescribedChange): string {
  return change.labels.length > 0 ? change.labels.join(" › ") : change.pointer;
}

/** History of a plan: events (who, when, what), side-by-side diff of two revisions, revert. */
export function HistoryPanel({ planId, currentRevision, opened, onClose, onReverted }: HistoryPanelProps) {
  const { t } = useLanguage();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={t("web.history.title")}
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      {opened && <HistoryContent planId={planId} currentRevision={currentRevision} onReverted={onReverted} />}
    </Drawer>
  );
}

function HistoryContent({
  planId,
  currentRevision,
  onReverted,
}: Pick<HistoryPanelProps, "planId" | "currentRevision" | "onReverted">) {
  const { t, lang } = useLanguage();
  const { history, plans } = usePlansApi();
  const client = useQueryClient();
  const notify = useNotify();
  const [picked, setPicked] = useState<number[]>([]);
  const [reverting, setReverting] = useState<number | null>(null);
  const events = useQuery({
    queryKey: [...planKeys.history(planId), currentRevision],
    queryFn: () => history.events(planId),
  });
  const access = useQuery({ queryKey: planKeys.access(planId), queryFn: () => plans.access(planId) });
  const canEdit = access.data?.capabilities.includes("edit") ?? false;
  const [from, to] = [...picked].sort((a, b) => a - b) as [number | undefined, number | undefined];
  const diff = useQuery({
    queryKey: planKeys.diff(planId, from ?? -1, to ?? -1),
    queryFn: () => history.diff(planId, from ?? 0, to ?? 0),
    enabled: from !== undefined && to !== undefined,
  });
  const revert = useMutation({
    mutationFn: (revision: number) => history.revert(planId, revision),
    onSuccess: (result, revision) => {
      setReverting(null);
      setPicked([]);
      client.setQueryData(planKeys.plan(planId), result.plan);
      void client.invalidateQueries({ queryKey: planKeys.history(planId) });
      void client.invalidateQueries({ queryKey: planKeys.lists });
      notify.success(t("web.history.reverted", { revision }));
      onReverted(result.plan);
    },
    onError: (error) => notify.failure(errorMessage(error, t)),
  });

  const toggle = (revision: number, on: boolean) =>
    setPicked((current) => {
      if (!on) return current.filter((value) => value !== revision);
      return [...current.filter((value) => value !== revision), revision].slice(-2);
    });

  if (events.isPending)
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={70} />
        <Skeleton height={70} />
        <Skeleton height={70} />
      </Stack>
    );
  if (events.isError) return <FormError error={events.error} />;
  const list = events.data.events;
  return (
    <Stack gap="lg">
      <Text size="sm" c="gray.7">
        {t("web.history.pick_hint")}
      </Text>
      {from !== undefined && to !== undefined && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-diff">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h5" id="history-diff">
              {t("web.history.diff_title", { from, to })}
            </Title>
            <Button variant="subtle" size="compact-sm" onClick={() => setPicked([])}>
              {t("web.history.clear")}
            </Button>
          </Group>
          {diff.isPending ? (
            <Skeleton height={80} />
          ) : diff.isError ? (
            <FormError error={diff.error} />
          ) : diff.data.changes.length === 0 ? (
            <Text>{t("web.history.no_difference")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="xs" data-testid="history-diff" layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="26%">
                      {t("web.history.field")}
                    </Table.Th>
                    <Table.Th scope="col">{t("web.history.revision", { revision: from })}</Table.Th>
                    <Table.Th scope="col">{t("web.history.revision", { revision: to })}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.data.changes.map((change, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one path may change more than once.
                    <Table.Tr key={`${change.pointer}-${index}`}>
                      <Table.Th scope="row" fw={500}>
                        {changeLabel(change)}
                      </Table.Th>
                      <Table.Td className="diff-value diff-before">{valueText(change.before)}</Table.Td>
                      <Table.Td className="diff-value diff-after">{valueText(change.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      {list.length === 0 ? (
        <Text>{t("web.history.empty")}</Text>
      ) : (
        <Stack component="ol" gap="sm" className="plain-list" aria-label={t("web.history.events")}>
          {list.map((event) => (
            <Paper
              key={event.revision}
              component="li"
              withBorder
              radius="md"
              p="sm"
              data-testid="history-event"
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Checkbox
                  checked={picked.includes(event.revision)}
                  onChange={(change) => toggle(event.revision, change.currentTarget.checked)}
                  label={
                    <Text fw={500} span>
                      {t("web.history.event", {
                        revision: event.revision,
                        author: event.author.displayName || t("web.history.someone"),
                        date: formatDateTime(event.at, lang),
                      })}
                    </Text>
                  }
                />
                {canEdit && event.revision !== currentRevision && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => setReverting(event.revision)}
                    aria-label={t("web.history.revert_label", { revision: event.revision })}
                  >
                    {t("web.history.revert")}
                  </Button>
                )}
              </Group>
              {event.changes.length > 0 && (
                <List size="sm" mt={6} ml="xl" spacing={2}>
                  {event.changes.slice(0, 8).map((change, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one path may change more than once.
                    <List.Item key={`${change.pointer}-${index}`}>
                      {change.text || changeLabel(change)}
                    </List.Item>
                  ))}
                  {event.changes.length > 8 && (
                    <List.Item>
                      {t("web.history.more_changes", { count: event.changes.length - 8 })}
                    </List.Item>
                  )}
                </List>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={reverting !== null}
        onClose={() => setReverting(null)}
        title={t("web.history.revert.title")}
        closeButtonProps={{ "aria-label": t("web.close") }}
      >
        <Stack>
          <Alert color="orange" variant="light">
            {t("web.history.revert.text", { revision: reverting ?? 0 })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReverting(null)}>
              {t("web.cancel")}
            </Button>
            <Button loading={revert.isPending} onClick={() => reverting !== null && revert.mutate(reverting)}>
              {t("web.history.revert.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
