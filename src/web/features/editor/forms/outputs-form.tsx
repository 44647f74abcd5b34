import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { EditOp } from "../../../../domain/edit/ops.js";
import { toPointer } from "../../../../domain/json-pointer.js";
import { listOutputs, type ResearchOutput } from "../../../../domain/plan.js";
import { useLanguage } from "../../../language.js";
import { useEditorContext } from "../editor-context.js";
import { fieldDomId, newId, setOp } from "../plan-ops.js";
import { BoundTextInput, BoundVocabularySelect, fieldAttributes } from "./bound-fields.js";

const flags = ["personalData", "sensitiveData", "ethicalIssues"] as const;

function nextShortName(outputs: ResearchOutput[]): string {
  const taken = new Set(outputs.map((o) => o.shortName));
  let n = outputs.length + 1;
  while (taken.has(`RO${n}`)) n++;
  return `RO${n}`;
}

/** Research outputs: add, edit, reorder, remove (after confirmation), type and data flags. */
export function OutputsForm() {
  const { t } = useLanguage();
  const { plan, edit, readOnly, vocabularies } = useEditorContext();
  const outputs = listOutputs(plan);
  const [removing, setRemoving] = useState<ResearchOutput | null>(null);
  const triState = vocabularies.get("yes-no-unknown")?.items ?? [];
  const triLabel = (code: string) => triState.find((i) => i.code === code)?.label ?? code;

  const add = () => {
    const id = newId("o");
    const position = Math.max(0, ...outputs.map((o) => o.position)) + 1;
    const output: ResearchOutput = {
      id,
      position,
      title: "",
      shortName: nextShortName(outputs),
      type: "dataset",
      personalData: "unknown",
      sensitiveData: "unknown",
      ethicalIssues: "unknown",
      answers: {},
    };
    if (edit([{ op: "set", path: toPointer(["outputs", id]), value: output }])) {
      // Take the user to the new output's title.
      requestAnimationFrame(() =>
        document.getElementById(fieldDomId(toPointer(["outputs", id, "title"])))?.focus(),
      );
    }
  };

  const swap = (a: ResearchOutput, b: ResearchOutput) => {
    const ops: EditOp[] = [
      { op: "set", path: toPointer(["outputs", a.id, "position"]), value: b.position },
      {
        op: "set",
        path: toPointer(["outputs", b.id, "position"]),
        value: a.position === b.position ? a.position + 1 : a.position,
      },
    ];
    edit(ops);
  };

  return (
    <Stack gap="md" maw={860}>
      {outputs.length === 0 && <Text c="gray.7">{t("editor.outputs.empty")}</Text>}
      {outputs.map((output, index) => {
        const base = ["outputs", output.id] as const;
        return (
          <Paper key={output.id} withBorder p="md" radius="md" data-testid="output">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {output.shortName} {output.title ? `— ${output.title}` : ""}
                </Title>
                {!readOnly && (
                  <Group gap="xs">
                    <Button
                      variant="default"
                      size="xs"
                      disabled={index === 0}
                      aria-label={t("editor.outputs.move_up", { name: output.shortName })}
                      onClick={() => swap(output, outputs[index - 1]!)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="default"
                      size="xs"
                      disabled={index === outputs.length - 1}
                      aria-label={t("editor.outputs.move_down", { name: output.shortName })}
                      onClick={() => swap(output, outputs[index + 1]!)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t("editor.outputs.remove", { name: output.shortName })}
                      onClick={() => setRemoving(output)}
                    >
                      {t("editor.remove")}
                    </Button>
                  </Group>
                )}
              </Group>
              <Group grow wrap="wrap" align="flex-start">
                <BoundTextInput
                  path={[...base, "shortName"]}
                  label={t("editor.outputs.short_name")}
                  required
                />
                <BoundTextInput path={[...base, "title"]} label={t("editor.outputs.title")} required />
                <BoundVocabularySelect
                  path={[...base, "type"]}
                  label={t("editor.outputs.type")}
                  vocabulary="research-output-types"
                  clearable={false}
                  required
                />
              </Group>
              <Group wrap="wrap" gap="lg">
                {flags.map((flag) => (
                  <Stack gap={4} key={flag}>
                    <Text size="sm" fw={500} id={`${output.id}-${flag}-label`}>
                      {t(`editor.outputs.${flag}`)}
                    </Text>
                    <SegmentedControl
                      {...fieldAttributes([...base, flag])}
                      aria-labelledby={`${output.id}-${flag}-label`}
                      readOnly={readOnly}
                      value={output[flag]}
                      onChange={(value) => edit([setOp(plan, [...base, flag], value)])}
                      data={["yes", "no", "unknown"].map((code) => ({ value: code, label: triLabel(code) }))}
                    />
                  </Stack>
                ))}
              </Group>
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Button w="fit-content" onClick={add}>
          {t("editor.outputs.add")}
        </Button>
      )}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("editor.outputs.confirm_title", { name: removing?.shortName ?? "" })}
      >
        <Stack>
          <Text>{t("editor.outputs.confirm_text")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t("editor.cancel")}
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (removing) {
                  edit([
                    ...Object.values(plan.contributions)
                      .filter((c) => c.outputId === removing.id)
                      .map((c): EditOp => ({ op: "remove", path: toPointer(["contributions", c.id]) })),
                    { op: "remove", path: toPointer(["outputs", removing.id]) },
                  ]);
                }
                setRemoving(null);
              }}
            >
              {t("editor.outputs.confirm_remove")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
