// The software module of "Science Europe — structured": one per-output section for each Software*
// schema of DMP OPIDoR (ResearchOutputSoftwareStandard), shown only for outputs of type software.
import { fieldFrom } from "./template-builder.mjs";

const t = (en, fr) => ({ en, fr });

export function softwareSections(parts) {
  const {
    schema,
    question,
    sub,
    costs,
    contributors,
    references,
    relatedOutputs,
    keywordsControlled,
    identifierOf,
    opts,
  } = parts;
  const themes = ["Data Description"];
  const q = (schemaName, property, spec) => question(schemaName, property, spec, spec.themes ?? themes);
  const title = (property) =>
    fieldFrom(schema("ResearchOutputSoftwareStandard"), property, { id: "x", kind: "text" }).label;
  const section = (id, property, questions) => ({
    id,
    title: title(property),
    scope: "output",
    outputTypes: ["software"],
    questions,
  });
  const other = (schemaName, id) => q(schemaName, "description", { id, kind: "rich_text" });

  return [
    section("software.description", "softwareDescription", [
      q("SoftwareDescriptionStandard", "webSiteUrl", { id: "software.website", kind: "url" }),
      q("SoftwareDescriptionStandard", "creationDate", { id: "software.created", kind: "date" }),
      q("SoftwareDescriptionStandard", "releasedDate", { id: "software.firstRelease", kind: "date" }),
      q("SoftwareDescriptionStandard", "applicationField", {
        id: "software.applicationFields",
        kind: "multiple_choice",
        vocabulary: "oecd-ford",
      }),
      q("SoftwareDescriptionStandard", "uncontrolledApplicationField", {
        id: "software.otherApplicationFields",
        kind: "group",
        fields: [
          {
            id: "field",
            kind: "text",
            label: t("Application field", "Domaine d'application"),
            required: true,
          },
        ],
      }),
      { ...keywordsControlled("SoftwareDescriptionStandard", "software.controlledKeywords"), themes },
      q("SoftwareDescriptionStandard", "version", { id: "software.version", kind: "text" }),
      q("SoftwareDescriptionStandard", "category", {
        id: "software.category",
        kind: "single_choice",
        options: opts("SoftwareCategories", {
          "Standalone software, application software, simulation tool": "standalone",
          "Infrastructure (development framework, middleware, operating system)": "infrastructure",
          "Plug-in or module (subset intended to be integrated into a framework, into a development environment, into an application ecosystem)":
            "plugin",
          "Embedded, buried software": "embedded",
        }),
      }),
      {
        ...relatedOutputs("SoftwareDescriptionStandard", "relatedOutput", "software.relatedOutputs"),
        themes,
      },
      q("SoftwareDescriptionStandard", "contact", {
        id: "software.contact",
        kind: "persons",
        role: "contact-person",
        lookup: "orcid",
        binding: "dmp.contributor",
      }),
    ]),
    section("software.development", "softwareDevelopment", [
      q("SoftwareDevelopmentStandard", "codeRepository", {
        id: "software.forge",
        kind: "single_choice",
        options: opts("CodeRepositories"),
      }),
      q("SoftwareDevelopmentStandard", "codeRepositoryUrl", { id: "software.repositoryUrl", kind: "url" }),
      q("SoftwareDevelopmentStandard", "softwareAccess", {
        id: "software.sourceAccess",
        kind: "single_choice",
        options: opts("SoftwareAccess", {
          "Public (open)": "public",
          "Private (closed or owner)": "private",
        }),
      }),
      q("SoftwareDevelopmentStandard", "versionControlTool", {
        id: "software.versionControl",
        kind: "single_choice",
        options: opts("VersionControls"),
      }),
      q("SoftwareDevelopmentStandard", "softwareTest", {
        id: "software.tests",
        kind: "multiple_choice",
        options: opts("SoftwareTestTypes"),
      }),
      q("SoftwareDevelopmentStandard", "continuousIntegrationTool", {
        id: "software.ciTool",
        kind: "single_choice",
        options: opts("IntegrationTools"),
      }),
      q("SoftwareDevelopmentStandard", "continuousIntegrationUrl", { id: "software.ciUrl", kind: "url" }),
      costs("SoftwareDevelopmentStandard", "software.developmentCosts"),
      other("SoftwareDevelopmentStandard", "software.developmentNotes"),
    ]),
    section("software.documentation", "softwareDocumentation", [
      {
        ...references(
          "SoftwareDocumentationStandard",
          "documentationReference",
          "software.documentationLinks",
          "SoftwareResourceReference",
          "docIdentifier",
        ),
        themes: ["Metadata & Documentation"],
      },
      costs("SoftwareDocumentationStandard", "software.documentationCosts"),
      other("SoftwareDocumentationStandard", "software.documentationNotes"),
    ]),
    section("software.runtime", "softwareRuntime", [
      q("SoftwareRuntimeStandard", "programmingLanguage", {
        id: "software.languages",
        kind: "group",
        fields: [
          sub("ProgrammingLanguageStandard", "name", {
            id: "name",
            kind: "single_choice",
            label: t("Programming language", "Langage de programmation"),
            options: opts("ProgrammingLanguages", { "C++": "cpp", "C#": "csharp", "F#": "fsharp" }),
          }),
          sub("ProgrammingLanguageStandard", "version", { id: "version", kind: "text" }),
        ],
      }),
      q("SoftwareRuntimeStandard", "operatingSystem", {
        id: "software.operatingSystems",
        kind: "multiple_choice",
        options: opts("OperatingSystems"),
      }),
      q("SoftwareRuntimeStandard", "dependency", {
        id: "software.dependencies",
        kind: "group",
        fields: [
          sub("DependencyReferenceStandard", "title", { id: "title", kind: "text" }),
          sub("DependencyReferenceStandard", "version", { id: "version", kind: "text" }),
          sub("DependencyReferenceStandard", "dependencyUrl", { id: "url", kind: "url" }),
        ],
      }),
      costs("SoftwareRuntimeStandard", "software.runtimeCosts"),
      other("SoftwareRuntimeStandard", "software.runtimeNotes"),
    ]),
    section("software.legal", "softwareLegalIssues", [
      q("SoftwareLegalIssuesStandard", "author", {
        id: "software.authors",
        kind: "persons",
        role: "author",
        lookup: "orcid",
        binding: "dmp.contributor",
        themes: ["Intellectual Property Rights"],
      }),
      {
        ...contributors("SoftwareLegalIssuesStandard", "software.contributors"),
        themes: ["Roles & Responsibilities"],
      },
      q("SoftwareLegalIssuesStandard", "license", {
        id: "software.licences",
        kind: "multiple_choice",
        vocabulary: "spdx-licences",
        lookup: "spdx",
        themes: ["Intellectual Property Rights"],
      }),
      costs("SoftwareLegalIssuesStandard", "software.legalCosts"),
      other("SoftwareLegalIssuesStandard", "software.legalNotes"),
    ]),
    section("software.sharing", "softwareSharing", [
      q("SoftwareSharingStandard", "registration", {
        id: "software.registrations",
        kind: "group",
        lookup: "software-catalogues",
        themes: ["Data Sharing"],
        fields: [
          sub("SoftwareRegistrationStandard", "catalogue", {
            id: "catalogue",
            kind: "text",
            label: t("Catalogue (or repository)", "Catalogue (ou entrepôt)"),
          }),
          {
            ...identifierOf("SoftwareRegistrationStandard", "identifier", "identifier", [
              "doi",
              "hal",
              "swhid",
              "url",
              "other",
            ]),
            // The source's English label is that of another field.
            label: t(
              "Persistent identifier (DOI, HAL Id…) or URL of the deposit (optional)",
              "Identifiant pérenne (DOI, HAL Id…) ou URL du dépôt (facultatif)",
            ),
          },
        ],
      }),
      other("SoftwareSharingStandard", "software.sharingNotes"),
    ]),
    section("software.preservation", "softwarePreservation", [
      q("SoftwarePreservationStandard", "title", {
        id: "software.archive",
        kind: "single_choice",
        options: opts("SoftwareArchives"),
        themes: ["Preservation"],
      }),
      {
        ...q("SoftwarePreservationStandard", "identifier", {
          id: "software.archiveIdentifier",
          kind: "identifier",
          identifierTypes: ["swhid", "doi", "hal", "url", "other"],
        }),
        themes: ["Preservation"],
      },
    ]),
    section("software.valorisation", "softwareValorisation", [
      references(
        "SoftwareValorisationStandard",
        "softwarePublication",
        "software.publications",
        "ResourceReferenceStandard",
        "docIdentifier",
      ),
      references(
        "SoftwareValorisationStandard",
        "resourceReference",
        "software.relatedPublications",
        "ResourceReferenceStandard",
        "docIdentifier",
      ),
      costs("SoftwareValorisationStandard", "software.valorisationCosts"),
    ]),
  ];
}
