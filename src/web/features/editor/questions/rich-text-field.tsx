import { Center, Loader, Paper, VisuallyHidden } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useLanguage } from "../../../language.js";
import type { RichTextEditorProps } from "./rich-text-editor.js";

// TipTap and ProseMirror are a chunk of their own, loaded when the first narrative answer shows.
const RichTextEditor = lazy(() => import("./rich-text-editor.js"));

function EditorLoading({ compact }: { compact?: boolean | undefined }) {
  const { t } = useLanguage();
  return (
    <Paper withBorder radius="sm" mih={compact ? 80 : 160}>
      <Center mih={compact ? 80 : 160} role="status">
        <Loader size="sm" aria-hidden="true" />
        <VisuallyHidden>{t("questions.rich_text.loading")}</VisuallyHidden>
      </Center>
    </Paper>
  );
}

/** The rich-text editor, lazily loaded; a spinner of the same size meanwhile. */
export function RichTextField(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<EditorLoading compact={props.compact} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
