import { ActionIcon, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import type { GroupItem } from "../../../../domain/answer-values.js";
import { localize } from "../../../../domain/localized.js";
import type { Question } from "../../../../domain/template.js";
import { useLanguage } from "../../../language.js";
import { FieldWidget, type FieldWidgetProps } from "./field-widget.js";
import { RegistrySearch } from "./registry-search.js";
import { answerInputId, groupItemFromResult, lookupSourceOf, moveItem, newGroupItem } from "./values.js";

/**
 * A repeatable group as an editable table: one row per item, one column per sub-field, buttons to
 * move a row up or down and to remove it, a button to add a row (and, when the group has a registry,
 * a search that adds a filled row). Focus follows the row that was added or moved.
 */
export function GroupTable(props: FieldWidgetProps & { field: Question }) {
  const { t } = useLanguage();
  const items = Array.isArray(props.value) ? (props.value as GroupItem[]) : [];
  const fields = props.field.fields ?? [];
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const addRef = useRef<HTMLButtonElement>(null);
  const captionId = `${props.inputId}-caption`;

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const emit = (next: GroupItem[]) => props.onChange(next.length ? next : null);
  const cellPath = (index: number, fieldId: string) => `${props.path}/${index}/${fieldId}`;
  const firstField = fields[0];
  const add = (item: GroupItem) => {
    emit([...items, item]);
    if (firstField) setFocusTarget(answerInputId(cellPath(items.length, firstField.id)));
  };
  const move = (from: number, to: number, control: "up" | "down") => {
    emit(moveItem(items, from, to));
    setFocusTarget(`${props.inputId}-${control === "up" && to > 0 ? "up" : "down"}-${to}`);
  };
  const remove = (index: number) => {
    emit(items.filter((_, i) => i !== index));
    setAnnouncement(t("questions.group.row_removed", { row: index + 1 }));
    addRef.current?.focus();
  };
  const lookup = lookupSourceOf(props.field.lookup);

  return (
    <div>
      {/* A focusable region, so that a table wider than the page scrolls with the keyboard. */}
      <section
        className="carnet-table-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to scroll by keyboard.
        tabIndex={0}
        {...("labelledBy" in props.naming
          ? { "aria-labelledby": props.naming.labelledBy }
          : { "aria-label": props.naming.label })}
      >
        <Table
          miw={Math.max(480, fields.length * 200)}
          withTableBorder
          withColumnBorders
          verticalSpacing="xs"
          {...("labelledBy" in props.naming
            ? { "aria-labelledby": props.naming.labelledBy }
            : { "aria-label": props.naming.label })}
          id={props.inputId}
          aria-describedby={props.problemId}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={48}>
                <VisuallyHidden>{t("questions.group.row", { row: "" }).trim()}</VisuallyHidden>#
              </Table.Th>
              {fields.map((field) => (
                <Table.Th scope="col" key={field.id}>
                  {localize(field.label, props.labelLang)}
                  {field.required && (
                    <Text span c="var(--mantine-color-error)" aria-label={t("questions.required")}>
                      {" *"}
                    </Text>
                  )}
                </Table.Th>
              ))}
              <Table.Th scope="col" w={120}>
                {t("questions.group.actions")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={fields.length + 2}>
                  <Text size="sm" c="dimmed">
                    {t("questions.group.empty")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((item, index) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row">{index + 1}</Table.Th>
                {fields.map((field) => {
                  const fieldLabel = localize(field.label, props.labelLang);
                  return (
                    <Table.Td key={field.id} style={{ verticalAlign: "top" }}>
                      <FieldWidget
                        field={field}
                        value={item[field.id] ?? null}
                        onChange={(value) =>
                          emit(
                            items.map((row, i) =>
                              i === index ? { ...row, [field.id]: value as never } : row,
                            ),
                          )
                        }
                        inputId={answerInputId(cellPath(index, field.id))}
                        naming={{
                          ariaLabel: `${fieldLabel} (${t("questions.group.row", { row: index + 1 })})`,
                          label: `${fieldLabel} (${t("questions.group.row", { row: index + 1 })})`,
                        }}
                        path={cellPath(index, field.id)}
                        labelLang={props.labelLang}
                        vocabularies={props.vocabularies}
                        compact
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td style={{ verticalAlign: "top" }}>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      id={`${props.inputId}-up-${index}`}
                      variant="subtle"
                      color="dark"
                      disabled={index === 0}
                      aria-label={t("questions.group.up", { row: index + 1 })}
                      onClick={() => move(index, index - 1, "up")}
                    >
                      <span aria-hidden="true">↑</span>
                    </ActionIcon>
                    <ActionIcon
                      id={`${props.inputId}-down-${index}`}
                      variant="subtle"
                      color="dark"
                      disabled={index === items.length - 1}
                      aria-label={t("questions.group.down", { row: index + 1 })}
                      onClick={() => move(index, index + 1, "down")}
                    >
                      <span aria-hidden="true">↓</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t("questions.group.remove", { row: index + 1 })}
                      onClick={() => remove(index)}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <VisuallyHidden id={captionId} role="status">
        {announcement}
      </VisuallyHidden>
      <Group mt="xs" align="flex-end">
        <Button ref={addRef} variant="light" onClick={() => add(newGroupItem(fields))}>
          {t("questions.group.add")}
        </Button>
        {lookup && (
          <div style={{ flex: 1, maxWidth: 420 }}>
            <RegistrySearch
              source={lookup}
              inputId={`${props.inputId}-lookup`}
              label={t("questions.registry.add_from", { registry: t(`questions.registry.${lookup}`) })}
              labelLang={props.labelLang}
              onPick={(result) => add(groupItemFromResult(fields, result, props.vocabularies))}
            />
          </div>
        )}
      </Group>
      {props.field.minItems !== undefined && items.length < props.field.minItems && (
        <Text size="sm" c="dimmed" mt={4}>
          {t("questions.group.min_items", { min: props.field.minItems })}
        </Text>
      )}
    </div>
  );
}
