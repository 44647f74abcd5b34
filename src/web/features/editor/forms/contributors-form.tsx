import { Button, Divider, Group, MultiSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { EditOp } from "../../../../domain/edit/ops.js";
import { toPointer } from "../../../../domain/json-pointer.js";
import type { Person, Plan } from "../../../../domain/plan.js";
import { useLanguage } from "../../../language.js";
import type { LookupResult } from "../editor-api.js";
import { useEditorContext, vocabularyLabel, vocabularyOptions } from "../editor-context.js";
import { newId } from "../plan-ops.js";
import { BoundTextInput, fieldAttributes } from "./bound-fields.js";
import { LookupField } from "./lookup-field.js";
import { IdentifierBadges, OrganisationList } from "./organisation-list.js";

const rolesVocabulary = "contributor-roles";

/** "Ada Lovelace", or the organisation's name. */
export function personName(person: Person): string {
  return (
    (person.kind === "organisation"
      ? person.name
      : [person.firstName, person.lastName].filter(Boolean).join(" ")) || "—"
  );
}

function personFromOrcid(result: LookupResult): Person {
  const words = result.label.trim().split(/\s+/);
  const lastName = words.pop() ?? "";
  const orcid = result.identifiers.find((i) => i.scheme.toLowerCase() === "orcid")?.value ?? result.id;
  return {
    id: newId("p"),
    kind: "person",
    firstName: words.join(" "),
    lastName,
    identifiers: [{ type: "orcid", value: orcid.replace(/^https?:\/\/orcid\.org\//, "") }],
    affiliations: [],
  };
}

/** Ops that give `personId` exactly `roles` at plan level (adding and removing contributions). */
function roleOps(plan: Plan, personId: string, roles: string[]): EditOp[] {
  const current = Object.values(plan.contributions).filter(
    (c) => c.personId === personId && c.scope === "plan",
  );
  const ops: EditOp[] = [];
  for (const contribution of current)
    if (!roles.includes(contribution.role))
      ops.push({ op: "remove", path: toPointer(["contributions", contribution.id]) });
  for (const role of roles) {
    if (current.some((c) => c.role === role)) continue;
    const id = newId("c");
    ops.push({
      op: "set",
      path: toPointer(["contributions", id]),
      value: { id, personId, role, scope: "plan" },
    });
  }
  return ops;
}

/** Contributors: persons (ORCID look-up), affiliations (ROR), roles (vocabulary), and who does what. */
export function ContributorsForm() {
  const { t } = useLanguage();
  const { plan, edit, readOnly, vocabularies } = useEditorContext();
  const persons = Object.values(plan.persons);
  const contributions = Object.values(plan.contributions);
  const add = (person: Person) =>
    edit([{ op: "set", path: toPointer(["persons", person.id]), value: person }]);
  const roleCodes = [...new Set(contributions.map((c) => c.role))];
  return (
    <Stack gap="md" maw={860}>
      {persons.length === 0 && <Text c="gray.7">{t("editor.contributors.empty")}</Text>}
      {persons.map((person) => {
        const roles = contributions
          .filter((c) => c.personId === person.id && c.scope === "plan")
          .map((c) => c.role);
        const base = ["persons", person.id] as const;
        return (
          <Paper key={person.id} withBorder p="md" radius="md" data-testid="contributor">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {personName(person)}
                </Title>
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    aria-label={t("editor.contributors.remove", { name: personName(person) })}
                    onClick={() =>
                      edit([
                        ...contributions
                          .filter((c) => c.personId === person.id)
                          .map((c): EditOp => ({ op: "remove", path: toPointer(["contributions", c.id]) })),
                        { op: "remove", path: toPointer(base) },
                      ])
                    }
                  >
                    {t("editor.remove")}
                  </Button>
                )}
              </Group>
              <IdentifierBadges identifiers={person.identifiers} />
              <Group grow wrap="wrap">
                <BoundTextInput path={[...base, "firstName"]} label={t("editor.contributors.first_name")} />
                <BoundTextInput path={[...base, "lastName"]} label={t("editor.contributors.last_name")} />
                <BoundTextInput
                  type="email"
                  path={[...base, "email"]}
                  label={t("editor.contributors.email")}
                  removeWhenEmpty
                />
              </Group>
              <MultiSelect
                {...fieldAttributes(["contributions", person.id])}
                label={t("editor.contributors.roles")}
                data={vocabularyOptions(vocabularies, rolesVocabulary)}
                value={roles}
                searchable
                readOnly={readOnly}
                onChange={(next) => edit(roleOps(plan, person.id, next))}
              />
              <OrganisationList
                path={[...base, "affiliations"]}
                title={t("editor.contributors.affiliations")}
                sources={["ror"]}
                items={person.affiliations}
              />
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Group align="flex-end">
          <div style={{ flex: 1, minWidth: 240 }}>
            <LookupField
              source="orcid"
              label={t("editor.contributors.search")}
              onPick={(result) => add(personFromOrcid(result))}
            />
          </div>
          <Button
            variant="default"
            onClick={() =>
              add({
                id: newId("p"),
                kind: "person",
                firstName: "",
                lastName: "",
                identifiers: [],
                affiliations: [],
              })
            }
          >
            {t("editor.contributors.add")}
          </Button>
        </Group>
      )}
      <Divider />
      <Title order={3} size="h4">
        {t("editor.contributors.by_role")}
      </Title>
      {roleCodes.length === 0 ? (
        <Text c="gray.7">{t("editor.contributors.no_roles")}</Text>
      ) : (
        <Table withTableBorder striped data-testid="roles-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("editor.contributors.role")}</Table.Th>
              <Table.Th scope="col">{t("editor.contributors.people")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roleCodes.map((role) => (
              <Table.Tr key={role}>
                <Table.Td>{vocabularyLabel(vocabularies, rolesVocabulary, role)}</Table.Td>
                <Table.Td>
                  {[
                    ...new Set(
                      contributions
                        .filter((c) => c.role === role)
                        .map((c) => {
                          const person = plan.persons[c.personId];
                          const name = person ? personName(person) : c.personId;
                          const output = c.outputId ? plan.outputs[c.outputId]?.shortName : undefined;
                          return output ? `${name} (${output})` : name;
                        }),
                    ),
                  ].join(", ")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
