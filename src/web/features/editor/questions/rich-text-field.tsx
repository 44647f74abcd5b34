import { Paper } from "@mantine/core";
import { type ClipboardEvent, type FormEvent, useEffect, useRef, useState } from "react";
import type { RichTextEditorProps } from "./rich-text-editor.js";
import { RichTextView } from "./rich-text-view.js";

// TipTap and ProseMirror are a chunk of their own, loaded in the first idle period after a narrative
// answer shows, or when one is focused.
type EditorModule = typeof import("./rich-text-editor.js");
let loaded: EditorModule | null = null;
let loading: Promise<EditorModule> | null = null;
function loadEditor(): Promise<EditorModule> {
  loading ??= import("./rich-text-editor.js").then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/**
 * Editors waiting to mount, one per idle period: each mount is a long task, and keystrokes in the
 * field being typed in must get through between them.
 */
const mountQueue: (() => void)[] = [];
let mountScheduled = false;
function scheduleMount() {
  if (mountScheduled || mountQueue.length === 0) return;
  mountScheduled = true;
  const run = () => {
    // The editor's code loads in the first idle period after a narrative answer shows (not as the
    // section renders): the mounts wait for it, then go on one per idle period.
    if (!loaded) {
      void loadEditor().then(
        () => {
          mountScheduled = false;
          scheduleMount();
        },
        () => {
          mountScheduled = false;
        },
      );
      return;
    }
    mountScheduled = false;
    mountQueue.shift()?.();
    scheduleMount();
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 50);
}
function mountWhenIdle(mount: () => void): () => void {
  mountQueue.push(mount);
  scheduleMount();
  return () => {
    const index = mountQueue.indexOf(mount);
    if (index >= 0) mountQueue.splice(index, 1);
  };
}

/** Characters of `element`'s text before the caret a click at (x, y) places, if it lands inside it. */
function caretOffsetAt(element: HTMLElement, x: number, y: number): number | undefined {
  const position = document.caretPositionFromPoint?.(x, y);
  const node = position?.offsetNode;
  if (!position || !node || !element.contains(node)) return undefined;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, position.offset);
  return before.toString().length;
}

/** How far outside the viewport a narrative answer's editor is already mounted. */
const mountMargin = "200px 0px";

/**
 * A narrative answer. Mounting a TipTap editor is costly (a 20-output plan has dozens), so until its
 * question comes near the viewport, or is focused, the stored answer shows as sanitised read-only
 * HTML in the same box. That box is focusable and editable for assistive technologies and the
 * keyboard: focusing it mounts the editor and moves focus into it, and whatever is typed before the
 * editor is there is kept and inserted into it (never lost).
 */
export function RichTextField(props: RichTextEditorProps) {
  const [mounted, setMounted] = useState(false);
  const [Editor, setEditor] = useState<EditorModule["RichTextEditor"] | null>(
    () => loaded?.RichTextEditor ?? null,
  );
  const focusOnMount = useRef(false);
  const caret = useRef<number | undefined>(undefined);
  const typed = useRef("");
  const placeholder = useRef<HTMLDivElement>(null);

  // Mounted (focused, or its turn in the idle queue): the editor's code, if it is not there yet.
  useEffect(() => {
    let live = true;
    if (mounted && !Editor)
      void loadEditor().then((module) => {
        if (live) setEditor(() => module.RichTextEditor);
      });
    return () => {
      live = false;
    };
  }, [mounted, Editor]);

  useEffect(() => {
    const element = placeholder.current;
    if (mounted || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      setMounted(true);
      return;
    }
    let cancel = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        cancel = mountWhenIdle(() => setMounted(true));
      },
      { rootMargin: mountMargin },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancel();
    };
  }, [mounted]);

  const LoadedEditor = Editor ?? loaded?.RichTextEditor;
  if (mounted && LoadedEditor)
    return (
      <LoadedEditor
        {...props}
        autoFocus={focusOnMount.current}
        pendingText={typed.current}
        caretOffset={caret.current}
        onPendingTextUsed={() => {
          typed.current = "";
          focusOnMount.current = false;
          caret.current = undefined;
        }}
      />
    );

  const onBeforeInput = (event: FormEvent<HTMLDivElement>) => {
    // The placeholder's content is React's: keep what is typed and give it to the editor.
    event.preventDefault();
    // React makes beforeinput from Chromium's `textInput` event, or `keypress` for a space (neither
    // has an inputType): its own event's `data` holds the characters either way.
    const data = (event as unknown as { data?: string | null }).data;
    const inputType = (event.nativeEvent as { inputType?: string }).inputType;
    if (data && (inputType === undefined || inputType === "insertText")) typed.current += data;
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    typed.current += event.clipboardData.getData("text/plain");
  };
  return (
    <Paper withBorder radius="sm" className="carnet-rich-text-frame" data-rich-text-placeholder>
      <div className="carnet-rich-text-toolbar carnet-rich-text-toolbar-placeholder" aria-hidden="true" />
      <div className={props.compact ? "carnet-rich-text-compact" : undefined}>
        {/* biome-ignore lint/a11y/useSemanticElements: it stands for the editor's contenteditable textbox. */}
        <div
          ref={placeholder}
          id={props.inputId}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={props.labelId}
          aria-label={props.labelId ? undefined : props.label}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          lang={props.lang}
          className="carnet-rich-text-input"
          contentEditable
          suppressContentEditableWarning
          spellCheck
          tabIndex={0}
          onMouseDown={(event) => {
            caret.current = caretOffsetAt(event.currentTarget, event.clientX, event.clientY);
          }}
          onFocus={() => {
            focusOnMount.current = true;
            setMounted(true);
          }}
          onBeforeInput={onBeforeInput}
          onPaste={onPaste}
          onDrop={(event) => event.preventDefault()}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
        >
          <RichTextView html={props.value} />
        </div>
      </div>
    </Paper>
  );
}
