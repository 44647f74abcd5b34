import { lazy, Suspense } from "react";
import type { Plan } from "../../../domain/plan.js";

// The panels are their own chunks: they load when first opened, not with the editor.
const ShareDialog = lazy(() =>
  import("../plan-panels/share-dialog.js").then((m) => ({ default: m.ShareDialog })),
);
const ExportDialog = lazy(() =>
  import("../plan-panels/export-dialog.js").then((m) => ({ default: m.ExportDialog })),
);
const HistoryPanel = lazy(() =>
  import("../plan-panels/history-panel.js").then((m) => ({ default: m.HistoryPanel })),
);
const CommentsPanel = lazy(() =>
  import("../plan-panels/comments-panel.js").then((m) => ({ default: m.CommentsPanel })),
);

export type PanelName = "share" | "export" | "history" | "comments";

/** The question whose comments are open, in a research output or plan-wide (`outputId` null). */
export interface CommentTarget {
  questionId: string;
  outputId: string | null;
}

/** Mounts the panel that is open (and keeps the ones opened before, so they can animate closed). */
export function EditorPanels({
  plan,
  open,
  mounted,
  comments,
  onClose,
  onReverted,
}: {
  plan: Plan;
  open: PanelName | null;
  mounted: ReadonlySet<PanelName>;
  comments: CommentTarget | null;
  onClose(): void;
  onReverted(plan: Plan): void;
}) {
  return (
    <Suspense fallback={null}>
      {mounted.has("share") && <ShareDialog planId={plan.id} opened={open === "share"} onClose={onClose} />}
      {mounted.has("export") && (
        <ExportDialog
          plan={plan as unknown as Parameters<typeof ExportDialog>[0]["plan"]}
          opened={open === "export"}
          onClose={onClose}
        />
      )}
      {mounted.has("history") && (
        <HistoryPanel
          planId={plan.id}
          currentRevision={plan.revision}
          opened={open === "history"}
          onClose={onClose}
          onReverted={(reverted) => onReverted(reverted as unknown as Plan)}
        />
      )}
      {mounted.has("comments") && comments && (
        <CommentsPanel
          planId={plan.id}
          questionId={comments.questionId}
          outputId={comments.outputId}
          opened={open === "comments"}
          onClose={onClose}
        />
      )}
    </Suspense>
  );
}
