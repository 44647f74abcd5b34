import { z } from "zod";
import { localizedTextSchema } from "./localized.js";
import { codeSchema } from "./template.js";

export const vocabularyItemSchema = z.strictObject({
  code: codeSchema,
  label: localizedTextSchema,
  description: localizedTextSchema.optional(),
  uri: z.string().optional(),
  /** Code of the parent item in hierarchical vocabularies (OECD fields). */
  parent: codeSchema.optional(),
  /** Codes or labels other tools use for this item (import mapping), e.g. DMP OPIDoR's French label. */
  aliases: z.array(z.string()).optional(),
  /** Withdrawn items stay readable in old plans but are not offered any more. */
  deprecated: z.boolean().optional(),
});
export type VocabularyItem = z.infer<typeof vocabularyItemSchema>;

/** A controlled list of stable codes with labels per language. */
export const vocabularySchema = z.strictObject({
  carnetVocabulary: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/),
  title: localizedTextSchema,
  source: z.string(),
  licence: z.string(),
  items: z.array(vocabularyItemSchema).min(1),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** Well-known vocabulary ids that the plan model refers to. */
export const vocabularyIds = {
  researchDomains: "oecd-ford",
  contributorRoles: "contributor-roles",
  outputTypes: "research-output-types",
  dataAccess: "data-access",
  triState: "yes-no-unknown",
  fundingStatus: "funding-status",
  versionLabels: "version-labels",
  personIdentifierTypes: "person-identifier-types",
  organisationIdentifierTypes: "organisation-identifier-types",
  resourceIdentifierTypes: "resource-identifier-types",
  languages: "iso-639-3",
  currencies: "iso-4217",
  licences: "spdx-licences",
  volumeUnits: "volume-units",
  costTypes: "cost-types",
} as const;

/** Vocabularies by id, for lookups of codes and labels. */
export type VocabularySet = ReadonlyMap<string, Vocabulary>;
