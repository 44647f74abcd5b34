import { Avatar, Button, Group, Stack, Text, Tooltip } from "@mantine/core";
import { memo, startTransition, useCallback, useEffect, useMemo, useState } from "react";
import type { AnswerValue } from "../../../domain/answer-values.js";
import { isQuestionVisible, isSectionApplicable } from "../../../domain/conditions.js";
import { parsePointer, toPointer } from "../../../domain/json-pointer.js";
import { localize } from "../../../domain/localized.js";
import type { ResearchOutput } from "../../../domain/plan.js";
import type { Question, Section } from "../../../domain/template.js";
import type { VocabularySet } from "../../../domain/vocabulary.js";
import type { LivePresenceEntry } from "../../api/live.js";
import { useLanguage } from "../../language.js";
import { useEditorContext } from "./editor-context.js";
import { fieldDomId, setOp, unsetOps } from "./plan-ops.js";
import { QuestionCard } from "./questions/question-card.js";
import { PlanPersonsProvider } from "./questions/question-context.js";

/** Small avatars of the people whose cursor is in `path` (or inside it). */
export function PresenceMarks({ people, path }: { people: LivePresenceEntry[]; path: string }) {
  const { t } = useLanguage();
  const here = people.filter((p) => p.field !== null && isWithin(p.field, path));
  if (here.length === 0) return null;
  return (
    <Group gap={4} data-testid="field-presence">
      {here.map((person) => (
        <Tooltip key={person.connectionId} label={t("editor.presence.in_field", { name: person.name })}>
          <Avatar size="sm" color="grape" name={person.name} alt={person.name} />
        </Tooltip>
      ))}
      <Text size="xs" c="grape.9">
        {t("editor.presence.editing", { names: here.map((p) => p.name).join(", ") })}
      </Text>
    </Group>
  );
}

/** Open comment counts by `"outputId|questionId"` (outputId empty for plan-wide questions). */
export type CommentCounts = ReadonlyMap<string, { open: number; resolved: number }>;

/** What the comment buttons need from the editor (stable between edits). */
export interface CommentsAccess {
  /** The caller may write comments (else the button only shows them). */
  canComment: boolean;
  open(questionId: string, outputId: string | null): void;
}

const nobody: LivePresenceEntry[] = [];

/** The people whose cursor is in `path` or inside it (the same empty list when nobody is). */
function peopleIn(people: readonly LivePresenceEntry[], path: string): LivePresenceEntry[] {
  const here = people.filter((p) => p.field !== null && isWithin(p.field, path));
  return here.length === 0 ? nobody : here;
}

function CommentButton({
  questionId,
  outputId,
  openCount,
  comments,
}: {
  questionId: string;
  outputId: string | null;
  openCount: number;
  comments: CommentsAccess;
}) {
  const { t } = useLanguage();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      aria-haspopup="dialog"
      onClick={() => comments.open(questionId, outputId)}
    >
      {openCount > 0
        ? t("editor.comments.open_count", { count: openCount })
        : comments.canComment
          ? t("editor.comments.open")
          : t("editor.comments.view")}
    </Button>
  );
}

interface SectionQuestionProps {
  question: Question;
  value: AnswerValue | null | undefined;
  path: string;
  outputId: string | null;
  readOnly: boolean;
  vocabularies: VocabularySet;
  planLanguage: string;
  people: LivePresenceEntry[];
  /** Open comments of this question (a number, so that other questions' counts do not render it). */
  openComments: number;
  comments: CommentsAccess | undefined;
  onChange(path: string, value: AnswerValue | null): void;
}

/**
 * One question of a section. Memoised on its own props, all stable between edits of other answers:
 * typing in one answer renders that card only.
 */
const SectionQuestion = memo(function SectionQuestion(props: SectionQuestionProps) {
  const { question, path, onChange } = props;
  const change = useCallback((value: AnswerValue | null) => onChange(path, value), [onChange, path]);
  return (
    <div id={fieldDomId(path)} data-question={question.id} data-path={path}>
      <QuestionCard
        question={question}
        value={props.value}
        path={path}
        readOnly={props.readOnly}
        vocabularies={props.vocabularies}
        planLanguage={props.planLanguage}
        presence={props.people.length > 0 ? <PresenceMarks people={props.people} path={path} /> : null}
        commentSlot={
          props.comments ? (
            <CommentButton
              questionId={question.id}
              outputId={props.outputId}
              openCount={props.openComments}
              comments={props.comments}
            />
          ) : null
        }
        onChange={change}
      />
    </div>
  );
});

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** Cards rendered with the section; the others follow a few at a time. */
const firstCards = 1;
const cardsPerStep = 3;

/**
 * How many of `total` cards to render: `first` at once, then a few more per render, each a transition
 * that input interrupts — a section of a large plan has thousands of components, and the first
 * answers are usable (and typing in them stays responsive) while the rest are rendered.
 */
function useProgressiveCount(total: number, first: number): number {
  const [shown, setShown] = useState(() => Math.max(firstCards, first));
  if (first > shown) setShown(first); // a card to reveal now stays rendered from then on
  useEffect(() => {
    if (shown >= total) return;
    const next = setTimeout(() => startTransition(() => setShown((n) => n + cardsPerStep)), 0);
    return () => clearTimeout(next);
  }, [shown, total]);
  return Math.max(shown, first);
}

/**
 * The questions of one section, for the plan or one research output; hidden questions disappear.
 * `reveal` (a question's answer path) is rendered with the first cards (a jump to it).
 */
export function SectionView({
  section,
  output,
  present,
  comments,
  commentCounts,
  reveal,
}: {
  section: Section;
  output?: ResearchOutput;
  present: LivePresenceEntry[];
  comments?: CommentsAccess | undefined;
  commentCounts?: CommentCounts | undefined;
  reveal?: string | null | undefined;
}) {
  const { t } = useLanguage();
  const { plan, edit, currentPlan, readOnly, vocabularySet } = useEditorContext();
  const answers = output ? output.answers : plan.answers;
  const context = output ? { answers, output } : { answers };
  const planLang = plan.language === "fra" ? "fr" : "en";
  // One handler for every card, whatever is edited: it reads the plan as it is when called.
  const onChange = useCallback(
    (path: string, value: AnswerValue | null) => {
      const segments = parsePointer(path) ?? [];
      const latest = currentPlan();
      edit(
        value === null || value === undefined ? unsetOps(latest, segments) : [setOp(latest, segments, value)],
      );
    },
    [edit, currentPlan],
  );
  const persons = useMemo(() => Object.values(plan.persons), [plan.persons]);
  const pathOf = (question: Question) =>
    toPointer(output ? ["outputs", output.id, "answers", question.id] : ["answers", question.id]);
  const questions = section.questions.filter((question) => isQuestionVisible(question, context));
  const revealed = reveal ? questions.findIndex((question) => isWithin(reveal, pathOf(question))) + 1 : 0;
  const shown = useProgressiveCount(questions.length, revealed);
  if (!isSectionApplicable(section, context)) {
    return <Text c="gray.7">{t("editor.section.not_applicable")}</Text>;
  }
  const description = section.description ? localize(section.description, planLang) : "";
  const outputId = output?.id ?? null;
  return (
    <PlanPersonsProvider persons={persons}>
      <Stack gap="lg" maw={860}>
        {description && <Text c="gray.7">{description}</Text>}
        {questions.slice(0, shown).map((question) => {
          const path = pathOf(question);
          return (
            <SectionQuestion
              key={question.id}
              question={question}
              value={answers[question.id]}
              path={path}
              outputId={outputId}
              readOnly={readOnly}
              vocabularies={vocabularySet}
              planLanguage={plan.language}
              people={peopleIn(present, path)}
              openComments={commentCounts?.get(`${outputId ?? ""}|${question.id}`)?.open ?? 0}
              comments={comments}
              onChange={onChange}
            />
          );
        })}
      </Stack>
    </PlanPersonsProvider>
  );
}
