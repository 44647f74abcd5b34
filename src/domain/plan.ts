import { z } from "zod";
import {
  answerValueSchema,
  dateSchema,
  identifierSchema,
  organisationSchema,
  richTextSchema,
} from "./answer-values.js";
import { codeSchema, templateItemIdSchema, templateRefSchema, triStateSchema } from "./template.js";

/** Version of the native format; bumped only with a migration of stored documents. */
export const carnetFormatVersion = 1;

export const entityIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "an id of letters, digits, - and _");
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** ISO 639-3 language code (`fra`, `eng`). */
export const iso6393Schema = z.string().regex(/^[a-z]{3}$/, "an ISO 639-3 code such as fra or eng");

/** Vendor extensions and unknown fields kept from imports, exported again as they came. */
export const extensionsSchema = z.record(z.string(), z.unknown());

export const relatedDocumentSchema = z.strictObject({
  title: z.string().max(2000),
  identifier: identifierSchema.optional(),
});

export const planDetailsSchema = z.strictObject({
  title: z.string().max(2000),
  deliverableNumber: z.string().max(200).optional(),
  /** Code of the version-labels vocabulary: initial | intermediate | final. */
  versionLabel: codeSchema.optional(),
  /** Description or scope of the plan. */
  scope: richTextSchema.optional(),
  /** OECD FORD codes (`5.3`, `1.2`…). */
  researchDomains: z.array(codeSchema).default([]),
  keywords: z.array(z.string().max(200)).default([]),
  /** Id of the person to contact about the plan. */
  contactPersonId: entityIdSchema.optional(),
  /** Identifiers of the plan itself (DOI, HAL id, ARK…). */
  identifiers: z.array(identifierSchema).default([]),
  /** SPDX id of the plan's licence (e.g. `CC-BY-4.0`). */
  licence: z.string().max(100).optional(),
  relatedDocuments: z.array(relatedDocumentSchema).default([]),
  associatedPlans: z.array(relatedDocumentSchema).default([]),
});

export const fundingSchema = z.strictObject({
  funder: organisationSchema,
  grantId: z.string().max(200).optional(),
  /** Code of the funding-status vocabulary: planned | applied | granted | rejected. */
  status: codeSchema.optional(),
});

export const projectSchema = z.strictObject({
  title: z.string().max(2000),
  acronym: z.string().max(100).optional(),
  summary: richTextSchema.optional(),
  funding: z.array(fundingSchema).default([]),
  startDate: dateSchema.optional(),
  endDate: dateSchema.optional(),
  partners: z.array(organisationSchema).default([]),
});

export const researchEntitySchema = z.strictObject({
  name: z.string().max(2000),
  acronym: z.string().max(100).optional(),
  identifiers: z.array(identifierSchema).default([]),
  description: richTextSchema.optional(),
  creationDate: dateSchema.optional(),
  supervisors: z.array(organisationSchema).default([]),
});

export const personSchema = z.strictObject({
  id: entityIdSchema,
  kind: z.enum(["person", "organisation"]).default("person"),
  firstName: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
  /** Name of an organisation acting as contributor (kind = organisation). */
  name: z.string().max(1000).optional(),
  email: z.string().max(320).optional(),
  /** ORCID, IdHAL, ISNI, IdRef… */
  identifiers: z.array(identifierSchema).default([]),
  affiliations: z.array(organisationSchema).default([]),
});
export type Person = z.infer<typeof personSchema>;

/** A person's role (code of contributor-roles) on the plan, the project, or one research output. */
export const contributionSchema = z.strictObject({
  id: entityIdSchema,
  personId: entityIdSchema,
  role: codeSchema,
  scope: z.enum(["plan", "project", "output"]),
  /** Set when scope is `output`. */
  outputId: entityIdSchema.optional(),
});
export type Contribution = z.infer<typeof contributionSchema>;

/** Answers of one scope: question id → value. */
export const answersSchema = z.record(templateItemIdSchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export const researchOutputSchema = z.strictObject({
  id: entityIdSchema,
  /** Position in the plan's list of outputs (ascending); ties are broken by id. */
  position: z.number().finite(),
  title: z.string().max(2000),
  /** Unique in the plan, at most 20 characters (e.g. `RO1`). */
  shortName: z.string().min(1).max(20),
  /** Code of research-output-types (dataset, software, …). */
  type: codeSchema,
  description: richTextSchema.optional(),
  personalData: triStateSchema.default("unknown"),
  sensitiveData: triStateSchema.default("unknown"),
  ethicalIssues: triStateSchema.default("unknown"),
  answers: answersSchema.default({}),
  extensions: extensionsSchema.optional(),
});
export type ResearchOutput = z.infer<typeof researchOutputSchema>;

/**
 * A data management plan in Carnet's native format (`carnetFormat: 1`). Collections of entities that
 * people edit concurrently (persons, contributions, research outputs) are maps keyed by id, so that an
 * edit path such as `/outputs/<id>/answers/<question>` never shifts when others add or remove items.
 */
export const planSchema = z.strictObject({
  carnetFormat: z.literal(carnetFormatVersion),
  id: entityIdSchema,
  revision: z.number().int().min(0),
  template: templateRefSchema,
  context: z.enum(["research_project", "research_entity"]),
  /** Language the plan is written in (ISO 639-3); switchable. */
  language: iso6393Schema,
  createdAt: isoDateTimeSchema,
  modifiedAt: isoDateTimeSchema,
  visibility: z.enum(["private", "organisation", "public"]).default("private"),
  status: z.enum(["draft", "final"]).default("draft"),
  details: planDetailsSchema,
  project: projectSchema.optional(),
  entity: researchEntitySchema.optional(),
  persons: z.record(entityIdSchema, personSchema).default({}),
  contributions: z.record(entityIdSchema, contributionSchema).default({}),
  outputs: z.record(entityIdSchema, researchOutputSchema).default({}),
  /** Answers to questions of plan-scoped sections. */
  answers: answersSchema.default({}),
  extensions: extensionsSchema.optional(),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** Research outputs in display order (position, then id). */
export function listOutputs(plan: Plan): ResearchOutput[] {
  return Object.values(plan.outputs).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}
