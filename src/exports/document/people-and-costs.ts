import {
  collectCosts,
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

/**
 * The budget: every cost the domain gathers from visible answers bound to `dmp.cost` (plan-wide,
 * then per research output), limited to the exported outputs; type label with the item's title.
 */
export function budgetTable(
  plan: Plan,
  template: Template,
  outputs: ResearchOutput[],
  context: ValueContext,
): Block | undefined {
  const included = new Map(outputs.map((output) => [output.id, output]));
  const money = (value: number, currency: string) => {
    try {
      return new Intl.NumberFormat(context.lang, { style: "currency", currency }).format(value);
    } catch {
      return `${new Intl.NumberFormat(context.lang).format(value)} ${currency}`;
    }
  };
  const questions = new Map(listQuestions(template).map(({ question }) => [question.id, question]));
  const rows: CostRow[] = [];
  for (const cost of collectCosts(plan, template)) {
    if (cost.amount === undefined) continue;
    if (cost.outputId && !included.has(cost.outputId)) continue;
    const typeField = questions.get(cost.questionId)?.fields?.find((field) => field.id === "type");
    const option = typeField?.options?.find((o) => o.code === cost.type);
    const typeLabel =
      cost.type === undefined
        ? ""
        : option
          ? localize(option.label, context.lang)
          : vocabularyLabel(context, typeField?.vocabulary ?? vocabularyIds.costTypes, cost.type);
    const title = cost.title ?? "";
    rows.push({
      type: typeLabel && title ? `${typeLabel} (${title})` : typeLabel || title,
      amount: money(cost.amount, cost.currency ?? "EUR"),
      output: cost.outputId
        ? (included.get(cost.outputId)?.shortName ?? cost.outputId)
        : translate(context.lang, "export.general"),
    });
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
