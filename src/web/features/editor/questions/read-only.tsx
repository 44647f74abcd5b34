import { Anchor, List, Table, Text } from "@mantine/core";
import type {
  AnswerValue,
  FieldValue,
  GroupItem,
  Identifier,
  Organisation,
} from "../../../../domain/answer-values.js";
import { localize, pickText } from "../../../../domain/localized.js";
import type { Question, SubField } from "../../../../domain/template.js";
import type { VocabularySet } from "../../../../domain/vocabulary.js";
import { labelOrCode } from "../../../../domain/vocabulary-lookup.js";
import { useLanguage } from "../../../language.js";
import { personName, usePlanPersons } from "./question-context.js";
import { RichTextView } from "./rich-text-view.js";
import { formatDate, formatNumberInput, isEmpty, isHttpUrl, isUnknownCode } from "./values.js";

interface ReadOnlyProps {
  field: Question | SubField;
  value: AnswerValue | FieldValue | undefined;
  labelLang: string;
  vocabularies: VocabularySet;
}

/** The label of a chosen code; a code its vocabulary does not hold is marked as such. */
function choiceLabel(
  field: Question | SubField,
  code: string,
  props: ReadOnlyProps,
  t: ReturnType<typeof useLanguage>["t"],
): string {
  if (field.vocabulary) {
    const vocabulary = props.vocabularies.get(field.vocabulary);
    if (vocabulary && isUnknownCode(vocabulary, code)) return t("questions.unknown_code", { code });
    return labelOrCode(props.vocabularies, field.vocabulary, code, props.labelLang);
  }
  const option = field.options?.find((o) => o.code === code);
  return option ? pickText(option.label, props.labelLang).text : code;
}

function identifierText(identifier: Identifier) {
  return isHttpUrl(identifier.value) ? (
    <Anchor href={identifier.value} target="_blank" rel="noopener noreferrer">
      {identifier.value}
    </Anchor>
  ) : (
    `${identifier.type.toUpperCase()} ${identifier.value}`
  );
}

/** An answer shown as text for readers (no inputs). */
export function ReadOnlyValue(props: ReadOnlyProps) {
  const { t, lang } = useLanguage();
  const persons = usePlanPersons();
  const { field, value } = props;
  if (isEmpty(value)) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t("questions.not_answered")}
      </Text>
    );
  }
  const nameOf = (id: string) => {
    const person = persons.find((p) => p.id === id);
    return person ? personName(person) : t("questions.person.unknown");
  };
  switch (field.kind) {
    case "rich_text":
      return <RichTextView html={String(value)} lang={props.labelLang} />;
    case "text":
    case "email":
      return <Text style={{ whiteSpace: "pre-wrap" }}>{String(value)}</Text>;
    case "url":
      return isHttpUrl(String(value)) ? (
        <Anchor href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </Anchor>
      ) : (
        <Text>{String(value)}</Text>
      );
    case "date":
      return <Text>{formatDate(String(value), lang)}</Text>;
    case "number": {
      const number = value as { value: number; unit?: string };
      const unit = number.unit ?? field.unit;
      const unitLabel =
        unit && field.unitVocabulary
          ? labelOrCode(props.vocabularies, field.unitVocabulary, unit, props.labelLang)
          : unit;
      return <Text>{[formatNumberInput(number.value, lang), unitLabel].filter(Boolean).join(" ")}</Text>;
    }
    case "single_choice":
      return <Text>{choiceLabel(field, String(value), props, t)}</Text>;
    case "multiple_choice":
      return (
        <List size="sm">
          {(value as string[]).map((code) => (
            <List.Item key={code}>{choiceLabel(field, code, props, t)}</List.Item>
          ))}
        </List>
      );
    case "yes_no_unknown":
      return <Text>{t(`questions.tri.${value as "yes" | "no" | "unknown"}`)}</Text>;
    case "identifier":
      return <Text>{identifierText(value as Identifier)}</Text>;
    case "organisation": {
      const organisation = value as Organisation;
      return (
        <Text>
          {organisation.name}
          {organisation.acronym ? ` (${organisation.acronym})` : ""}
          {organisation.identifiers.map((id) => (
            <Text span key={`${id.type}:${id.value}`} c="dimmed">
              {" · "}
              {identifierText(id)}
            </Text>
          ))}
        </Text>
      );
    }
    case "person":
      return <Text>{nameOf((value as { personId: string }).personId)}</Text>;
    case "persons":
      return <Text>{(value as { personId: string }[]).map((v) => nameOf(v.personId)).join(", ")}</Text>;
    case "group": {
      const fields = (field as Question).fields ?? [];
      return (
        <section
          className="carnet-table-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to scroll by keyboard.
          tabIndex={0}
          aria-label={localize(field.label, props.labelLang)}
        >
          <Table withTableBorder withColumnBorders miw={Math.max(400, fields.length * 160)}>
            <Table.Thead>
              <Table.Tr>
                {fields.map((f) => (
                  <Table.Th scope="col" key={f.id}>
                    {localize(f.label, props.labelLang)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(value as GroupItem[]).map((item) => (
                <Table.Tr key={item.id}>
                  {fields.map((f) => (
                    <Table.Td key={f.id}>
                      <ReadOnlyValue {...props} field={f} value={item[f.id] ?? null} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      );
    }
  }
}
