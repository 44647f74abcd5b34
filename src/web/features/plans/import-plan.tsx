import { Alert, Badge, Button, FileButton, Group, List, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.js";
import { type ImportReportEntry, type ImportResult, reportEntries } from "../../api/exports.js";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { isMessageKey } from "../../catalogues.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";

const kinds = ["info", "repair", "kept", "loss"] as const;

/** One report line in the interface language: the server's words, else the catalogue's. */
function useEntryText() {
  const { t } = useLanguage();
  return (entry: ImportReportEntry) => {
    if (entry.key && isMessageKey(entry.key)) return t(entry.key, entry.params ?? {});
    return entry.message ?? entry.key ?? "";
  };
}

/** The import report, grouped: what was recognised, repaired, kept aside, and dropped. */
export function ImportReport({ entries }: { entries: ImportReportEntry[] }) {
  const { t } = useLanguage();
  const text = useEntryText();
  if (entries.length === 0) return <Text>{t("web.import.report.clean")}</Text>;
  return (
    <Stack gap="md" data-testid="import-report">
      {kinds.map((kind) => {
        const group = entries.filter((entry) => entry.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`import-${kind}`}>
            <Group gap="xs" mb={4}>
              <Title order={3} size="h5" id={`import-${kind}`}>
                {t(`web.import.report.${kind}`)}
              </Title>
              <Badge variant="outline" color="gray.8">
                {group.length}
              </Badge>
            </Group>
            <List size="sm" spacing={4}>
              {group.map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: report lines have no identity of their own.
                <List.Item key={index}>
                  {text(entry)}
                  {entry.path && entry.path !== "(document)" && (
                    <Text span size="xs" c="gray.7">
                      {" "}
                      ({entry.path})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </section>
        );
      })}
    </Stack>
  );
}

/** "Import a file" button: uploads any supported format, shows the report, opens the new plan. */
export function ImportPlanButton() {
  const { t } = useLanguage();
  const { files } = usePlansApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: (file: File) => files.importFile(file),
    onSuccess: (done) => {
      void client.invalidateQueries({ queryKey: planKeys.lists });
      setResult(done);
    },
    onError: (error) => setFailure(error),
  });
  const failedReport = isApiError(failure)
    ? reportEntries((failure.details as { report?: unknown })?.report ?? failure.details)
    : [];
  return (
    <>
      <FileButton
        onChange={(file) => {
          if (file) upload.mutate(file);
        }}
        accept=".json,application/json"
      >
        {(props) => (
          <Button variant="default" loading={upload.isPending} {...props}>
            {t("web.import.button")}
          </Button>
        )}
      </FileButton>
      <Modal
        opened={result !== null}
        onClose={() => setResult(null)}
        title={t("web.import.done.title")}
        size="lg"
        closeButtonProps={{ "aria-label": t("web.close") }}
      >
        {result && (
          <Stack>
            <Text>{t("web.import.done.text", { title: result.plan.title })}</Text>
            <ImportReport entries={result.report} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setResult(null)}>
                {t("web.import.stay")}
              </Button>
              <Button onClick={() => void navigate(`/plans/${encodeURIComponent(result.plan.id)}`)}>
                {t("web.import.open")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={failure !== null}
        onClose={() => setFailure(null)}
        title={t("web.import.failed.title")}
        size="lg"
        closeButtonProps={{ "aria-label": t("web.close") }}
      >
        <Stack>
          <Alert color="red" variant="light" role="alert">
            {isApiError(failure, "payload_too_large") || (isApiError(failure) && failure.status === 413)
              ? t("web.import.failed.too_large")
              : errorMessage(failure, t)}
          </Alert>
          <Text size="sm">{t("web.import.failed.hint")}</Text>
          {failedReport.length > 0 && <ImportReport entries={failedReport} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setFailure(null)}>
              {t("web.close")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
