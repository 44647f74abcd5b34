import { isPlainObject } from "../domain/json-pointer.js";
import type { Answers, Plan } from "../domain/plan.js";

/**
 * A copy of `plan` where every id is new (plan, persons, contributions, outputs, group items) and
 * every reference follows (contact person, contributions, person answers). `newId` makes the ids.
 */
export function copyWithNewIds(plan: Plan, newId: () => string): Plan {
  const copy = structuredClone(plan);
  const personIds = new Map(Object.keys(copy.persons).map((id) => [id, newId()]));
  const outputIds = new Map(Object.keys(copy.outputs).map((id) => [id, newId()]));
  const person = (id: string) => personIds.get(id) ?? id;

  const remapValue = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(remapValue);
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (key === "personId" && typeof field === "string") out[key] = person(field);
      else out[key] = remapValue(field);
    }
    // Group items carry their own id (alongside sub-fields): give them new ones.
    if (typeof value.id === "string" && !("personId" in value)) out.id = newId();
    return out;
  };
  const remapAnswers = (answers: Answers): Answers =>
    Object.fromEntries(Object.entries(answers).map(([q, v]) => [q, remapValue(v) as Answers[string]]));

  copy.id = newId();
  copy.persons = Object.fromEntries(
    Object.values(copy.persons).map((p) => [person(p.id), { ...p, id: person(p.id) }]),
  );
  copy.outputs = Object.fromEntries(
    Object.values(copy.outputs).map((o) => {
      const id = outputIds.get(o.id)!;
      return [id, { ...o, id, answers: remapAnswers(o.answers) }];
    }),
  );
  copy.contributions = Object.fromEntries(
    Object.values(copy.contributions).map((c) => {
      const id = newId();
      const outputId = c.outputId === undefined ? undefined : (outputIds.get(c.outputId) ?? c.outputId);
      return [id, { ...c, id, personId: person(c.personId), ...(outputId ? { outputId } : {}) }];
    }),
  );
  copy.answers = remapAnswers(copy.answers);
  if (copy.details.contactPersonId) copy.details.contactPersonId = person(copy.details.contactPersonId);
  return copy;
}
