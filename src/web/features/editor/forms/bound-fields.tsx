import { Select, Textarea, TextInput } from "@mantine/core";
import { type PathSegment, toPointer, valueAt } from "../../../../domain/json-pointer.js";
import { useEditorContext, vocabularyOptions } from "../editor-context.js";
import { fieldDomId, setOp, unsetOps } from "../plan-ops.js";

interface BoundProps {
  path: readonly PathSegment[];
  label: string;
  description?: string;
  required?: boolean;
  /** Remove the field when emptied (optional fields), rather than storing "". */
  removeWhenEmpty?: boolean;
}

/** Ids and data attributes that tie an input to its JSON pointer (jumps, presence). */
export function fieldAttributes(path: readonly PathSegment[]) {
  const pointer = toPointer(path);
  return { id: fieldDomId(pointer), "data-path": pointer };
}

function useBound(path: readonly PathSegment[], removeWhenEmpty: boolean | undefined) {
  const { plan, edit, readOnly } = useEditorContext();
  const value = valueAt(plan, path);
  const change = (next: string) =>
    edit(next === "" && removeWhenEmpty ? unsetOps(plan, path) : [setOp(plan, path, next)]);
  return { value: typeof value === "string" ? value : "", change, readOnly };
}

/** A one-line text input bound to a string of the plan. */
export function BoundTextInput({
  path,
  label,
  description,
  required,
  removeWhenEmpty,
  type,
}: BoundProps & { type?: "text" | "date" | "email" }) {
  const { value, change, readOnly } = useBound(path, removeWhenEmpty);
  return (
    <TextInput
      {...fieldAttributes(path)}
      type={type ?? "text"}
      label={label}
      description={description}
      required={required ?? false}
      value={value}
      readOnly={readOnly}
      onChange={(event) => change(event.currentTarget.value)}
    />
  );
}

/** A multi-line text input bound to a string of the plan. */
export function BoundTextarea({ path, label, description, required, removeWhenEmpty }: BoundProps) {
  const { value, change, readOnly } = useBound(path, removeWhenEmpty);
  return (
    <Textarea
      {...fieldAttributes(path)}
      label={label}
      description={description}
      required={required ?? false}
      autosize
      minRows={3}
      value={value}
      readOnly={readOnly}
      onChange={(event) => change(event.currentTarget.value)}
    />
  );
}

/** A select of a vocabulary's codes bound to a code of the plan. */
export function BoundVocabularySelect({
  path,
  label,
  description,
  required,
  vocabulary,
  clearable = true,
}: BoundProps & { vocabulary: string; clearable?: boolean }) {
  const { plan, edit, readOnly, vocabularies } = useEditorContext();
  const value = valueAt(plan, path);
  return (
    <Select
      {...fieldAttributes(path)}
      label={label}
      description={description}
      required={required ?? false}
      data={vocabularyOptions(vocabularies, vocabulary)}
      value={typeof value === "string" ? value : null}
      clearable={clearable && !readOnly}
      searchable
      limit={50}
      readOnly={readOnly}
      onChange={(next) => edit(next === null ? unsetOps(plan, path) : [setOp(plan, path, next)])}
    />
  );
}
