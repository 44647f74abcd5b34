import {
  type Answers,
  isAnswered,
  isQuestionVisible,
  isSectionApplicable,
  listOutputs,
  localize,
  type Plan,
  type ResearchOutput,
  type Section,
  type Template,
  textLanguageOf,
  type VocabularySet,
  vocabularyIds,
} from "../../domain/index.js";
import { type MessageKey, translate, type UiLanguage } from "../../i18n/translate.js";
import { htmlToBlocks } from "../rich-text/html-to-blocks.js";
import {
  answerBlocks,
  formatDate,
  identifierRun,
  organisationRuns,
  personName,
  type ValueContext,
  vocabularyLabel,
} from "./format-values.js";
import type { Block, ExportDocument, Inline } from "./model.js";
import { budgetTable, contributorsTable } from "./people-and-costs.js";

/** What a user chooses when exporting (the layout options go to the renderers). */
export interface DocumentOptions {
  /** Language of headings and labels; the plan's language (fr/en) by default. */
  language?: UiLanguage;
  /** Research outputs to include, by id or short name; all when absent or empty. */
  outputs?: string[];
  /** Print question headings (H3). */
  headings: boolean;
  /** Print unanswered questions with "Not answered." */
  unanswered: boolean;
  /** Print the plan and project details, outputs list, contributors and budget. */
  cover: boolean;
}

export const defaultDocumentOptions: DocumentOptions = { headings: true, unanswered: false, cover: true };

const text = (
  value: string,
  marks: Omit<Extract<Inline, { kind: "text" }>, "kind" | "text"> = {},
): Inline => ({
  kind: "text",
  text: value,
  ...marks,
});
const para = (runs: Inline[]): Block => ({ kind: "paragraph", runs });
const plain = (value: string): Block => para([text(value)]);
const heading = (level: 1 | 2 | 3, value: string): Block => ({ kind: "heading", level, runs: [text(value)] });

/** The research outputs selected by `options.outputs` (ids or short names), in plan order. */
export function selectOutputs(plan: Plan, selection: string[] | undefined): ResearchOutput[] {
  const all = listOutputs(plan);
  if (!selection || selection.length === 0) return all;
  const wanted = new Set(selection);
  return all.filter((output) => wanted.has(output.id) || wanted.has(output.shortName));
}

/** "title : identifier" items, the identifier linked. */
function documentList(items: Plan["details"]["relatedDocuments"]): Block | undefined {
  if (items.length === 0) return undefined;
  return {
    kind: "list",
    ordered: false,
    items: items.map((item) => [
      para(item.identifier ? [text(`${item.title} : `), identifierRun(item.identifier)] : [text(item.title)]),
    ]),
  };
}

class DocumentBuilder {
  readonly blocks: Block[] = [];
  readonly context: ValueContext;

  constructor(
    private readonly plan: Plan,
    private readonly options: DocumentOptions,
    vocabularies: VocabularySet,
    readonly lang: UiLanguage,
  ) {
    this.context = { lang, vocabularies, persons: plan.persons };
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return translate(this.lang, key, params);
  }

  /** A label | value table of the rows that have a value, in the given order. */
  fields(rows: [MessageKey, Block[] | undefined][]): void {
    const kept = rows.filter(
      (row): row is [MessageKey, Block[]] => row[1] !== undefined && row[1].length > 0,
    );
    if (kept.length > 0)
      this.blocks.push({ kind: "fields", rows: kept.map(([key, value]) => ({ label: this.t(key), value })) });
  }

  /** Bold label then value blocks, for fields that hold long rich text (project summary). */
  labelled(rows: [MessageKey, Block[] | undefined][]): void {
    for (const [key, value] of rows) {
      if (!value || value.length === 0) continue;
      this.blocks.push({ kind: "paragraph", role: "label", runs: [text(this.t(key))] }, ...value);
    }
  }

  planDetails(): void {
    const { details } = this.plan;
    const date = (value: string | undefined) => (value ? [plain(formatDate(value, this.lang))] : undefined);
    const languageName = () => {
      const fromVocabulary = vocabularyLabel(this.context, vocabularyIds.languages, this.plan.language);
      if (fromVocabulary !== this.plan.language) return fromVocabulary;
      return (
        new Intl.DisplayNames([this.lang], { type: "language" }).of(this.plan.language) ?? this.plan.language
      );
    };
    const licenceHref = details.licence
      ? `https://spdx.org/licenses/${encodeURIComponent(details.licence)}.html`
      : undefined;
    this.blocks.push(heading(2, this.t("export.plan_details")));
    this.fields([
      ["export.field.title", [plain(details.title)]],
      [
        "export.field.deliverable",
        details.deliverableNumber ? [plain(details.deliverableNumber)] : undefined,
      ],
      [
        "export.field.version",
        details.versionLabel
          ? [plain(vocabularyLabel(this.context, vocabularyIds.versionLabels, details.versionLabel))]
          : undefined,
      ],
      ["export.field.scope", details.scope ? htmlToBlocks(details.scope, 4) : undefined],
      [
        "export.field.research_domains",
        details.researchDomains.length > 0
          ? [
              plain(
                details.researchDomains
                  .map((code) => vocabularyLabel(this.context, vocabularyIds.researchDomains, code))
                  .join(", "),
              ),
            ]
          : undefined,
      ],
      ["export.field.language", [plain(languageName())]],
      ["export.field.created", date(this.plan.createdAt)],
      ["export.field.modified", date(this.plan.modifiedAt)],
      [
        "export.field.identifiers",
        details.identifiers.length > 0
          ? details.identifiers.map((identifier) =>
              para([text(`${identifier.type} : `), identifierRun(identifier)]),
            )
          : undefined,
      ],
      [
        "export.field.licence",
        details.licence
          ? [para([text(details.licence, licenceHref ? { href: licenceHref } : {})])]
          : undefined,
      ],
      ["export.field.related_documents", wrap(documentList(details.relatedDocuments))],
      ["export.field.associated_plans", wrap(documentList(details.associatedPlans))],
    ]);
  }

  projectDetails(): void {
    const { project, entity } = this.plan;
    const date = (value: string | undefined) => (value ? [plain(formatDate(value, this.lang))] : undefined);
    const orgList = (orgs: NonNullable<typeof project>["partners"]) =>
      orgs.length > 0
        ? [{ kind: "list", ordered: false, items: orgs.map((org) => [para(organisationRuns(org))]) } as Block]
        : undefined;
    if (project) {
      this.blocks.push(heading(2, this.t("export.project_details")));
      const funding = project.funding.map((source): Block[] => {
        const runs: Inline[] = [text(source.funder.name)];
        if (source.grantId) runs.push(text(` : ${source.grantId}`));
        return [para(runs)];
      });
      this.labelled([
        ["export.field.project_title", [plain(project.title)]],
        ["export.field.acronym", project.acronym ? [plain(project.acronym)] : undefined],
        ["export.field.summary", project.summary ? htmlToBlocks(project.summary, 3) : undefined],
        [
          "export.field.funding",
          funding.length > 0 ? [{ kind: "list", ordered: false, items: funding }] : undefined,
        ],
        ["export.field.start_date", date(project.startDate)],
        ["export.field.end_date", date(project.endDate)],
        ["export.field.partners", orgList(project.partners)],
      ]);
    } else if (entity) {
      this.blocks.push(heading(2, this.t("export.entity_details")));
      this.labelled([
        [
          "export.field.entity_name",
          [plain(entity.acronym ? `${entity.name} (${entity.acronym})` : entity.name)],
        ],
        [
          "export.field.identifiers",
          entity.identifiers.length > 0
            ? entity.identifiers.map((id) => para([identifierRun(id)]))
            : undefined,
        ],
        ["export.field.description", entity.description ? htmlToBlocks(entity.description, 3) : undefined],
        ["export.field.creation_date", date(entity.creationDate)],
        ["export.field.supervisors", orgList(entity.supervisors)],
      ]);
    }
  }

  outputsList(outputs: ResearchOutput[]): void {
    if (outputs.length === 0) return;
    this.blocks.push(heading(2, this.t("export.research_outputs")), {
      kind: "list",
      ordered: true,
      items: outputs.map((output) => [
        plain(`${output.title} (${vocabularyLabel(this.context, vocabularyIds.outputTypes, output.type)})`),
      ]),
    });
  }

  /** One section: H2, then each visible question (H3) with its answer. */
  section(section: Section, scope: { output?: ResearchOutput; answers: Answers }): Block[] {
    if (!isSectionApplicable(section, scope)) return [];
    const out: Block[] = [];
    for (const question of section.questions) {
      if (!isQuestionVisible(question, scope)) continue; // hidden questions never print
      const value = scope.answers[question.id];
      const answered = isAnswered(value);
      if (!answered && !this.options.unanswered) continue;
      if (this.options.headings) out.push(heading(3, localize(question.label, this.lang)));
      const blocks = answered ? answerBlocks(question, value ?? null, this.context) : [];
      out.push(
        ...(blocks.length > 0
          ? blocks
          : [
              {
                kind: "paragraph",
                role: "placeholder",
                runs: [text(this.t("export.not_answered"))],
              } as Block,
            ]),
      );
    }
    return out.length > 0 ? [heading(2, localize(section.title, this.lang)), ...out] : [];
  }
}

function wrap(block: Block | undefined): Block[] | undefined {
  return block ? [block] : undefined;
}

/**
 * Builds the export document of a plan revision on its template, in one language, in the order of
 * the reference document (docs: shared/design/exports.md): title and provenance line, plan details,
 * project details, research outputs, contributors, budget, then one chapter per research output.
 */
export function buildDocument(
  plan: Plan,
  template: Template,
  options: DocumentOptions = defaultDocumentOptions,
  vocabularies: VocabularySet = new Map(),
): ExportDocument {
  const lang: UiLanguage = options.language ?? (textLanguageOf(plan.language) === "fr" ? "fr" : "en");
  const builder = new DocumentBuilder(plan, options, vocabularies, lang);
  const outputs = selectOutputs(plan, options.outputs);
  const { blocks } = builder;
  blocks.push(heading(1, plan.details.title), {
    kind: "paragraph",
    role: "subtitle",
    runs: [
      text(
        builder.t("export.subtitle", {
          template: localize(template.title, lang),
          organisation: localize(template.organisation.name, lang),
        }),
      ),
    ],
  });
  if (options.cover) {
    builder.planDetails();
    builder.projectDetails();
    builder.outputsList(outputs);
    const contributors = contributorsTable(plan, outputs, builder.context);
    if (contributors) blocks.push(heading(2, builder.t("export.contributors")), contributors);
    const budget = budgetTable(plan, template, outputs, builder.context);
    if (budget) blocks.push(heading(2, builder.t("export.budget")), budget);
  }
  const planSections = template.sections
    .filter((section) => section.scope === "plan")
    .flatMap((section) => builder.section(section, { answers: plan.answers }));
  if (planSections.length > 0)
    blocks.push({ kind: "pageBreak" }, heading(1, builder.t("export.plan_questions")), ...planSections);
  for (const output of outputs) {
    const chapter = template.sections
      .filter((section) => section.scope === "output")
      .flatMap((section) => builder.section(section, { output, answers: output.answers }));
    blocks.push({ kind: "pageBreak" }, heading(1, output.title), ...chapter);
  }
  const contact = plan.details.contactPersonId ? plan.persons[plan.details.contactPersonId] : undefined;
  return {
    meta: {
      title: plan.details.title,
      language: lang,
      ...(plan.details.licence ? { licence: plan.details.licence } : {}),
      ...(contact ? { author: personName(contact) } : {}),
      pageLabel: translate(lang, "export.page"),
    },
    blocks,
  };
}
