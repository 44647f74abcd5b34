import {
  type FieldValue,
  type GroupItem,
  listOutputs,
  listQuestions,
  localize,
  type Plan,
  type ResearchOutput,
  type Template,
  vocabularyIds,
} from "../../domain/index.js";
import { translate } from "../../i18n/translate.js";
import { identifierRun, personName, type ValueContext, vocabularyLabel } from "./format-values.js";
import type { Block, Inline } from "./model.js";

/**
 * The contributors table (one row per person, sorted by last then first name, each role once with
 * the outputs it is limited to) and the budget table (costs gathered from answers).
 */
export function contributorsTable(
  plan: Plan,
  outputs: ResearchOutput[],
  context: ValueContext,
): Block | undefined {
  const shortNames = new Map(listOutputs(plan).map((output) => [output.id, output.shortName]));
  const included = new Set(outputs.map((output) => output.id));
  const roles = new Map<string, Map<string, Set<string> | "all">>();
  for (const contribution of Object.values(plan.contributions)) {
    if (contribution.scope === "output" && contribution.outputId && !included.has(contribution.outputId))
      continue;
    const byRole = roles.get(contribution.personId) ?? new Map<string, Set<string> | "all">();
    roles.set(contribution.personId, byRole);
    const current = byRole.get(contribution.role);
    if (contribution.scope !== "output" || !contribution.outputId) byRole.set(contribution.role, "all");
    else if (current !== "all")
      byRole.set(contribution.role, (current ?? new Set()).add(contribution.outputId));
  }
  const collator = new Intl.Collator(context.lang, { sensitivity: "base" });
  const sortKey = (id: string) => {
    const person = plan.persons[id];
    return [person?.lastName ?? person?.name ?? id, person?.firstName ?? ""] as const;
  };
  const people = [...roles.keys()]
    .filter((id) => plan.persons[id])
    .sort((a, b) => {
      const [lastA, firstA] = sortKey(a);
      const [lastB, firstB] = sortKey(b);
      return collator.compare(lastA, lastB) || collator.compare(firstA, firstB) || a.localeCompare(b);
    });
  if (people.length === 0) return undefined;
  const rows = people.map((id): Block[][] => {
    const person = plan.persons[id]!;
    const nameCell: Block[] = [{ kind: "paragraph", runs: [{ kind: "text", text: personName(person) }] }];
    for (const identifier of person.identifiers)
      nameCell.push({ kind: "paragraph", runs: [identifierRun(identifier)] });
    const affiliation: Block[] = person.affiliations.map((org) => ({
      kind: "paragraph",
      runs: [{ kind: "text", text: org.acronym ? `${org.name} (${org.acronym})` : org.name }],
    }));
    const roleItems = [...(roles.get(id) ?? new Map()).entries()].map(([role, scope]): Block[] => {
      const label = vocabularyLabel(context, vocabularyIds.contributorRoles, role);
      const limited =
        scope === "all"
          ? ""
          : ` (${[...scope]
              .map((outputId) => shortNames.get(outputId) ?? outputId)
              .sort(collator.compare)
              .join(", ")})`;
      return [{ kind: "paragraph", runs: [{ kind: "text", text: label + limited }] }];
    });
    return [nameCell, affiliation, [{ kind: "list", ordered: false, items: roleItems }]];
  });
  return {
    kind: "table",
    header: [
      translate(context.lang, "export.column.name"),
      translate(context.lang, "export.column.affiliation"),
      translate(context.lang, "export.column.roles"),
    ],
    rows,
  };
}

interface CostRow {
  type: string;
  amount: string;
  output: string;
}

/** Finds a sub-field of a cost group by the last part of its RDA DCS binding or by its id. */
function costField(fields: { id: string; binding?: string }[], names: string[]): string | undefined {
  return fields.find(
    (field) => names.includes(field.binding?.split(".").at(-1) ?? "") || names.includes(field.id),
  )?.id;
}

/**
 * Costs are answers to group questions bound to `dmp.cost` in the RDA DCS model: each item has a
 * title or type, a value and a currency.
 */
export function budgetTable(
  plan: Plan,
  template: Template,
  outputs: ResearchOutput[],
  context: ValueContext,
): Block | undefined {
  const rows: CostRow[] = [];
  const money = (value: number, currency: string) => {
    try {
      return new Intl.NumberFormat(context.lang, { style: "currency", currency }).format(value);
    } catch {
      return `${new Intl.NumberFormat(context.lang).format(value)} ${currency}`;
    }
  };
  for (const { section, question } of listQuestions(template)) {
    if (question.kind !== "group" || !/(^|\.)cost$/.test(question.binding ?? "")) continue;
    const fields = question.fields ?? [];
    const typeId = fields.find((field) => field.id === "type" || field.id === "costType")?.id;
    const titleId = costField(fields, ["title"]);
    const valueId = costField(fields, ["value", "amount"]);
    const currencyId = costField(fields, ["currency_code", "currency"]);
    const scopes: { answers: Record<string, unknown>; output?: ResearchOutput }[] =
      section.scope === "plan"
        ? [{ answers: plan.answers }]
        : outputs.map((output) => ({ answers: output.answers, output }));
    for (const scope of scopes) {
      const items = scope.answers[question.id];
      if (!Array.isArray(items)) continue;
      for (const item of items as GroupItem[]) {
        const raw: FieldValue | undefined = valueId ? item[valueId] : undefined;
        const amount =
          typeof raw === "string"
            ? Number(raw)
            : raw && typeof raw === "object" && "value" in raw && typeof raw.value === "number"
              ? raw.value
              : Number.NaN;
        if (!Number.isFinite(amount)) continue;
        const currency =
          currencyId && typeof item[currencyId] === "string" ? (item[currencyId] as string) : "EUR";
        const typeValue = typeId ? item[typeId] : undefined;
        const typeField = fields.find((field) => field.id === typeId);
        const option = typeField?.options?.find((o) => o.code === typeValue);
        const typeLabel =
          typeof typeValue !== "string"
            ? ""
            : option
              ? localize(option.label, context.lang)
              : typeField?.vocabulary
                ? vocabularyLabel(context, typeField.vocabulary, typeValue)
                : typeValue;
        const title = titleId && typeof item[titleId] === "string" ? (item[titleId] as string) : "";
        const type = typeLabel && title ? `${typeLabel} (${title})` : typeLabel || title;
        rows.push({
          type,
          amount: money(amount, currency),
          output: scope.output ? scope.output.shortName : translate(context.lang, "export.general"),
        });
      }
    }
  }
  if (rows.length === 0) return undefined;
  const cell = (value: string): Block[] => [
    { kind: "paragraph", runs: [{ kind: "text", text: value } as Inline] },
  ];
  return {
    kind: "table",
    header: [
      translate(context.lang, "export.column.cost_type"),
      translate(context.lang, "export.column.amount"),
      translate(context.lang, "export.column.output"),
    ],
    rows: rows.map((row) => [cell(row.type), cell(row.amount), cell(row.output)]),
  };
}
