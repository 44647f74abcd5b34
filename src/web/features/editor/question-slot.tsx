import {
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { localize } from "../../../domain/localized.js";
import type { Question } from "../../../domain/template.js";
import { useLanguage } from "../../language.js";
import type { VocabularyViews } from "./editor-context.js";
import { vocabularyOptions } from "./editor-context.js";

/** The props the question widgets (branch feat/web-questions) take. */
export interface QuestionWidgetProps {
  question: Question;
  value: unknown;
  onChange(value: unknown): void;
  readOnly: boolean;
  /** JSON pointer of the answer. */
  path: string;
  problem?: string;
  vocabularies: VocabularyViews;
  planLanguage: string;
  presence?: React.ReactNode;
  commentSlot?: React.ReactNode;
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const unescapeHtml = (text: string) =>
  text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

/** Rich text as plain lines (paragraphs and list items become lines). */
function richToPlain(html: string): string {
  return unescapeHtml(
    html
      .replace(/<\/(p|li|h[3-6]|blockquote)>\s*/gi, "\n")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  ).replace(/\n$/, "");
}

/** Plain lines as rich-text paragraphs. */
function plainToRich(text: string): string {
  if (text.trim() === "") return "";
  return text
    .split("\n")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
}

/**
 * A plain answer field for each question kind, used until the full question widgets land: text and
 * rich text (as paragraphs), numbers, dates, choices and yes/no/unknown.
 */
export function BasicQuestionCard({
  question,
  value,
  onChange,
  readOnly,
  path,
  problem,
  vocabularies,
  planLanguage,
  presence,
}: QuestionWidgetProps) {
  const { t } = useLanguage();
  const lang = planLanguage === "fra" ? "fr" : "en";
  const label = localize(question.label, lang);
  const help = question.help ? localize(question.help, lang) : undefined;
  const options = question.vocabulary
    ? vocabularyOptions(vocabularies, question.vocabulary)
    : (question.options ?? []).map((o) => ({ value: o.code, label: localize(o.label, lang) }));
  const common = {
    label,
    description: help,
    required: question.required,
    readOnly,
    error: problem,
    "data-path": path,
  };
  let field: React.ReactNode;
  switch (question.kind) {
    case "rich_text":
      field = (
        <Textarea
          {...common}
          autosize
          minRows={4}
          value={typeof value === "string" ? richToPlain(value) : ""}
          onChange={(e) => onChange(plainToRich(e.currentTarget.value))}
        />
      );
      break;
    case "text":
    case "url":
    case "email":
      field = (
        <TextInput
          {...common}
          type={question.kind === "text" ? "text" : question.kind}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
      break;
    case "date":
      field = (
        <TextInput
          {...common}
          type="date"
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
      break;
    case "number": {
      const current = (value as { value?: number; unit?: string } | undefined) ?? {};
      field = (
        <NumberInput
          {...common}
          value={current.value ?? ""}
          onChange={(next) => onChange(typeof next === "number" ? { ...current, value: next } : undefined)}
        />
      );
      break;
    }
    case "single_choice":
      field = (
        <Select
          {...common}
          data={options}
          limit={50}
          searchable
          clearable={!readOnly}
          value={typeof value === "string" ? value : null}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
      break;
    case "multiple_choice":
      field = (
        <MultiSelect
          {...common}
          data={options}
          limit={50}
          searchable
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(next) => onChange(next)}
        />
      );
      break;
    case "yes_no_unknown":
      field = (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${path}-label`}>
            {label}
          </Text>
          {help && (
            <Text size="sm" c="gray.7">
              {help}
            </Text>
          )}
          <SegmentedControl
            aria-labelledby={`${path}-label`}
            data-path={path}
            readOnly={readOnly}
            value={typeof value === "string" ? value : ""}
            onChange={(next) => onChange(next)}
            data={["yes", "no", "unknown"].map((code) => ({
              value: code,
              label: t(`editor.question.${code}` as "editor.question.yes"),
            }))}
          />
        </Stack>
      );
      break;
    default:
      field = (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Text size="sm" c="gray.7">
            {t("editor.question.widget_pending")}
          </Text>
        </Stack>
      );
  }
  return (
    <Stack gap={4}>
      {presence}
      {field}
    </Stack>
  );
}
