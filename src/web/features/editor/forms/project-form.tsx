import { Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { toPointer } from "../../../../domain/json-pointer.js";
import { useLanguage } from "../../../language.js";
import { useEditorContext } from "../editor-context.js";
import { appendOp, setOp } from "../plan-ops.js";
import { BoundTextarea, BoundTextInput, BoundVocabularySelect, fieldAttributes } from "./bound-fields.js";
import { LookupField, organisationFrom } from "./lookup-field.js";
import { IdentifierBadges, OrganisationList } from "./organisation-list.js";

/** Project details: title, acronym, summary, dates, funding (funder look-up) and partners (ROR / RNSR). */
export function ProjectForm() {
  const { t } = useLanguage();
  const { plan, edit, readOnly } = useEditorContext();
  const funding = plan.project?.funding ?? [];
  return (
    <Stack gap="md" maw={760}>
      <BoundTextInput path={["project", "title"]} label={t("editor.project.title")} required />
      <BoundTextInput path={["project", "acronym"]} label={t("editor.project.acronym")} removeWhenEmpty />
      <BoundTextarea path={["project", "summary"]} label={t("editor.project.summary")} removeWhenEmpty />
      <Group grow>
        <BoundTextInput
          type="date"
          path={["project", "startDate"]}
          label={t("editor.project.start")}
          removeWhenEmpty
        />
        <BoundTextInput
          type="date"
          path={["project", "endDate"]}
          label={t("editor.project.end")}
          removeWhenEmpty
        />
      </Group>
      <Divider />
      <Title order={3} size="h4">
        {t("editor.project.funding")}
      </Title>
      {funding.length === 0 && <Text c="gray.7">{t("editor.list.empty")}</Text>}
      {funding.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fundings are addressed by position in the plan.
        <Paper key={index} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                {...fieldAttributes(["project", "funding", index, "funder", "name"])}
                style={{ flex: 2, minWidth: 200 }}
                label={t("editor.project.funder")}
                value={item.funder.name}
                readOnly={readOnly}
                onChange={(event) =>
                  edit([
                    setOp(plan, ["project", "funding", index, "funder", "name"], event.currentTarget.value),
                  ])
                }
              />
              <div style={{ flex: 1, minWidth: 160 }}>
                <BoundTextInput
                  path={["project", "funding", index, "grantId"]}
                  label={t("editor.project.grant")}
                />
              </div>
              <div style={{ flex: 1, minWidth: 160 }}>
                <BoundVocabularySelect
                  path={["project", "funding", index, "status"]}
                  label={t("editor.project.funding_status")}
                  vocabulary="funding-status"
                />
              </div>
              {!readOnly && (
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={t("editor.project.remove_funding", { name: item.funder.name || "—" })}
                  onClick={() => edit([{ op: "remove", path: toPointer(["project", "funding", index]) }])}
                >
                  {t("editor.remove")}
                </Button>
              )}
            </Group>
            <IdentifierBadges identifiers={item.funder.identifiers} />
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <Group align="flex-end">
          <div style={{ flex: 1, minWidth: 240 }}>
            <LookupField
              source="funders"
              label={t("editor.project.funder_search")}
              onPick={(result) =>
                edit([appendOp(plan, ["project", "funding"], { funder: organisationFrom(result) })])
              }
            />
          </div>
          <Button
            variant="default"
            onClick={() =>
              edit([appendOp(plan, ["project", "funding"], { funder: { name: "", identifiers: [] } })])
            }
          >
            {t("editor.project.add_funding")}
          </Button>
        </Group>
      )}
      <Divider />
      <OrganisationList
        path={["project", "partners"]}
        title={t("editor.project.partners")}
        sources={["ror", "rnsr"]}
        items={plan.project?.partners ?? []}
      />
    </Stack>
  );
}
