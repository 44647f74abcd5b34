import { isAnswered, isQuestionVisible, isSectionApplicable } from "./conditions.js";
import { isPlainObject, toPointer } from "./json-pointer.js";
import { type Answers, listOutputs, type Plan, type ResearchOutput } from "./plan.js";
import type { Question, Template } from "./template.js";

/** One cost of the plan, gathered from an item of a group question bound to the RDA DCS `dmp.cost`. */
export interface PlanCost {
  /** The research output the cost belongs to; absent for a plan-wide cost. */
  outputId?: string;
  questionId: string;
  itemId: string;
  /** Where the item lives (JSON pointer). */
  path: string;
  title?: string;
  /** Code of the cost-types vocabulary. */
  type?: string;
  amount?: number;
  /** ISO 4217 code (the currency field, else the amount's unit). */
  currency?: string;
  description?: string;
}

const costBinding = "dmp.cost";

/** The sub-field of a cost group bound to `dmp.cost.<leaf>`, or named like `leaf`. */
function fieldFor(question: Question, leaf: string, fallbackId: string): string | undefined {
  const fields = question.fields ?? [];
  return (
    fields.find((f) => f.binding === `${costBinding}.${leaf}`)?.id ??
    fields.find((f) => f.id === fallbackId)?.id
  );
}

function costsOf(question: Question, answers: Answers, base: string[], output?: ResearchOutput): PlanCost[] {
  const items = answers[question.id];
  if (!Array.isArray(items)) return [];
  const ids = {
    title: fieldFor(question, "title", "title"),
    type: fieldFor(question, "type", "type"),
    amount: fieldFor(question, "value", "amount"),
    currency: fieldFor(question, "currency_code", "currency"),
    description: fieldFor(question, "description", "description"),
  };
  const text = (item: Record<string, unknown>, id: string | undefined) => {
    const value = id ? item[id] : undefined;
    return typeof value === "string" && isAnswered(value) ? value : undefined;
  };
  return (items as unknown[]).flatMap((item, index) => {
    if (!isPlainObject(item) || !isAnswered(item)) return [];
    const amount = ids.amount ? item[ids.amount] : undefined;
    const number = isPlainObject(amount) && typeof amount.value === "number" ? amount : undefined;
    const currency = text(item, ids.currency) ?? (typeof number?.unit === "string" ? number.unit : undefined);
    const cost: PlanCost = {
      ...(output ? { outputId: output.id } : {}),
      questionId: question.id,
      itemId: String(item.id),
      path: toPointer([...base, question.id, index]),
    };
    const title = text(item, ids.title);
    const type = text(item, ids.type);
    const description = text(item, ids.description);
    if (title !== undefined) cost.title = title;
    if (type !== undefined) cost.type = type;
    if (number) cost.amount = number.value as number;
    if (currency !== undefined) cost.currency = currency;
    if (description !== undefined) cost.description = description;
    return [cost];
  });
}

/**
 * Every cost of the plan (plan-wide first, then per research output in order), from the answers to
 * visible group questions bound to `dmp.cost`; hidden questions contribute nothing.
 */
export function collectCosts(plan: Plan, template: Template): PlanCost[] {
  const scope = (answers: Answers, base: string[], output?: ResearchOutput) => {
    const context = output ? { answers, output } : { answers };
    return template.sections
      .filter((section) => isSectionApplicable(section, context))
      .flatMap((section) =>
        section.questions
          .filter((q) => q.kind === "group" && q.binding === costBinding && isQuestionVisible(q, context))
          .flatMap((q) => costsOf(q, answers, base, output)),
      );
  };
  return [
    ...scope(plan.answers, ["answers"]),
    ...listOutputs(plan).flatMap((o) => scope(o.answers, ["outputs", o.id, "answers"], o)),
  ];
}
