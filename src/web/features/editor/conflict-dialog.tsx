import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useLanguage } from "../../language.js";
import type { ConflictChoice } from "./autosave/autosave-queue.js";

/** A value of the plan as a person reads it: text without tags, lists joined, objects as JSON. */
function readable(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string")
    return value
      .replace(/<\/(p|li)>/gi, "\n")
      .replace(/<[^>]*>/g, "")
      .trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, null, 2);
}

/** Where a conflict is, in words: the last meaningful segments of its path. */
function place(path: string): string {
  return path
    .split("/")
    .filter(Boolean)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .slice(-2)
    .join(" › ");
}

/**
 * Someone else changed the same fields: both versions side by side, and the user chooses which one
 * stays. Nothing is sent until they do.
 */
export function ConflictDialog({
  conflicts,
  onChoose,
}: {
  conflicts: ConflictChoice[] | null;
  onChoose(choice: "mine" | "theirs"): Promise<void>;
}) {
  const { t } = useLanguage();
  const [busy, setBusy] = useState(false);
  const choose = async (choice: "mine" | "theirs") => {
    setBusy(true);
    try {
      await onChoose(choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={conflicts !== null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="xl"
      title={t("editor.conflict.title")}
    >
      <Stack>
        <Text>{t("editor.conflict.lead")}</Text>
        {(conflicts ?? []).map((conflict) => (
          <Stack key={conflict.path} gap="xs" data-testid="conflict">
            <Title order={3} size="h5">
              {place(conflict.path)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Paper withBorder p="sm">
                <Text fw={600} size="sm">
                  {t("editor.conflict.mine")}
                </Text>
                <Text style={{ whiteSpace: "pre-wrap" }} data-testid="conflict-mine">
                  {conflict.mineRemoves ? t("editor.conflict.removed") : readable(conflict.mine)}
                </Text>
              </Paper>
              <Paper withBorder p="sm">
                <Text fw={600} size="sm">
                  {t("editor.conflict.theirs")}
                </Text>
                <Text style={{ whiteSpace: "pre-wrap" }} data-testid="conflict-theirs">
                  {conflict.theirsExists ? readable(conflict.theirs) : t("editor.conflict.removed")}
                </Text>
              </Paper>
            </SimpleGrid>
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" loading={busy} onClick={() => void choose("theirs")}>
            {t("editor.conflict.keep_theirs")}
          </Button>
          <Button loading={busy} onClick={() => void choose("mine")}>
            {t("editor.conflict.keep_mine")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
