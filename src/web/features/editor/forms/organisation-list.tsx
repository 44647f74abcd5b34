import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { Organisation } from "../../../../domain/answer-values.js";
import { type PathSegment, toPointer } from "../../../../domain/json-pointer.js";
import type { LookupSource } from "../../../../domain/lookup-sources.js";
import { useLanguage } from "../../../language.js";
import { useEditorContext } from "../editor-context.js";
import { appendOp, setOp } from "../plan-ops.js";
import { fieldAttributes } from "./bound-fields.js";
import { LookupField, organisationFrom } from "./lookup-field.js";

/** Identifiers of an organisation as small badges ("ROR 03xyz…"). */
export function IdentifierBadges({ identifiers }: { identifiers: { type: string; value: string }[] }) {
  if (identifiers.length === 0) return null;
  return (
    <Group gap={4}>
      {identifiers.map((identifier) => (
        <Badge key={`${identifier.type}:${identifier.value}`} variant="light" color="gray" tt="none">
          {identifier.type.toUpperCase()}{" "}
          {identifier.value.replace(/^https?:\/\/(www\.)?(ror\.org|doi\.org|orcid\.org)\//, "")}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * An editable list of organisations (partners, supervisors) at `path`: add from a registry look-up
 * (ROR or RNSR) or by name, rename, remove.
 */
export function OrganisationList({
  path,
  title,
  sources,
  items,
}: {
  path: readonly PathSegment[];
  title: string;
  sources: LookupSource[];
  items: Organisation[];
}) {
  const { t } = useLanguage();
  const { plan, edit, readOnly } = useEditorContext();
  const [source, setSource] = useState<LookupSource>(sources[0]!);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {title}
      </Title>
      {items.length === 0 && <Text c="gray.7">{t("editor.list.empty")}</Text>}
      {items.map((organisation, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are addressed by position in the plan.
        <Paper key={index} withBorder p="sm" radius="sm">
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              {...fieldAttributes([...path, index, "name"])}
              style={{ flex: 1 }}
              label={t("editor.organisation.name")}
              value={organisation.name}
              readOnly={readOnly}
              onChange={(event) => edit([setOp(plan, [...path, index, "name"], event.currentTarget.value)])}
            />
            {!readOnly && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => edit([{ op: "remove", path: toPointer([...path, index]) }])}
                aria-label={t("editor.organisation.remove", { name: organisation.name || "—" })}
              >
                {t("editor.remove")}
              </Button>
            )}
          </Group>
          <IdentifierBadges identifiers={organisation.identifiers} />
        </Paper>
      ))}
      {!readOnly && (
        <Stack gap="xs">
          {sources.length > 1 && (
            <SegmentedControl
              aria-label={t("editor.lookup.registry")}
              w="fit-content"
              value={source}
              onChange={(value) => setSource(value as LookupSource)}
              data={sources.map((s) => ({
                value: s,
                label: t(`editor.lookup.source.${s}` as "editor.lookup.source.ror"),
              }))}
            />
          )}
          <Group align="flex-end">
            <div style={{ flex: 1, minWidth: 240 }}>
              <LookupField
                source={source}
                label={t("editor.organisation.search", { list: title })}
                onPick={(result) => edit([appendOp(plan, path, organisationFrom(result))])}
              />
            </div>
            <Button
              variant="default"
              onClick={() => edit([appendOp(plan, path, { name: "", identifiers: [] })])}
            >
              {t("editor.organisation.add_by_name")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
