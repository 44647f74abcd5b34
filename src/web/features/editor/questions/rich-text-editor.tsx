/**
 * The rich-text editor of narrative answers (TipTap). Loaded on demand (see rich-text-field.tsx) so
 * that ProseMirror stays out of the editor route's first chunk. It produces only HTML that the
 * rich-text allowlist of exports keeps (src/exports/rich-text): p, br, strong, em, u, s, code, a
 * (http, https, mailto), ul, ol, li, h3, blockquote — no code block, rule or image.
 */
import { ActionIcon, Button, Group, Paper, Popover, Stack, TextInput, Tooltip } from "@mantine/core";
import type { ChainedCommands } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Bold } from "@tiptap/extension-bold";
import { Code } from "@tiptap/extension-code";
import { Document } from "@tiptap/extension-document";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Heading } from "@tiptap/extension-heading";
import { Italic } from "@tiptap/extension-italic";
import { Link } from "@tiptap/extension-link";
import { BulletList, ListItem, ListKeymap, OrderedList } from "@tiptap/extension-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Strike } from "@tiptap/extension-strike";
import { Text } from "@tiptap/extension-text";
import { Underline } from "@tiptap/extension-underline";
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from "@tiptap/extensions";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Selection, TextSelection } from "@tiptap/pm/state";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import type { MessageKey } from "../../../../i18n/translate.js";
import { useLanguage } from "../../../language.js";
import { defuseHtml, isSafeLink, normaliseRichText } from "./values.js";

export interface RichTextEditorProps {
  value: string;
  onChange(value: string | null): void;
  inputId: string;
  /** Id of the element that names the editor (the question's label); else `label` names it. */
  labelId?: string | undefined;
  /** Plain label, for the toolbar's name. */
  label: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  /** Language of the text typed (the plan's), for spelling and screen readers. */
  lang?: string | undefined;
  compact?: boolean | undefined;
  /** Focus the editor once mounted (its read-only placeholder had the focus). */
  autoFocus?: boolean;
  /**
   * Where the placeholder was clicked, as a count of the answer's characters before the caret: the
   * editor's caret goes there (else to the end).
   */
  caretOffset?: number | undefined;
  /** Text typed into the placeholder before the editor was there, inserted once mounted. */
  pendingText?: string;
  onPendingTextUsed?(): void;
}

/** The document position after `offset` characters of its text (undefined past its end). */
function positionOfOffset(doc: ProseMirrorNode, offset: number): number | undefined {
  let remaining = offset;
  let found: number | undefined;
  doc.descendants((node, pos) => {
    if (found !== undefined) return false;
    if (!node.isText) return true;
    const length = node.text?.length ?? 0;
    if (remaining <= length) found = pos + remaining;
    else remaining -= length;
    return false;
  });
  return found;
}

function ToolbarButton({
  label,
  active,
  onClick,
  children,
}: {
  label: string;
  active: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon
        variant={active ? "filled" : "subtle"}
        color={active ? undefined : "dark"}
        size="md"
        aria-label={label}
        aria-pressed={active}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
        data-toolbar-item
        tabIndex={-1}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** An 18-pixel icon drawn with lines in the text colour (hidden from assistive technologies). */
function LineIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

/** The formatting buttons of the toolbar, in order: what they toggle, their name and their icon. */
const formatButtons: {
  name: "bold" | "italic" | "heading" | "bulletList" | "orderedList";
  label: MessageKey;
  icon: ReactNode;
  toggle(chain: ChainedCommands): ChainedCommands;
}[] = [
  {
    name: "bold",
    label: "questions.rich_text.bold",
    icon: <strong aria-hidden="true">B</strong>,
    toggle: (chain) => chain.toggleBold(),
  },
  {
    name: "italic",
    label: "questions.rich_text.italic",
    icon: (
      <em aria-hidden="true" style={{ fontFamily: "serif" }}>
        I
      </em>
    ),
    toggle: (chain) => chain.toggleItalic(),
  },
  {
    name: "heading",
    label: "questions.rich_text.heading",
    icon: <span aria-hidden="true">H</span>,
    toggle: (chain) => chain.toggleHeading({ level: 3 }),
  },
  {
    name: "bulletList",
    label: "questions.rich_text.bullet_list",
    icon: (
      <LineIcon>
        <line x1="9" y1="6" x2="20" y2="6" />
        <line x1="9" y1="12" x2="20" y2="12" />
        <line x1="9" y1="18" x2="20" y2="18" />
        <circle cx="4.5" cy="6" r="1" fill="currentColor" />
        <circle cx="4.5" cy="12" r="1" fill="currentColor" />
        <circle cx="4.5" cy="18" r="1" fill="currentColor" />
      </LineIcon>
    ),
    toggle: (chain) => chain.toggleBulletList(),
  },
  {
    name: "orderedList",
    label: "questions.rich_text.ordered_list",
    icon: (
      <LineIcon>
        <line x1="10" y1="6" x2="20" y2="6" />
        <line x1="10" y1="12" x2="20" y2="12" />
        <line x1="10" y1="18" x2="20" y2="18" />
        <path d="M4 4h1v4" />
        <path d="M4 14.5a1.5 1.5 0 0 1 3 0c0 1-3 2-3 3.5h3" />
      </LineIcon>
    ),
    toggle: (chain) => chain.toggleOrderedList(),
  },
];

/** Arrow keys move between toolbar buttons; only one of them is in the Tab order (WAI-ARIA toolbar). */
function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-toolbar-item]")];
  const current = items.indexOf(document.activeElement as HTMLElement);
  let next = current;
  if (event.key === "ArrowRight") next = (current + 1) % items.length;
  if (event.key === "ArrowLeft") next = (current - 1 + items.length) % items.length;
  if (event.key === "Home") next = 0;
  if (event.key === "End") next = items.length - 1;
  event.preventDefault();
  for (const item of items) item.tabIndex = -1;
  const target = items[next];
  if (target) {
    target.tabIndex = 0;
    target.focus();
  }
}

/**
 * The toolbar of one rich-text editor. Memoised: typing elsewhere in the plan re-renders the
 * editor's card, and a dozen tooltips and buttons per narrative answer need not follow.
 */
const RichTextToolbar = memo(function RichTextToolbar({
  editor,
  label,
  inputId,
}: {
  editor: Editor;
  label: string;
  inputId: string;
}) {
  const { t } = useLanguage();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      heading: e.isActive("heading", { level: 3 }),
      link: e.isActive("link"),
    }),
  });

  useEffect(() => {
    const first = toolbarRef.current?.querySelector<HTMLElement>("[data-toolbar-item]");
    if (first) first.tabIndex = 0;
  }, []);

  const applyLink = () => {
    const url = linkUrl.trim();
    if (url === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      setLinkOpen(false);
      return;
    }
    if (!isSafeLink(url)) {
      setLinkError(t("questions.rich_text.link_invalid"));
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    setLinkOpen(false);
  };

  const linkInputId = `${inputId}-link`;
  return (
    <Group
      gap={4}
      p={4}
      role="toolbar"
      aria-label={t("questions.rich_text.toolbar", { label: label })}
      aria-controls={inputId}
      ref={toolbarRef}
      onKeyDown={onToolbarKeyDown}
      className="carnet-rich-text-toolbar"
    >
      {formatButtons.map((button) => (
        <ToolbarButton
          key={button.name}
          label={t(button.label)}
          active={state[button.name]}
          onClick={() => {
            button.toggle(editor.chain().focus()).run();
            // TipTap's focus waits for the next frame: a key typed at once would reach the button.
            editor.view.focus();
          }}
        >
          {button.icon}
        </ToolbarButton>
      ))}
      <Popover
        opened={linkOpen}
        onChange={setLinkOpen}
        trapFocus
        returnFocus
        position="bottom-start"
        withinPortal={false}
      >
        <Popover.Target>
          <ActionIcon
            variant={state.link ? "filled" : "subtle"}
            color={state.link ? undefined : "dark"}
            size="md"
            aria-label={t("questions.rich_text.link")}
            aria-pressed={state.link}
            aria-expanded={linkOpen}
            data-toolbar-item
            tabIndex={-1}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setLinkUrl((editor.getAttributes("link").href as string | undefined) ?? "");
              setLinkError(null);
              setLinkOpen((open) => !open);
            }}
          >
            <LineIcon>
              <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
              <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
            </LineIcon>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={300}>
            <TextInput
              id={linkInputId}
              label={t("questions.rich_text.link_url")}
              value={linkUrl}
              error={linkError}
              onChange={(event) => {
                setLinkUrl(event.currentTarget.value);
                setLinkError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  applyLink();
                }
              }}
            />
            <Group gap="xs">
              <Button size="xs" onClick={applyLink}>
                {t("questions.rich_text.link_apply")}
              </Button>
              {state.link && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    editor.chain().focus().extendMarkRange("link").unsetLink().run();
                    setLinkOpen(false);
                  }}
                >
                  {t("questions.rich_text.unlink")}
                </Button>
              )}
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
});

export function RichTextEditor(props: RichTextEditorProps) {
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;

  const attributes = (): Record<string, string> => {
    const attrs: Record<string, string> = {
      id: props.inputId,
      role: "textbox",
      "aria-multiline": "true",
      class: "carnet-rich-text carnet-rich-text-input",
      spellcheck: "true",
    };
    if (props.labelId) attrs["aria-labelledby"] = props.labelId;
    else attrs["aria-label"] = props.label;
    if (props.describedBy) attrs["aria-describedby"] = props.describedBy;
    if (props.invalid) attrs["aria-invalid"] = "true";
    if (props.lang) attrs.lang = props.lang;
    return attrs;
  };

  const editor = useEditor({
    // StarterKit's extensions, in its order, less its code block and rule (imported one by one: the
    // kit would ship those two even when turned off).
    extensions: [
      Bold,
      Blockquote,
      BulletList,
      Code,
      Document,
      Dropcursor,
      Gapcursor,
      HardBreak,
      Heading.configure({ levels: [3, 4] }),
      UndoRedo,
      Italic,
      ListItem,
      ListKeymap,
      OrderedList,
      Paragraph,
      Strike,
      Text,
      Underline,
      TrailingNode,
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["mailto"],
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => isSafeLink(url),
      }),
    ],
    content: defuseHtml(props.value),
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: attributes() },
    onUpdate: ({ editor: current }) => onChangeRef.current(normaliseRichText(current.getHTML()) || null),
  });

  // Take over from the placeholder: the focus, and anything typed into it meanwhile.
  // Before the browser handles the next keystroke (layout effect: the editor's DOM is attached).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when mounted.
  useLayoutEffect(() => {
    if (props.autoFocus) {
      // Now, not in the next frame as TipTap's focus command does: the next keystroke must land here.
      const { state, view } = editor;
      const at = props.caretOffset === undefined ? undefined : positionOfOffset(state.doc, props.caretOffset);
      view.dispatch(
        state.tr.setSelection(
          at === undefined ? Selection.atEnd(state.doc) : TextSelection.create(state.doc, at),
        ),
      );
      view.focus();
    }
    if (props.pendingText) editor.commands.insertContent(props.pendingText);
    props.onPendingTextUsed?.();
  }, [editor]);

  // Keep names, descriptions and validity in step with the card.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attributes() derives from these props.
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: attributes() } });
  }, [editor, props.inputId, props.labelId, props.describedBy, props.invalid, props.lang]);

  // A value changed elsewhere (another author, a revert) replaces the content unless the user is typing here.
  useEffect(() => {
    if (editor.isFocused) return;
    if (normaliseRichText(editor.getHTML()) === (props.value ?? "")) return;
    editor.commands.setContent(defuseHtml(props.value ?? ""), { emitUpdate: false });
  }, [editor, props.value]);

  return (
    <Paper withBorder radius="sm" className="carnet-rich-text-frame">
      <RichTextToolbar editor={editor} label={props.label} inputId={props.inputId} />
      <EditorContent editor={editor} className={props.compact ? "carnet-rich-text-compact" : undefined} />
    </Paper>
  );
}

export default RichTextEditor;
