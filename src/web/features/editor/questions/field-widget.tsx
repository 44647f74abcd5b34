/**
 * One typed input per question kind (src/domain/template.ts `questionKinds`), used by the question
 * card for a whole answer and by the group table for each cell. Values follow
 * src/domain/answer-values.ts; an emptied input gives `null` (the answer is cleared).
 */
import { Checkbox, Group, MultiSelect, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { AnswerValue, FieldValue, Identifier, Organisation } from "../../../../domain/answer-values.js";
import { pickText } from "../../../../domain/localized.js";
import type { Question, SubField } from "../../../../domain/template.js";
import type { VocabularySet } from "../../../../domain/vocabulary.js";
import { useLanguage } from "../../../language.js";
import { GroupTable } from "./group-table.js";
import { type Naming, nameProps } from "./naming.js";
import { personName, usePlanPersons } from "./question-context.js";
import { RegistrySearch } from "./registry-search.js";
import { RichTextField } from "./rich-text-field.js";
import {
  formatNumberInput,
  identifierTypeVocabularies,
  isEmail,
  isHttpUrl,
  isIsoDate,
  lookupSourceOf,
  organisationFromResult,
  parseNumber,
} from "./values.js";
import { VocabularyMultiSelect, VocabularySelect } from "./vocabulary-select.js";

export interface FieldWidgetProps {
  field: Question | SubField;
  value: AnswerValue | FieldValue | undefined;
  onChange(value: AnswerValue | null): void;
  inputId: string;
  naming: Naming;
  /** JSON pointer of this value (group cells: `<answer>/<row>/<field>`), for ids of nested inputs. */
  path: string;
  /**
   * The problem message. Widgets of one Mantine input show it as the input's error (Mantine links
   * it with aria-describedby); composite widgets are described by the card's message `problemId`
   * (see `widgetShowsProblem`).
   */
  problem?: string | undefined;
  problemId?: string | undefined;
  /** Language of the plan's texts (ISO 639-1), for labels of vocabularies and options. */
  labelLang: string;
  vocabularies: VocabularySet;
  compact?: boolean | undefined;
}

/** Up to this many inline options show as radio buttons or checkboxes; more become a select. */
const maxRadios = 6;
const maxCheckboxes = 8;

/**
 * True when the widget of `field` shows the problem message itself (one Mantine input: its error);
 * otherwise the card shows it and passes its id as `problemId`.
 */
export function widgetShowsProblem(field: Question | SubField, compact = false): boolean {
  switch (field.kind) {
    case "rich_text":
    case "group":
    case "organisation":
      return false;
    case "single_choice":
      return compact || Boolean(field.vocabulary) || (field.options?.length ?? 0) > maxRadios;
    case "multiple_choice":
      return compact || Boolean(field.vocabulary) || (field.options?.length ?? 0) > maxCheckboxes;
    case "yes_no_unknown":
      return compact;
    default:
      return true;
  }
}

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A short text input that checks its format on blur (url, email) without blocking typing. */
function ShortText({ kind, ...props }: FieldWidgetProps & { kind: "text" | "url" | "email" }) {
  const { t } = useLanguage();
  const [text, setText] = useState(asString(props.value));
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => setText(asString(props.value)), [props.value]);
  const check = (value: string) => {
    if (value === "") return null;
    if (kind === "url" && !isHttpUrl(value)) return t("questions.url.invalid");
    if (kind === "email" && !isEmail(value)) return t("questions.email.invalid");
    return null;
  };
  const lookup = lookupSourceOf(props.field.lookup);
  if (kind === "text" && lookup) {
    return (
      <RegistrySearch
        source={lookup}
        inputId={props.inputId}
        ariaLabel={"ariaLabel" in props.naming ? props.naming.ariaLabel : undefined}
        labelLang={props.labelLang}
        value={text}
        onTextChange={(value) => {
          setText(value);
          props.onChange(value === "" ? null : value);
        }}
        onPick={(result) => {
          setText(result.label);
          props.onChange(result.label);
        }}
        error={props.problem}
      />
    );
  }
  return (
    <TextInput
      id={props.inputId}
      type={kind === "email" ? "email" : kind === "url" ? "url" : "text"}
      inputMode={kind === "url" ? "url" : kind === "email" ? "email" : undefined}
      value={text}
      lang={kind === "text" ? props.labelLang : undefined}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        if (localError && !check(value)) setLocalError(null);
        props.onChange(value === "" ? null : value);
      }}
      onBlur={() => setLocalError(check(text.trim()))}
      error={props.problem ?? localError}
      {...nameProps(props.naming)}
    />
  );
}

function DateField(props: FieldWidgetProps) {
  const { t } = useLanguage();
  const [text, setText] = useState(asString(props.value));
  useEffect(() => setText(asString(props.value)), [props.value]);
  const invalid = text !== "" && !isIsoDate(text);
  return (
    <TextInput
      id={props.inputId}
      type="date"
      w={props.compact ? undefined : 220}
      value={text}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        if (value === "") props.onChange(null);
        else if (isIsoDate(value)) props.onChange(value);
      }}
      error={props.problem ?? (invalid ? t("questions.date.invalid") : undefined)}
      {...nameProps(props.naming)}
    />
  );
}

function NumberField(props: FieldWidgetProps) {
  const { t, lang } = useLanguage();
  const current =
    props.value && typeof props.value === "object" && "value" in props.value
      ? (props.value as { value: number; unit?: string })
      : undefined;
  const [text, setText] = useState(current ? formatNumberInput(current.value, lang) : "");
  const [unit, setUnit] = useState<string | undefined>(current?.unit ?? props.field.unit);
  const currentValue = current?.value;
  const currentUnit = current?.unit;
  useEffect(() => {
    setText((shown) =>
      parseNumber(shown) === currentValue
        ? shown
        : currentValue !== undefined
          ? formatNumberInput(currentValue, lang)
          : "",
    );
    if (currentUnit) setUnit(currentUnit);
  }, [currentValue, currentUnit, lang]);
  const invalid = text.trim() !== "" && parseNumber(text) === undefined;
  const emit = (nextText: string, nextUnit: string | undefined) => {
    if (nextText.trim() === "") return props.onChange(null);
    const value = parseNumber(nextText);
    if (value === undefined) return;
    props.onChange(nextUnit ? { value, unit: nextUnit } : { value });
  };
  const unitVocabulary = props.field.unitVocabulary
    ? props.vocabularies.get(props.field.unitVocabulary)
    : undefined;
  const fixedUnit = unitVocabulary ? undefined : props.field.unit;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        id={props.inputId}
        inputMode="decimal"
        w={props.compact ? 110 : 180}
        value={text}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          emit(value, unit);
        }}
        rightSection={
          fixedUnit ? (
            <Text size="sm" c="dimmed" aria-hidden="true">
              {fixedUnit}
            </Text>
          ) : null
        }
        error={props.problem ?? (invalid ? t("questions.number.invalid") : undefined)}
        {...(fixedUnit
          ? "labelledBy" in props.naming
            ? { "aria-labelledby": `${props.naming.labelledBy} ${props.inputId}-unit` }
            : { "aria-label": `${props.naming.ariaLabel} (${fixedUnit})` }
          : nameProps(props.naming))}
      />
      {fixedUnit && (
        <span id={`${props.inputId}-unit`} hidden>
          {fixedUnit}
        </span>
      )}
      {unitVocabulary && (
        <Select
          id={`${props.inputId}-unit`}
          w={110}
          aria-label={t("questions.number.unit_of", { label: props.naming.label })}
          data={unitVocabulary.items.map((item) => ({
            value: item.code,
            label: pickText(item.label, props.labelLang).text || item.code,
          }))}
          value={unit ?? null}
          placeholder={t("questions.number.unit")}
          onChange={(value) => {
            setUnit(value ?? undefined);
            emit(text, value ?? undefined);
          }}
          allowDeselect={false}
        />
      )}
    </Group>
  );
}

/** Inline options of a question, labelled in the plan's language. */
function inlineOptions(field: Question | SubField, labelLang: string) {
  return (field.options ?? []).map((option) => ({
    value: option.code,
    label: pickText(option.label, labelLang).text || option.code,
  }));
}

/**
 * Radio buttons or checkboxes in a group named by the question, described by the card's problem
 * message (built here rather than with Radio.Group so that the description is ours to set).
 */
function OptionGroup(props: {
  multiple: boolean;
  options: { value: string; label: string }[];
  selected: string[];
  onToggle(value: string, checked: boolean): void;
  widget: FieldWidgetProps;
  inline?: boolean;
}) {
  const { widget } = props;
  const Item = props.multiple ? Checkbox : Radio;
  const List = props.inline ? Group : Stack;
  return (
    <div
      role={props.multiple ? "group" : "radiogroup"}
      id={widget.inputId}
      {...nameProps(widget.naming)}
      aria-describedby={widget.problemId}
      aria-invalid={props.multiple ? undefined : widget.problemId ? true : undefined}
    >
      <List gap={props.inline ? "lg" : "xs"} mt={4}>
        {props.options.map((option, index) => (
          <Item
            key={option.value}
            id={`${widget.inputId}-${index}`}
            name={props.multiple ? undefined : widget.inputId}
            value={option.value}
            label={option.label}
            checked={props.selected.includes(option.value)}
            onChange={(event) => props.onToggle(option.value, event.currentTarget.checked)}
          />
        ))}
      </List>
    </div>
  );
}

/** A vocabulary question while its vocabulary loads: the stored codes, not yet changeable. */
function VocabularyPending(props: FieldWidgetProps & { codes: readonly string[] }) {
  const { t } = useLanguage();
  return (
    <TextInput
      id={props.inputId}
      value={props.codes.join(", ")}
      placeholder={t("web.loading")}
      readOnly
      disabled
      error={props.problem}
      {...nameProps(props.naming)}
    />
  );
}

/**
 * Single and multiple choice: a vocabulary combobox when the field names a vocabulary; a select when
 * space is short or the list is long; radios (one value) or checkboxes (a list of values) otherwise.
 */
function Choice({ multiple, ...props }: FieldWidgetProps & { multiple: boolean }) {
  const { t } = useLanguage();
  const one = !multiple && typeof props.value === "string" ? props.value : null;
  const many = multiple && Array.isArray(props.value) ? (props.value as string[]) : [];
  const vocabulary = props.field.vocabulary ? props.vocabularies.get(props.field.vocabulary) : undefined;
  if (props.field.vocabulary && !vocabulary)
    return <VocabularyPending {...props} codes={multiple ? many : one ? [one] : []} />;
  if (vocabulary) {
    const common = {
      vocabulary,
      labelLang: props.labelLang,
      inputId: props.inputId,
      naming: props.naming,
      error: props.problem,
    };
    return multiple ? (
      <VocabularyMultiSelect {...common} value={many} onChange={(next) => props.onChange(next)} />
    ) : (
      <VocabularySelect {...common} value={one} onChange={(next) => props.onChange(next)} />
    );
  }
  const options = inlineOptions(props.field, props.labelLang);
  if (props.compact || options.length > (multiple ? maxCheckboxes : maxRadios)) {
    const common = {
      id: props.inputId,
      data: options,
      clearable: true,
      clearButtonProps: { "aria-label": t("questions.clear") },
      error: props.problem,
      ...nameProps(props.naming),
    };
    return multiple ? (
      <MultiSelect {...common} value={many} onChange={(next) => props.onChange(next.length ? next : null)} />
    ) : (
      <Select {...common} value={one} onChange={(next) => props.onChange(next)} />
    );
  }
  return (
    <OptionGroup
      multiple={multiple}
      options={options}
      selected={multiple ? many : one ? [one] : []}
      onToggle={(code, checked) => {
        if (!multiple) return props.onChange(code);
        const next = checked ? [...many.filter((v) => v !== code), code] : many.filter((v) => v !== code);
        props.onChange(next.length ? next : null);
      }}
      widget={props}
    />
  );
}

function TriState(props: FieldWidgetProps) {
  const { t } = useLanguage();
  const value = typeof props.value === "string" ? props.value : null;
  const options = [
    { value: "yes", label: t("questions.tri.yes") },
    { value: "no", label: t("questions.tri.no") },
    { value: "unknown", label: t("questions.tri.unknown") },
  ];
  if (props.compact) {
    return (
      <Select
        id={props.inputId}
        data={options}
        value={value}
        onChange={(next) => props.onChange(next)}
        clearable
        clearButtonProps={{ "aria-label": t("questions.clear") }}
        error={props.problem}
        {...nameProps(props.naming)}
      />
    );
  }
  return (
    <OptionGroup
      multiple={false}
      inline
      options={options}
      selected={value ? [value] : []}
      onToggle={(code) => props.onChange(code)}
      widget={props}
    />
  );
}

/** Identifier types a field accepts, labelled from the identifier-types vocabularies. */
function identifierTypeOptions(field: Question | SubField, vocabularies: VocabularySet, labelLang: string) {
  const codes = field.identifierTypes ??
    vocabularies.get("resource-identifier-types")?.items.map((item) => item.code) ?? ["url", "other"];
  return codes.map((code) => {
    for (const id of identifierTypeVocabularies) {
      const item = vocabularies.get(id)?.items.find((i) => i.code === code);
      if (item) return { value: code, label: pickText(item.label, labelLang).text || code };
    }
    return { value: code, label: code.toUpperCase() };
  });
}

function IdentifierField(props: FieldWidgetProps) {
  const { t } = useLanguage();
  const current =
    props.value && typeof props.value === "object" && "type" in props.value
      ? (props.value as Identifier)
      : undefined;
  const options = identifierTypeOptions(props.field, props.vocabularies, props.labelLang);
  const [type, setType] = useState<string>(current?.type ?? options[0]?.value ?? "other");
  const [text, setText] = useState(current?.value ?? "");
  const currentType = current?.type;
  const currentText = current?.value;
  useEffect(() => {
    if (currentType !== undefined && currentText !== undefined) {
      setType(currentType);
      setText(currentText);
    } else setText("");
  }, [currentType, currentText]);
  const emit = (nextType: string, nextValue: string) =>
    props.onChange(nextValue.trim() === "" ? null : { type: nextType, value: nextValue });
  const known = options.some((o) => o.value === type) ? options : [{ value: type, label: type }, ...options];
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Select
        id={`${props.inputId}-type`}
        w={props.compact ? 120 : 170}
        aria-label={t("questions.identifier.type_of", { label: props.naming.label })}
        data={known}
        value={type}
        allowDeselect={false}
        onChange={(next) => {
          const nextType = next ?? type;
          setType(nextType);
          if (text.trim() !== "") emit(nextType, text);
        }}
      />
      <TextInput
        id={props.inputId}
        style={{ flex: 1 }}
        miw={props.compact ? 160 : 220}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          emit(type, event.currentTarget.value);
        }}
        error={props.problem}
        {...("labelledBy" in props.naming
          ? { "aria-labelledby": props.naming.labelledBy }
          : { "aria-label": t("questions.identifier.value_of", { label: props.naming.label }) })}
      />
    </Group>
  );
}

function OrganisationField(props: FieldWidgetProps) {
  const { t } = useLanguage();
  const current =
    props.value && typeof props.value === "object" && "name" in props.value
      ? (props.value as Organisation)
      : undefined;
  const source = lookupSourceOf(props.field.lookup) ?? "ror";
  const update = (patch: Partial<Organisation>) => {
    const next: Organisation = { name: "", identifiers: [], ...current, ...patch };
    if (!next.acronym) delete next.acronym;
    props.onChange(next.name.trim() === "" && next.identifiers.length === 0 ? null : next);
  };
  const registry = t(`questions.registry.${source}`);
  return (
    <Stack gap="xs" role="group" {...nameProps(props.naming)} aria-describedby={props.problemId}>
      <RegistrySearch
        source={source}
        inputId={`${props.inputId}-search`}
        label={t("questions.registry.search", { registry })}
        labelLang={props.labelLang}
        onPick={(result) => props.onChange(organisationFromResult(result))}
      />
      <Group gap="xs" align="flex-start" grow>
        <TextInput
          id={props.inputId}
          label={t("questions.organisation.name")}
          value={current?.name ?? ""}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={props.problemId ? true : undefined}
        />
        <TextInput
          id={`${props.inputId}-acronym`}
          label={t("questions.organisation.acronym")}
          maw={160}
          value={current?.acronym ?? ""}
          onChange={(event) => update({ acronym: event.currentTarget.value })}
        />
      </Group>
      {current && current.identifiers.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("questions.organisation.identifier")}:{" "}
          {current.identifiers.map((id) => `${id.type.toUpperCase()} ${id.value}`).join(" · ")}
        </Text>
      )}
    </Stack>
  );
}

function PersonsField(props: FieldWidgetProps & { multiple: boolean }) {
  const { t } = useLanguage();
  const persons = usePlanPersons();
  const known = new Set(persons.map((p) => p.id));
  const selected: string[] = props.multiple
    ? Array.isArray(props.value)
      ? (props.value as { personId: string }[]).map((v) => v.personId)
      : []
    : props.value && typeof props.value === "object" && "personId" in props.value
      ? [(props.value as { personId: string }).personId]
      : [];
  const data = [
    ...selected
      .filter((id) => !known.has(id))
      .map((id) => ({ value: id, label: t("questions.person.unknown") })),
    ...persons.map((person) => ({ value: person.id, label: personName(person) })),
  ];
  const common = {
    id: props.inputId,
    data,
    searchable: true,
    clearable: true,
    clearButtonProps: { "aria-label": t("questions.clear") },
    placeholder: t("questions.person.choose"),
    error: props.problem,
    description: persons.length === 0 ? t("questions.person.none") : undefined,
    ...nameProps(props.naming),
  };
  return (
    <Stack gap={4}>
      {props.multiple ? (
        <MultiSelect
          {...common}
          value={selected}
          onChange={(next) => props.onChange(next.length ? next.map((personId) => ({ personId })) : null)}
        />
      ) : (
        <Select
          {...common}
          value={selected[0] ?? null}
          onChange={(next) => props.onChange(next ? { personId: next } : null)}
        />
      )}
    </Stack>
  );
}

/** The input of one question kind. */
export function FieldWidget(props: FieldWidgetProps) {
  const { field } = props;
  switch (field.kind) {
    case "rich_text":
      return (
        <RichTextField
          value={asString(props.value)}
          onChange={(value) => props.onChange(value)}
          inputId={props.inputId}
          labelId={"labelledBy" in props.naming ? props.naming.labelledBy : undefined}
          label={props.naming.label}
          describedBy={props.problemId}
          invalid={Boolean(props.problemId)}
          lang={props.labelLang}
          compact={props.compact}
        />
      );
    case "text":
    case "url":
    case "email":
      return <ShortText {...props} kind={field.kind} />;
    case "date":
      return <DateField {...props} />;
    case "number":
      return <NumberField {...props} />;
    case "single_choice":
      return <Choice {...props} multiple={false} />;
    case "multiple_choice":
      return <Choice {...props} multiple />;
    case "yes_no_unknown":
      return <TriState {...props} />;
    case "identifier":
      return <IdentifierField {...props} />;
    case "organisation":
      return <OrganisationField {...props} />;
    case "person":
      return <PersonsField {...props} multiple={false} />;
    case "persons":
      return <PersonsField {...props} multiple />;
    case "group":
      return <GroupTable {...props} field={field as Question} />;
  }
}
