import {
  Alert,
  Badge,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.js";
import {
  type ImportFailure,
  type ImportProblem,
  type ImportReportEntry,
  type ImportResult,
  importFailure,
} from "../../api/exports.js";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import {
  importReportMessagesLoaded,
  isMessageKey,
  loadImportReportMessages,
  type MessageKey,
} from "../../catalogues.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const kinds = ["info", "repair", "kept", "loss"] as const;

/** One report line in the interface language: the catalogue's words, else the server's. */
function entryText(entry: ImportReportEntry, t: Translate): string {
  if (entry.key && isMessageKey(entry.key)) return t(entry.key, entry.params ?? {});
  return entry.message ?? entry.key ?? "";
}

/**
 * Where a report line points: its JSON path, and its line and column unless its message already
 * says them (the JSON repairs do: their catalogue text has a `{line}` placeholder).
 */
function entryLocation(entry: ImportReportEntry, t: Translate): { path?: string; line?: string } {
  const path = entry.path && entry.path !== "(document)" ? entry.path : undefined;
  const line = entry.params?.line;
  const column = entry.params?.column;
  const said = entry.key && isMessageKey(entry.key) && t(entry.key).includes("{line}");
  const at =
    typeof line === "number" && line > 0 && typeof column === "number" && !said
      ? t("web.import.where.line", { line, column })
      : undefined;
  return { ...(path ? { path } : {}), ...(at ? { line: at } : {}) };
}

/** A path and/or a line and column, after a message. */
function Location({ path, line }: { path?: string | undefined; line?: string | undefined }) {
  const { t } = useLanguage();
  if (!path && !line) return null;
  return (
    <Text span size="xs" c="gray.7" data-testid="import-location">
      {" — "}
      {t("web.import.where")} {path && <Code>{path}</Code>}
      {path && line && ", "}
      {line}
    </Text>
  );
}

/** A titled group of report lines with its count. */
function ReportGroup({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        <Badge variant="outline" color="gray.8">
          {count}
        </Badge>
      </Group>
      <List size="sm" spacing={4}>
        {children}
      </List>
    </section>
  );
}

/** Problems of a plan or a file, each with its path. */
function ProblemList({ id, title, problems }: { id: string; title: string; problems: ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ReportGroup id={id} title={title} count={problems.length}>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own.
        <List.Item key={index} data-testid="import-problem">
          {problem.message}
          <Location path={problem.path && problem.path !== "(document)" ? problem.path : undefined} />
        </List.Item>
      ))}
    </ReportGroup>
  );
}

/**
 * True once the messages of the import report are loaded (they are not in the language chunks), or
 * could not be: the server's own words, in the language of the request, then stand in.
 */
function useImportReportMessages(): boolean {
  const [ready, setReady] = useState(importReportMessagesLoaded);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadImportReportMessages()
      .catch(() => {})
      .then(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

/**
 * The import report, grouped: what was recognised, repaired, kept aside and dropped, then what the
 * new plan still lacks or gets wrong; every line with where it is.
 */
export function ImportReport({
  entries,
  problems = [],
}: {
  entries: ImportReportEntry[];
  problems?: ImportProblem[];
}) {
  const { t } = useLanguage();
  const ready = useImportReportMessages();
  if (!ready) return <Loader size="sm" aria-label={t("web.loading")} />;
  const changes = entries.filter((entry) => entry.kind !== "info");
  return (
    <Stack gap="md" data-testid="import-report">
      {changes.length === 0 && problems.length === 0 && <Text>{t("web.import.report.clean")}</Text>}
      {kinds.map((kind) => {
        const group = entries.filter((entry) => entry.kind === kind);
        if (group.length === 0) return null;
        return (
          <ReportGroup
            key={kind}
            id={`import-${kind}`}
            title={t(`web.import.report.${kind}`)}
            count={group.length}
          >
            {group.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: report lines have no identity of their own.
              <List.Item key={index} data-testid="import-entry">
                {entryText(entry, t)}
                <Location {...entryLocation(entry, t)} />
              </List.Item>
            ))}
          </ReportGroup>
        );
      })}
      <ProblemList id="import-problems" title={t("web.import.report.problems")} problems={problems} />
    </Stack>
  );
}

/** `expected` of the JSON reader (`',' or '}'`, `a value`…) in the interface language. */
function expectedText(expected: string, t: Translate): string {
  if (expected === "a value") return t("web.import.expected.value");
  if (expected === "the end of the document") return t("web.import.expected.end");
  const either = /^('.+') or ('.+')$/.exec(expected);
  if (either) return t("web.import.expected.either", { a: either[1] ?? "", b: either[2] ?? "" });
  return expected;
}

/** What went wrong, in the interface language, and how to put it right. */
function failureText(
  failure: ImportFailure | null,
  error: unknown,
  t: Translate,
): { what: string; fix: string } {
  if (isApiError(error, "payload_too_large") || (isApiError(error) && error.status === 413))
    return { what: t("web.import.failed.too_large"), fix: t("web.import.fix.too_large") };
  if (!failure) return { what: errorMessage(error, t), fix: t("web.import.fix.retry") };
  const { code, params, line, column } = failure;
  if (code === "not_json" && line !== undefined && column !== undefined) {
    const expected = expectedText(String(params.expected ?? ""), t);
    const found = String(params.found ?? "");
    return {
      what: found
        ? t("web.import.failed.not_json", { line, column, expected, found })
        : t("web.import.failed.cut_short", { line, column, expected }),
      fix: t("web.import.fix.not_json", { line, column }),
    };
  }
  const fixes: Record<string, MessageKey> = {
    too_deep: "web.import.fix.too_deep",
    too_large: "web.import.fix.too_large",
    unknown_format: "web.import.fix.unknown_format",
    invalid: failure.problems.length > 0 ? "web.import.fix.invalid" : "web.import.fix.unknown_format",
    not_convertible: "web.import.fix.invalid",
    empty: "web.import.fix.empty",
  };
  return { what: failure.message || errorMessage(error, t), fix: t(fixes[code] ?? "web.import.fix.retry") };
}

/** The dialog of a refused file: what is wrong, where, how to fix it, and what was read before. */
function ImportFailed({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t } = useLanguage();
  const failure = isApiError(error) && error.status === 422 ? importFailure(error) : null;
  const { what, fix } = failureText(failure, error, t);
  return (
    <Stack>
      <Alert color="red" variant="light" role="alert" title={t("web.import.failed.what")}>
        <Text size="sm" data-testid="import-failure">
          {what}
        </Text>
        {failure?.line !== undefined && failure.column !== undefined && (
          <Text size="sm" mt={4} data-testid="import-failure-location">
            {t("web.import.failed.where", { line: failure.line, column: failure.column })}
          </Text>
        )}
      </Alert>
      <section aria-labelledby="import-fix">
        <Title order={3} size="h5" id="import-fix" mb={4}>
          {t("web.import.failed.how")}
        </Title>
        <Text size="sm" data-testid="import-fix-text">
          {fix}
        </Text>
      </section>
      {failure && (
        <ProblemList
          id="import-file-problems"
          title={t("web.import.failed.problems")}
          problems={failure.problems}
        />
      )}
      {failure && failure.report.length > 0 && <ImportReport entries={failure.report} />}
      <Text size="sm">{t("web.import.failed.hint")}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("web.close")}
        </Button>
      </Group>
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
  return (
    <>
      <FileButton
        onChange={(file) => {
          if (!file) return;
          // The report's messages load while the file is read on the server.
          loadImportReportMessages().catch(() => {});
          upload.mutate(file);
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
            {result.format && <Text size="sm">{t("web.import.done.format", { format: result.format })}</Text>}
            <ImportReport entries={result.report} problems={result.problems} />
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
        {failure !== null && <ImportFailed error={failure} onClose={() => setFailure(null)} />}
      </Modal>
    </>
  );
}
