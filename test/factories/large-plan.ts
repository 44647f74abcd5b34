import { isSectionApplicable } from "../../src/domain/conditions.js";
import type { Plan } from "../../src/domain/plan.js";
import type { Question, SubField, Template } from "../../src/domain/template.js";
import type { VocabularySet } from "../../src/domain/vocabulary.js";

/** A valid value for a field of any kind (first choice, a real ORCID, a DOI…). */
function valueFor(
  field: Question | SubField,
  vocabularies: VocabularySet,
  personId: string,
  n: number,
): unknown {
  const firstCode = () =>
    field.options?.[0]?.code ??
    (field.vocabulary ? vocabularies.get(field.vocabulary)?.items[0]?.code : undefined) ??
    "";
  const unit = field.unitVocabulary ? vocabularies.get(field.unitVocabulary)?.items[0]?.code : undefined;
  switch (field.kind) {
    case "rich_text":
      return `<p>Answer ${n} with <strong>bold</strong> text.</p>`;
    case "text":
      return `Answer ${n}`;
    case "number":
      return unit ? { value: n, unit } : { value: n };
    case "date":
      return "2024-03-31";
    case "url":
      return `https://example.org/${n}`;
    case "email":
      return `person${n}@example.org`;
    case "single_choice":
      return firstCode();
    case "multiple_choice":
      return [firstCode()];
    case "yes_no_unknown":
      return "yes";
    case "identifier": {
      const type = field.identifierTypes?.[0] ?? "doi";
      return type === "doi"
        ? { type, value: `10.1234/abc.${n}` }
        : { type: "url", value: `https://example.org/${n}` };
    }
    case "person":
      return { personId };
    case "persons":
      return [{ personId }];
    case "organisation":
      return {
        name: `Organisation ${n}`,
        identifiers: [{ type: "ror", value: "https://ror.org/02feahw73" }],
      };
    case "group": {
      const question = field as Question;
      return [1, 2].map((i) => ({
        id: `item-${n}-${i}`,
        ...Object.fromEntries(
          (question.fields ?? []).map((f) => [f.id, valueFor(f, vocabularies, personId, n + i)]),
        ),
      }));
    }
  }
}

/** `base` with `count` research outputs answering every question of the template's per-output sections. */
export function planWithOutputs(
  base: Plan,
  template: Template,
  vocabularies: VocabularySet,
  count: number,
): Plan {
  const plan: Plan = structuredClone(base);
  plan.persons.bench = {
    id: "bench",
    kind: "person",
    firstName: "Bench",
    lastName: "Mark",
    identifiers: [],
    affiliations: [],
  };
  plan.outputs = {};
  for (let i = 1; i <= count; i++) {
    const id = `o${i}`;
    const output: Plan["outputs"][string] = {
      id,
      position: i,
      title: `Output ${i}`,
      shortName: `RO${i}`,
      type: "dataset",
      personalData: "yes",
      sensitiveData: "no",
      ethicalIssues: "no",
      answers: {},
    };
    for (const section of template.sections) {
      if (!isSectionApplicable(section, { answers: {}, output })) continue;
      for (const question of section.questions) {
        output.answers[question.id] = valueFor(question, vocabularies, "bench", i) as never;
      }
    }
    plan.outputs[id] = output;
  }
  return plan;
}
