import { Badge, Button, Group } from "@mantine/core";
import { useEffect, useState } from "react";
import { useLanguage } from "../../language.js";
import type { SaveState } from "./autosave/autosave-queue.js";

/** The autosave state in words, announced politely to screen readers. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const { t } = useLanguage();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.kind !== "offline") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.kind]);
  let text: string;
  let color: string;
  switch (state.kind) {
    case "saved":
      text = t("editor.save.saved");
      color = "green";
      break;
    case "pending":
    case "saving":
      text = t("editor.save.saving");
      color = "blue";
      break;
    case "offline":
      text = state.browserOffline
        ? t("editor.save.offline", { seconds: Math.max(0, Math.ceil((state.retryAt - now) / 1000)) })
        : t("editor.save.retrying", { seconds: Math.max(0, Math.ceil((state.retryAt - now) / 1000)) });
      color = "orange";
      break;
    case "conflict":
      text = t("editor.save.conflict");
      color = "red";
      break;
    case "signed_out":
      text = t("editor.save.signed_out");
      color = "red";
      break;
    case "rejected":
      text = t("editor.save.rejected");
      color = "red";
      break;
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge
        role="status"
        aria-live="polite"
        color={color}
        variant="dot"
        size="lg"
        tt="none"
        data-testid="save-status"
        data-state={state.kind}
      >
        {text}
      </Badge>
      {state.kind === "offline" && (
        <Button size="compact-sm" variant="subtle" onClick={onRetry}>
          {t("editor.save.retry_now")}
        </Button>
      )}
    </Group>
  );
}
