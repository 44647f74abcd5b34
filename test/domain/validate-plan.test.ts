import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/domain/plan.js";
import { describeProblem } from "../../src/domain/problems.js";
import { validatePlan } from "../../src/domain/validate-plan.js";
import { translate } from "../../src/i18n/translate.js";
import { testTemplate, testVocabularies } from "../factories/content.js";
import { referencePlan, samplePlan } from "../factories/plans.js";

const context = { vocabularies: testVocabularies(), template: testTemplate() };
const check = (input: unknown) => validatePlan(input, context);
const codesAt = (input: unknown) => check(input).problems.map((p) => `${p.path} ${p.code}`);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("validatePlan", () => {
  it("accepts the reference plan and the sample plan", () => {
    expect(check(referencePlan()).problems).toEqual([]);
    expect(check(samplePlan()).valid).toBe(true);
  });

  it("maps structural errors to JSON pointers: wrong type, missing field, unknown field, format", () => {
    type Loose = Record<string, Record<string, unknown>> & { language?: string };
    const raw = clone(samplePlan()) as unknown as Loose;
    raw.details!.title = 42;
    delete raw.language;
    raw.project!.colour = "blue";
    raw.project!.startDate = "26/10/2020";
    raw.persons!["a/b"] = { id: "x" };
    const problems = check(raw).problems;
    const pairs = problems.map((p) => `${p.path} ${p.code}`);
    expect(pairs).toContain("/details/title wrong_type");
    expect(pairs).toContain("/language missing_field");
    expect(pairs).toContain("/project/colour unknown_field");
    expect(pairs).toContain("/project/startDate invalid_format");
    expect(problems.find((p) => p.path === "/project/startDate")?.params.format).toBe("YYYY-MM-DD");
  });

  it("rejects a broken ORCID check digit, naming the path", () => {
    const plan = clone(referencePlan());
    plan.persons["p-nguyen"]!.identifiers[0]!.value = "https://orcid.org/0000-0003-0579-8174";
    expect(codesAt(plan)).toEqual(["/persons/p-nguyen/identifiers/0/value malformed_identifier"]);
  });

  it("checks codes against vocabularies, e-mails, dates and RNSR/ROR syntax", () => {
    const plan = clone(samplePlan());
    plan.details.researchDomains = ["5.3", "educational-sciences"];
    plan.details.versionLabel = "version-initiale";
    plan.outputs.o1!.type = "jeu-de-donnees";
    plan.persons.ada!.email = "ada(at)example.org";
    plan.project!.startDate = "2023-06-30";
    plan.project!.endDate = "2020-10-26";
    plan.project!.partners = [
      { name: "Lab", identifiers: [{ type: "ror", value: "https://ror.org/02feahw73x" }] },
    ];
    plan.contributions.c1!.role = "coordinateur";
    expect(codesAt(plan).sort()).toEqual(
      [
        "/contributions/c1/role unknown_code",
        "/details/researchDomains/1 unknown_code",
        "/details/versionLabel unknown_code",
        "/outputs/o1/type unknown_code",
        "/persons/ada/email invalid_email",
        "/project/endDate end_before_start",
        "/project/partners/0/identifiers/0/value malformed_identifier",
      ].sort(),
    );
  });

  it("finds duplicate short names, dangling references and ids that differ from their key", () => {
    const plan: Plan = clone(samplePlan());
    plan.outputs.o2 = { ...clone(plan.outputs.o1!), id: "o2", shortName: "ro1 " };
    plan.contributions.c2 = {
      id: "c2",
      personId: "nobody",
      role: "contact-person",
      scope: "output",
      outputId: "o9",
    };
    plan.contributions.c3 = {
      id: "cX",
      personId: "ada",
      role: "contact-person",
      scope: "plan",
      outputId: "o1",
    };
    plan.details.contactPersonId = "ghost";
    expect(codesAt(plan).sort()).toEqual(
      [
        "/contributions/c2/outputId unknown_output",
        "/contributions/c2/personId unknown_person",
        "/contributions/c3/id id_mismatch",
        "/contributions/c3/outputId output_scope_mismatch",
        "/details/contactPersonId unknown_person",
        "/outputs/o2/shortName duplicate_short_name",
      ].sort(),
    );
  });

  it("checks answers: unknown question, wrong scope, wrong shape, choices, references, group sub-fields", () => {
    const plan: Plan = clone(samplePlan());
    plan.answers = {
      "general.summary": "<p>ok</p>",
      "nope.question": "x",
      "description.text": "<p>per output</p>",
      "general.costs": [{ id: "k1", title: "Storage", amount: { value: 10 }, colour: "red" }],
    };
    plan.outputs.o1!.answers = {
      "general.ethics": "yes",
      "description.contact": { personId: "ghost" },
      "description.collectors": [{ personId: "ada" }, { personId: "bob" }],
      "description.format": "xml",
      "description.access": ["open", "paid"],
      "description.volume": { value: 3, unit: "PB" },
      "description.started": "2023-02-30",
      "description.email": "nobody",
      "description.page": "www.example",
      "description.pid": { type: "doi", value: "not-a-doi" },
      "description.producer": { name: "X", identifiers: [{ type: "ror", value: "nope" }] },
      "description.text": { value: 12 },
      "sharing.distributions": [
        { id: "d1", title: "Files", accessUrl: "ftp//x", licence: "Proprietary", size: "big" },
        { id: "d1", title: "Again" },
      ],
    };
    expect(codesAt(plan).sort()).toEqual(
      [
        "/answers/description.text wrong_scope",
        "/answers/general.costs/0/colour unknown_field",
        "/answers/nope.question unknown_question",
        "/outputs/o1/answers/description.access/1 unknown_choice",
        "/outputs/o1/answers/description.collectors/1/personId unknown_person",
        "/outputs/o1/answers/description.contact/personId unknown_person",
        "/outputs/o1/answers/description.email invalid_email",
        "/outputs/o1/answers/description.format unknown_choice",
        "/outputs/o1/answers/description.page invalid_url",
        "/outputs/o1/answers/description.pid/value malformed_identifier",
        "/outputs/o1/answers/description.producer/identifiers/0/value malformed_identifier",
        "/outputs/o1/answers/description.started invalid_date",
        "/outputs/o1/answers/description.text wrong_answer_shape",
        "/outputs/o1/answers/description.volume/unit unknown_code",
        "/outputs/o1/answers/general.ethics wrong_scope",
        "/outputs/o1/answers/sharing.distributions/0/accessUrl invalid_url",
        "/outputs/o1/answers/sharing.distributions/0/licence unknown_choice",
        "/outputs/o1/answers/sharing.distributions/0/size wrong_answer_shape",
        "/outputs/o1/answers/sharing.distributions/1/id duplicate_id",
      ].sort(),
    );
  });

  it("rejects rich text outside the allowlist and an unknown template", () => {
    const plan: Plan = clone(samplePlan());
    plan.details.scope = '<p onclick="x()">Hi</p><script>alert(1)</script>';
    plan.template = { id: "unknown-template", version: 1 };
    expect(codesAt(plan).sort()).toEqual([
      "/details/scope disallowed_markup",
      "/template/id unknown_template",
    ]);
  });

  it("has a message and a hint in English and French for each problem", () => {
    const plan = clone(referencePlan());
    plan.persons["p-nguyen"]!.identifiers[0]!.value = "0000-0003-0579-8174";
    const [problem] = check(plan).problems;
    expect(describeProblem(problem!, "en")).toMatch(/not a valid orcid identifier\. Check/);
    expect(describeProblem(problem!, "fr")).toMatch(/n’est pas un identifiant orcid valide/);
    expect(translate("fr", problem!.hint)).not.toBe(translate("en", problem!.hint));
  });
});
