/**
 * Registries a look-up can search (identifier pickers of the plan editor). `funders` are ROR
 * organisations of type funder; `repositories` come from re3data and the cat.OPIDoR catalogue.
 */
export const lookupSources = [
  "orcid",
  "ror",
  "funders",
  "rnsr",
  "repositories",
  "licences",
  "languages",
  "standards",
] as const;

export type LookupSource = (typeof lookupSources)[number];
