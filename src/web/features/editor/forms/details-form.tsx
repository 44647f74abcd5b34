import { Stack, TagsInput } from "@mantine/core";
import { useLanguage } from "../../../language.js";
import { useEditorContext } from "../editor-context.js";
import { setOp } from "../plan-ops.js";
import { BoundTextarea, BoundTextInput, BoundVocabularySelect, fieldAttributes } from "./bound-fields.js";

/** Plan details: title, deliverable, version, scope, keywords, licence. */
export function DetailsForm() {
  const { t } = useLanguage();
  const { plan, edit, readOnly } = useEditorContext();
  return (
    <Stack gap="md" maw={760}>
      <BoundTextInput path={["details", "title"]} label={t("editor.details.title")} required />
      <BoundTextInput
        path={["details", "deliverableNumber"]}
        label={t("editor.details.deliverable")}
        removeWhenEmpty
      />
      <BoundVocabularySelect
        path={["details", "versionLabel"]}
        label={t("editor.details.version")}
        vocabulary="version-labels"
      />
      <BoundTextarea path={["details", "scope"]} label={t("editor.details.scope")} removeWhenEmpty />
      <TagsInput
        {...fieldAttributes(["details", "keywords"])}
        label={t("editor.details.keywords")}
        description={t("editor.details.keywords_help")}
        value={plan.details.keywords}
        readOnly={readOnly}
        onChange={(keywords) => edit([setOp(plan, ["details", "keywords"], keywords)])}
      />
      <BoundTextInput
        path={["details", "licence"]}
        label={t("editor.details.licence")}
        description={t("editor.details.licence_help")}
        removeWhenEmpty
      />
    </Stack>
  );
}
