/**
 * `QuestionCard`: one template question with its answer, as the plan editor (/plans/:id) shows it.
 *
 * Props:
 * - `question` — the template question (`Question` of src/domain/template.ts); its kind picks the widget.
 * - `value` — the answer (`AnswerValue` of src/domain/answer-values.ts; shape per kind), null or
 *   undefined when unanswered. `onChange(value)` gets the new answer, `null` when the user cleared it.
 *   Text inputs call it on every keystroke: the editor debounces saving.
 * - `readOnly` — show the answer as text, without inputs (readers, public plans).
 * - `path` — JSON pointer of the answer (`/outputs/<id>/answers/<question>`). The card's element id
 *   is `answerAnchorId(path)` and its first input's `answerInputId(path)` (both exported from
 *   ./values.ts); a group cell's input is `answerInputId(`${path}/<row>/<field>`)`. The card also
 *   carries `data-answer-path={path}`.
 * - `problem` — a message to show (validation, conflict…); the input is marked invalid and described by it.
 * - `vocabularies` — a `VocabularySet` (src/domain/vocabulary.ts): `ReadonlyMap<vocabulary id, Vocabulary>`,
 *   each `Vocabulary` with `items: { code, label: { en, fr, … } }[]`. Vocabulary questions, units and
 *   identifier types read their options from it; build it once per page (search indexes are cached
 *   per Vocabulary object).
 * - `planLanguage` — the plan's language, ISO 639-3 (`fra`) or 639-1 (`fr`): question texts, options
 *   and vocabulary labels are shown in it (falling back visibly); the interface text follows the UI language.
 * - `presence` — who else is in this field (shown beside the label); `commentSlot` — the comment thread.
 *
 * `person`/`persons` questions choose among the plan's contributors, given by `PlanPersonsProvider`
 * (./question-context.tsx) around the cards.
 */
import { Badge, Box, Collapse, Group, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import "./questions.css";
import { memo, type ReactNode, useId, useState } from "react";
import type { AnswerValue } from "../../../../domain/answer-values.js";
import { pickText, textLanguageOf } from "../../../../domain/localized.js";
import type { Question } from "../../../../domain/template.js";
import type { VocabularySet } from "../../../../domain/vocabulary.js";
import { useLanguage } from "../../../language.js";
import { FieldWidget, widgetShowsProblem } from "./field-widget.js";
import { ReadOnlyValue } from "./read-only.js";
import { answerAnchorId, answerInputId } from "./values.js";

export interface QuestionCardProps {
  question: Question;
  value: AnswerValue | null | undefined;
  onChange(value: AnswerValue | null): void;
  readOnly: boolean;
  path: string;
  problem?: string | undefined;
  vocabularies: VocabularySet;
  planLanguage: string;
  presence?: ReactNode;
  commentSlot?: ReactNode;
}

/** Kinds whose input is one native control, so the question can be its `<label for>`. */
const singleControlKinds = new Set(["text", "url", "email", "date", "person", "persons"]);

function Disclosure({
  id,
  showLabel,
  hideLabel,
  title,
  text,
  lang,
}: {
  id: string;
  showLabel: string;
  hideLabel: string;
  title: string;
  text: string;
  lang: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Box>
      <UnstyledButton
        className="carnet-disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <Text span size="sm" c="indigo.8" fw={500}>
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
          {open ? hideLabel : showLabel}
        </Text>
      </UnstyledButton>
      <Collapse expanded={open} id={id}>
        <Paper bg="gray.0" p="sm" mt={4} radius="sm">
          <Text size="xs" fw={700} tt="uppercase" c="gray.7" mb={2}>
            {title}
          </Text>
          <Text size="sm" lang={lang} style={{ whiteSpace: "pre-wrap" }}>
            {text}
          </Text>
        </Paper>
      </Collapse>
    </Box>
  );
}

function QuestionCardView(props: QuestionCardProps) {
  const { t } = useLanguage();
  const { question } = props;
  const labelLang = props.planLanguage.length === 3 ? textLanguageOf(props.planLanguage) : props.planLanguage;
  const label = pickText(question.label, labelLang);
  const help = pickText(question.help, labelLang);
  const example = pickText(question.example, labelLang);
  const anchorId = answerAnchorId(props.path);
  const inputId = answerInputId(props.path);
  const labelId = `${anchorId}-label`;
  const problemId = `${anchorId}-problem`;
  const uid = useId();
  const widgetOwnsProblem = widgetShowsProblem(question);
  const labelIsFor = !props.readOnly && singleControlKinds.has(question.kind) && !question.lookup;

  return (
    <Paper
      id={anchorId}
      data-answer-path={props.path}
      withBorder
      radius="md"
      p="md"
      className="carnet-question-card"
      data-invalid={props.problem ? "true" : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text
            component={labelIsFor ? "label" : "div"}
            htmlFor={labelIsFor ? inputId : undefined}
            id={labelId}
            fw={600}
            lang={label.lang}
            style={{ flex: 1 }}
          >
            {label.text}
            {question.required && (
              <Text span c="var(--mantine-color-error)" fw={400} size="sm">
                {" "}
                ({t("questions.required")})
              </Text>
            )}
            {label.fallback && (
              <Badge
                ml="xs"
                size="xs"
                variant="outline"
                color="gray.7"
                title={t("questions.translation_missing")}
              >
                {label.lang.toUpperCase()}
              </Badge>
            )}
          </Text>
          {props.presence}
        </Group>
        {(help.text || example.text) && !props.readOnly && (
          <Group gap="lg" align="flex-start">
            {help.text && (
              <Disclosure
                id={`${uid}-help`}
                showLabel={t("questions.show_guidance")}
                hideLabel={t("questions.hide_guidance")}
                title={t("questions.guidance")}
                text={help.text}
                lang={help.lang}
              />
            )}
            {example.text && (
              <Disclosure
                id={`${uid}-example`}
                showLabel={t("questions.show_example")}
                hideLabel={t("questions.hide_example")}
                title={t("questions.example")}
                text={example.text}
                lang={example.lang}
              />
            )}
          </Group>
        )}
        {props.readOnly ? (
          <div>
            <ReadOnlyValue
              field={question}
              value={props.value}
              labelLang={labelLang}
              vocabularies={props.vocabularies}
            />
          </div>
        ) : (
          <FieldWidget
            field={question}
            value={props.value}
            onChange={props.onChange}
            inputId={inputId}
            naming={{ labelledBy: labelId, label: label.text }}
            path={props.path}
            problem={widgetOwnsProblem ? props.problem : undefined}
            problemId={props.problem && !widgetOwnsProblem ? problemId : undefined}
            labelLang={labelLang}
            vocabularies={props.vocabularies}
          />
        )}
        {props.problem && (props.readOnly || !widgetOwnsProblem) && (
          <Text id={problemId} size="sm" c="var(--mantine-color-error)" role="alert">
            {props.problem}
          </Text>
        )}
        {props.commentSlot}
      </Stack>
    </Paper>
  );
}

/** A question with its answer widget (memoised: a card re-renders only when its own props change). */
export const QuestionCard = memo(QuestionCardView);
