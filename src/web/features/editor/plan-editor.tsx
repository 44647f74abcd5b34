import {
  Avatar,
  Box,
  Burger,
  Button,
  Drawer,
  Group,
  Paper,
  Popover,
  Progress,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useSearchParams } from "react-router";
import type { VocabularyView } from "../../../contract/templates.js";
import { computeCompleteness, describeMissing, type PlanCompleteness } from "../../../domain/completeness.js";
import { localize } from "../../../domain/localized.js";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { type LivePresenceEntry, subscribePlanEvents } from "../../api/live.js";
import { useLanguage } from "../../language.js";
import { useDocumentTitle } from "../../ui/page.js";
import { useCommentCounts } from "../plan-panels/comment-counts.js";
import { ConflictDialog } from "./conflict-dialog.js";
import type { EditorApi } from "./editor-api.js";
import { EditorContext, type EditorContextValue } from "./editor-context.js";
import { EditorNav, type EditorView, parseView, viewKey } from "./editor-nav.js";
import { type CommentTarget, EditorPanels, type PanelName } from "./editor-panels.js";
import { ContributorsForm } from "./forms/contributors-form.js";
import { DetailsForm } from "./forms/details-form.js";
import { OutputsForm } from "./forms/outputs-form.js";
import { ProjectForm } from "./forms/project-form.js";
import { fieldDomId } from "./plan-ops.js";
import { LearnLabelsContext } from "./questions/question-context.js";
import { answerInputId, wholeVocabularyMaxItems } from "./questions/values.js";
import { SaveStatus } from "./save-status.js";
import { type CommentsAccess, SectionView } from "./section-view.js";
import { usePlanDocument } from "./use-plan-document.js";
import { useVocabularyLabels } from "./vocabulary-labels.js";

/** Which view shows the field at `path` (a JSON pointer of an answer or a form field). */
function viewOfPath(path: string, template: Template): EditorView {
  const segments = path.split("/").slice(1);
  const sectionOf = (questionId: string) =>
    template.sections.find((s) => s.questions.some((q) => q.id === questionId))?.id ?? "";
  if (segments[0] === "answers") return { kind: "section", sectionId: sectionOf(segments[1] ?? "") };
  if (segments[0] === "outputs" && segments[2] === "answers")
    return { kind: "output-section", outputId: segments[1] ?? "", sectionId: sectionOf(segments[3] ?? "") };
  if (segments[0] === "outputs") return { kind: "outputs" };
  if (segments[0] === "project" || segments[0] === "entity") return { kind: "project" };
  if (segments[0] === "persons" || segments[0] === "contributions") return { kind: "contributors" };
  return { kind: "details" };
}

/**
 * Move the focus to the field at `path` once it is rendered (a section renders its cards a few at a
 * time), giving up after a few seconds.
 */
function focusFieldSoon(path: string, until = performance.now() + 3000): void {
  requestAnimationFrame(() => {
    if (!focusField(path) && performance.now() < until) focusFieldSoon(path, until);
  });
}

/** Move the focus to the field at `path` (its first input), scrolled into view. */
function focusField(path: string): boolean {
  const input = document.getElementById(answerInputId(path));
  if (input) {
    input.scrollIntoView({ block: "center" });
    input.focus({ preventScroll: true });
    return true;
  }
  const element = document.getElementById(fieldDomId(path));
  if (!element) return false;
  const target = element.matches("input, textarea, select, [contenteditable=true]")
    ? element
    : (element.querySelector<HTMLElement>(
        "input:not([type=hidden]), textarea, [contenteditable=true], button",
      ) ?? element);
  element.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  return true;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
}

const panelNames = ["share", "export", "history", "comments"] as const;

/** The header's panel buttons (`allowed`: the names of those enabled, space-separated). */
const PanelButtons = memo(function PanelButtons({
  allowed,
  onOpen,
}: {
  allowed: string;
  onOpen(name: PanelName): void;
}) {
  const { t } = useLanguage();
  const enabled = new Set(allowed.split(" "));
  return (
    <Group gap={4}>
      {panelNames.map((panel) => (
        <Button
          key={panel}
          variant="default"
          size="sm"
          disabled={!enabled.has(panel)}
          onClick={() => onOpen(panel)}
          aria-haspopup="dialog"
        >
          {t(`editor.header.${panel}`)}
        </Button>
      ))}
    </Group>
  );
});

interface CompletenessProps {
  /** The plan as of the last deferred render, and its completeness. */
  plan: Plan;
  template: Template;
  completeness: PlanCompleteness;
  /** Go to the field at a JSON pointer. */
  onJump(path: string): void;
}

/** The header's completeness meter; opened, the list of what is missing (memoised: it follows the deferred plan). */
const CompletenessMeter = memo(function CompletenessMeter({
  plan,
  template,
  completeness,
  onJump,
}: CompletenessProps) {
  const { t } = useLanguage();
  const percent =
    completeness.total === 0 ? 100 : Math.round((completeness.answered / completeness.total) * 100);
  return (
    <Popover width={420} position="bottom-end" shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={t("editor.completeness.open", { percent })} data-testid="completeness">
          <Stack gap={2} w={140}>
            <Text size="xs" c="gray.8">
              {t("editor.completeness.label", { percent })}
            </Text>
            <Progress value={percent} aria-hidden="true" color={completeness.complete ? "green" : "blue"} />
          </Stack>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <MissingList plan={plan} template={template} completeness={completeness} onJump={onJump} />
      </Popover.Dropdown>
    </Popover>
  );
});

/** What is missing in the plan, each entry a button that jumps to the field (rendered when shown). */
function MissingList({ plan, template, completeness, onJump }: CompletenessProps) {
  const { t, lang } = useLanguage();
  const missing = useMemo(
    () => describeMissing(plan, template, completeness, lang),
    [plan, template, completeness, lang],
  );
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        {t("editor.completeness.missing_title")}
      </Title>
      {missing.length === 0 ? (
        <Text size="sm">{t("editor.completeness.nothing_missing")}</Text>
      ) : (
        <ScrollArea.Autosize mah={320}>
          <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {missing.map((entry) => (
              <li key={entry.path}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  styles={{
                    label: { whiteSpace: "normal", textAlign: "left" },
                    root: { height: "auto" },
                  }}
                  onClick={() => onJump(entry.path)}
                >
                  {entry.text}
                </Button>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** The vocabularies as the editor page loaded them (`/api/v1/vocabulary-views`). */
export interface LoadedVocabularies {
  /** One view per vocabulary and language; undefined while they load. */
  views: readonly VocabularyView[] | undefined;
  languages: readonly UiLanguage[];
  /** The codes of the plan whose labels large vocabularies were asked for. */
  codes: readonly string[];
}

export interface PlanEditorProps {
  initialPlan: Plan;
  template: Template;
  vocabularies: LoadedVocabularies;
  api: EditorApi;
  readOnly: boolean;
  /** What the caller may do (`GET /plans/:id/access`). */
  capabilities: readonly string[];
}

/** The plan editor: header, navigation with completeness, and the form or section being edited. */
export function PlanEditor({
  initialPlan,
  template,
  vocabularies: loadedVocabularies,
  api,
  readOnly,
  capabilities,
}: PlanEditorProps) {
  const { t, lang } = useLanguage();
  const doc = usePlanDocument(initialPlan, api, readOnly);
  const { plan } = doc;
  useDocumentTitle(plan.details.title || t("editor.untitled"));
  const [params, setParams] = useSearchParams();
  const view = parseView(params.get("view"));
  const [navOpened, nav] = useDisclosure(false);
  const wide = useMediaQuery("(min-width: 62em)", true);
  const [present, setPresent] = useState<LivePresenceEntry[]>([]);
  const connection = useRef<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  /** Set when the user picks a view in the navigation: its heading takes the focus. */
  const headingFocus = useRef(false);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [mountedPanels, setMountedPanels] = useState<ReadonlySet<PanelName>>(new Set());
  const [commentTarget, setCommentTarget] = useState<CommentTarget | null>(null);
  const lastQuestion = useRef<CommentTarget | null>(null);
  const commentCounts = useCommentCounts(initialPlan.id);

  const closeNav = nav.close;
  const select = useCallback(
    (next: EditorView, focusPath?: string) => {
      if (focusPath && viewKey(next) === viewKey(parseView(params.get("view")))) {
        focusFieldSoon(focusPath);
        return;
      }
      pendingFocus.current = focusPath ?? null;
      headingFocus.current = focusPath === undefined;
      setParams((previous) => {
        const copy = new URLSearchParams(previous);
        copy.set("view", viewKey(next));
        return copy;
      });
      closeNav();
    },
    [params, setParams, closeNav],
  );

  // After a jump, focus the field once its view is on screen; otherwise the view's heading.
  const currentKey = viewKey(view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the view changes.
  useEffect(() => {
    const path = pendingFocus.current;
    if (!path) {
      if (headingFocus.current) document.getElementById("editor-content-title")?.focus();
      headingFocus.current = false;
      return;
    }
    pendingFocus.current = null;
    focusFieldSoon(path);
  }, [currentKey]);

  // Tell the others which field I am in.
  const lastSent = useRef<string | null>(null);
  const sendPresence = useCallback(
    (field: string | null) => {
      const id = connection.current;
      if (!id || lastSent.current === field) return;
      lastSent.current = field;
      void api.sendPresence(plan.id, id, field).catch(() => {});
    },
    [api, plan.id],
  );

  // Others' edits and presence, live.
  const { applyRemote, catchUp, reload } = doc;
  useEffect(() => {
    const live = subscribePlanEvents(plan.id, {
      // After every (re)connection: a new connection id, and the edits missed meanwhile fetched.
      onHello: ({ connectionId, revision }) => {
        connection.current = connectionId;
        lastSent.current = null;
        catchUp(revision);
      },
      onEdit: (edit) => applyRemote(edit),
      onPresence: (people) => setPresent(people.filter((p) => p.connectionId !== connection.current)),
      onResync: () => void reload(),
      onStatus: (status) => {
        if (status !== "open") connection.current = null;
      },
    });
    return () => live.close();
  }, [plan.id, applyRemote, catchUp, reload]);

  // Completeness (header meter, navigation counts) follows the plan in deferred renders, the first
  // one included: the editor's first render shows the section being edited without waiting for it.
  const deferredPlan = useDeferredValue<Plan | null>(plan, null);
  const completeness = useMemo(
    () => (deferredPlan ? computeCompleteness(deferredPlan, template) : null),
    [deferredPlan, template],
  );
  const jump = useCallback((path: string) => select(viewOfPath(path, template), path), [select, template]);

  // Labels of codes the plan gains (others' edits, reverts…) follow it at the deferred pace.
  const {
    views: vocabularies,
    set: vocabularySet,
    learn: learnLabels,
  } = useVocabularyLabels({
    loaded: loadedVocabularies.views,
    askedAtLoad: loadedVocabularies.codes,
    uiLang: lang,
    plan: deferredPlan,
    template,
    fetchLabels: (ids, codes, signal) =>
      api.getVocabularies(ids, loadedVocabularies.languages, signal, {
        maxItems: wholeVocabularyMaxItems,
        codes,
      }),
  });
  // Vocabularies arriving re-render every card that shows one: in a render that typing interrupts.
  const shownVocabularies = useDeferredValue(vocabularySet);
  const context = useMemo<EditorContextValue>(
    () => ({
      api,
      plan,
      template,
      vocabularies,
      vocabularySet: shownVocabularies,
      readOnly,
      edit: doc.edit,
      currentPlan: doc.current,
    }),
    [api, plan, template, vocabularies, shownVocabularies, readOnly, doc.edit, doc.current],
  );

  const panelAllowed = (name: PanelName) =>
    name === "share"
      ? capabilities.includes("view_members")
      : name === "history"
        ? capabilities.includes("view_history")
        : name === "comments"
          ? view.kind === "section" || view.kind === "output-section"
          : true;
  const openPanel = (name: PanelName, target?: CommentTarget) => {
    if (name === "comments") {
      const section = template.sections.find(
        (s) => (view.kind === "section" || view.kind === "output-section") && s.id === view.sectionId,
      );
      const fallback = section?.questions[0]
        ? {
            questionId: section.questions[0].id,
            outputId: view.kind === "output-section" ? view.outputId : null,
          }
        : null;
      const chosen = target ?? lastQuestion.current ?? fallback;
      if (!chosen) return;
      setCommentTarget(chosen);
    }
    setMountedPanels((previous) => new Set([...previous, name]));
    setPanel(name);
  };
  // The comment buttons of the cards: one object for the editor's life (the cards are memoised).
  const openPanelRef = useRef(openPanel);
  useLayoutEffect(() => {
    openPanelRef.current = openPanel;
  });
  const openPanelByName = useCallback((name: PanelName) => openPanelRef.current(name), []);
  const canComment = capabilities.includes("comment");
  const comments = useMemo<CommentsAccess>(
    () => ({
      canComment,
      open: (questionId, outputId) => openPanelRef.current("comments", { questionId, outputId }),
    }),
    [canComment],
  );

  const planLang = plan.language === "fra" ? "fr" : "en";
  let heading: string;
  let content: React.ReactNode;
  switch (view.kind) {
    case "details":
      heading = t("editor.nav.details");
      content = <DetailsForm />;
      break;
    case "project":
      heading = plan.context === "research_entity" ? t("editor.nav.entity") : t("editor.nav.project");
      content = <ProjectForm />;
      break;
    case "contributors":
      heading = t("editor.nav.contributors");
      content = <ContributorsForm />;
      break;
    case "outputs":
      heading = t("editor.nav.outputs");
      content = <OutputsForm />;
      break;
    case "section":
    case "output-section": {
      const section = template.sections.find((s) => s.id === view.sectionId);
      const output = view.kind === "output-section" ? plan.outputs[view.outputId] : undefined;
      if (!section || (view.kind === "output-section" && !output)) {
        heading = t("editor.section.missing");
        content = <Text>{t("editor.section.missing_text")}</Text>;
      } else {
        heading = `${output ? `${output.shortName} › ` : ""}${localize(section.title, planLang)}`;
        content = (
          <SectionView
            key={currentKey}
            reveal={pendingFocus.current}
            section={section}
            {...(output ? { output } : {})}
            present={present}
            comments={comments}
            commentCounts={commentCounts}
          />
        );
      }
    }
  }

  // The navigation follows the plan at the deferred pace of the completeness it shows.
  const navigation =
    deferredPlan && completeness ? (
      <EditorNav
        plan={deferredPlan}
        template={template}
        completeness={completeness}
        currentKey={currentKey}
        onSelect={select}
      />
    ) : null;

  return (
    <EditorContext.Provider value={context}>
      <Stack gap="md" data-testid="plan-editor">
        <Paper withBorder radius="md" p="sm" component="header" aria-label={t("editor.header.label")}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              {!wide && (
                <Burger opened={navOpened} onClick={nav.toggle} aria-label={t("editor.nav.open")} size="sm" />
              )}
              <Box style={{ minWidth: 0 }}>
                <Title order={1} size="h3" lineClamp={1}>
                  {plan.details.title || t("editor.untitled")}
                </Title>
                <Text size="sm" c="gray.7" lineClamp={1}>
                  {localize(template.title, lang)}
                  {readOnly ? ` · ${t("editor.read_only")}` : ""}
                </Text>
              </Box>
            </Group>
            <Group gap="sm" wrap="wrap">
              {!readOnly && <SaveStatus state={doc.saveState} onRetry={doc.flush} />}
              {present.length > 0 && (
                <Avatar.Group aria-label={t("editor.presence.label")} role="group" data-testid="presence">
                  {present.map((person) => (
                    <Tooltip key={person.connectionId} label={person.name}>
                      <Avatar color="grape" alt={person.name} aria-label={person.name}>
                        {initials(person.name)}
                      </Avatar>
                    </Tooltip>
                  ))}
                </Avatar.Group>
              )}
              {deferredPlan && completeness ? (
                <CompletenessMeter
                  plan={deferredPlan}
                  template={template}
                  completeness={completeness}
                  onJump={jump}
                />
              ) : (
                <Box w={140} />
              )}
              <PanelButtons allowed={panelNames.filter(panelAllowed).join(" ")} onOpen={openPanelByName} />
            </Group>
          </Group>
        </Paper>
        <Group align="flex-start" wrap="nowrap" gap="md">
          {wide ? (
            <Paper
              withBorder
              radius="md"
              p="xs"
              w={300}
              style={{ flexShrink: 0, position: "sticky", top: 76 }}
            >
              <ScrollArea.Autosize mah="calc(100vh - 110px)">{navigation}</ScrollArea.Autosize>
            </Paper>
          ) : (
            <Drawer opened={navOpened} onClose={nav.close} title={t("editor.nav.label")} size={320}>
              {navigation}
            </Drawer>
          )}
          <Box
            component="section"
            aria-labelledby="editor-content-title"
            style={{ flex: 1, minWidth: 0 }}
            onFocusCapture={(event) => {
              const holder = (event.target as HTMLElement).closest<HTMLElement>("[data-path]");
              const field = holder?.dataset.path;
              const questionId = holder?.dataset.question;
              if (questionId)
                lastQuestion.current = {
                  questionId,
                  outputId: view.kind === "output-section" ? view.outputId : null,
                };
              sendPresence(field ?? null);
            }}
            onBlurCapture={(event) => {
              const next = event.relatedTarget as HTMLElement | null;
              if (!next?.closest("[data-path]")) sendPresence(null);
            }}
          >
            <Title order={2} id="editor-content-title" tabIndex={-1} mb="md">
              {heading}
            </Title>
            <LearnLabelsContext.Provider value={learnLabels}>{content}</LearnLabelsContext.Provider>
          </Box>
        </Group>
      </Stack>
      <EditorPanels
        plan={plan}
        open={panel}
        mounted={mountedPanels}
        comments={commentTarget}
        onClose={() => setPanel(null)}
        onReverted={doc.replace}
      />
      <ConflictDialog
        conflicts={doc.saveState.kind === "conflict" ? doc.saveState.conflicts : null}
        onChoose={doc.resolveConflict}
      />
    </EditorContext.Provider>
  );
}
