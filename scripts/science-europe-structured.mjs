// "Science Europe — structured": DMP OPIDoR's structured template (sections, questions, themes) with
// each madmp schema property turned into a typed question or a group of typed sub-fields. Properties
// that are native fields of a research output (title, short name, type, description, personal /
// sensitive data, ethical issues) or of the plan are not questions.
import { readJson } from "./content-lib.mjs";
import { clean, fieldFrom, makeSchemaReader, optionsFrom } from "./template-builder.mjs";

const resourceIdTypes = ["doi", "ark", "handle", "hal", "swhid", "igsn", "url", "local", "other"];
const t = (en, fr) => ({ en, fr });

export function scienceEuropeStructured(reference) {
  const schema = makeSchemaReader(reference);
  const source = readJson(`${reference}/dmp-opidor/template/science_europe_structured_template.json`);
  const [fr, en] = source.templates;
  // OPIDoR question text and themes by bound schema.
  const opidorQuestions = new Map();
  const frSections = fr.phases[0].sections;
  en.phases[0].sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      opidorQuestions.set(question.madmp_schema, {
        label: t(clean(question.text), clean(frSections[s].questions[q].text)),
        themes: question.themes,
      });
    });
  });
  const sectionTitle = (index) =>
    t(clean(en.phases[0].sections[index].title), clean(frSections[index].title));
  const opts = (registry, codes) => optionsFrom(reference, registry, codes);

  /** The narrative question of a schema: worded as DMP OPIDoR's question, the form label as help. */
  const primary = (schemaName, property, spec) => {
    const { label: override, ...rest } = spec;
    const field = fieldFrom(schema(schemaName), property, rest);
    const opidor = opidorQuestions.get(schemaName);
    const join = (first, second) =>
      second ? `${first}${/[.?!:]$/.test(first) ? "" : "."} ${second}` : first;
    const help = { en: join(field.label.en, field.help?.en), fr: join(field.label.fr, field.help?.fr) };
    return { ...field, label: override ?? opidor.label, help, themes: opidor.themes };
  };
  /** A question of `schemaName`, with the themes of its DMP OPIDoR question. */
  const question = (schemaName, property, spec, themes) => ({
    ...fieldFrom(schema(schemaName), property, spec),
    themes: themes ?? spec.themes ?? opidorQuestions.get(schemaName)?.themes ?? [],
  });
  const sub = (schemaName, property, spec) => fieldFrom(schema(schemaName), property, spec);

  const identifierOf = (schemaName, property, id, types = resourceIdTypes, binding) =>
    sub(schemaName, property, {
      id,
      kind: "identifier",
      identifierTypes: types,
      ...(binding ? { binding } : {}),
    });
  const costs = (schemaName, id, property = "cost", themes = ["Budget"]) =>
    question(
      schemaName,
      property,
      {
        id,
        kind: "group",
        binding: "dmp.cost",
        fields: [
          sub("CostStandard", "title", { id: "title", kind: "text", binding: "dmp.cost.title" }),
          sub("CostStandard", "costType", { id: "type", kind: "single_choice", vocabulary: "cost-types" }),
          sub("CostStandard", "amount", { id: "amount", kind: "number", binding: "dmp.cost.value" }),
          sub("CostStandard", "currency", {
            id: "currency",
            kind: "single_choice",
            vocabulary: "iso-4217",
            binding: "dmp.cost.currency_code",
          }),
          sub("CostStandard", "description", {
            id: "description",
            kind: "rich_text",
            binding: "dmp.cost.description",
          }),
        ],
      },
      themes,
    );
  const contributors = (schemaName, id, property = "contributor", extra = {}) =>
    question(
      schemaName,
      property,
      {
        id,
        kind: "group",
        binding: "dmp.contributor",
        ...extra,
        fields: [
          {
            id: "person",
            kind: "person",
            label: t("Person", "Personne"),
            required: true,
            lookup: "orcid",
            binding: "dmp.contributor",
          },
          sub("ContributorStandard", "role", {
            id: "role",
            kind: "single_choice",
            vocabulary: "contributor-roles",
            required: true,
            binding: "dmp.contributor.role",
          }),
        ],
      },
      ["Roles & Responsibilities"],
    );
  /** A list of documents (title + identifier) described by a *Reference schema. */
  const references = (schemaName, property, id, refSchema, idProperty, extra = {}) =>
    question(schemaName, property, {
      id,
      kind: "group",
      ...extra,
      fields: [
        sub(refSchema, "title", { id: "title", kind: "text" }),
        identifierOf(refSchema, idProperty, "identifier"),
        ...(refSchema === "SoftwareResourceReference"
          ? [
              sub(refSchema, "audience", {
                id: "audience",
                kind: "single_choice",
                options: opts("SoftwareDocumentationAudience"),
              }),
            ]
          : []),
      ],
    });
  const facilities = (schemaName, id, lookup, property = "facility") =>
    question(schemaName, property, {
      id,
      kind: "group",
      lookup,
      binding: "dataset.technical_resource",
      fields: [
        sub("TechnicalResourceStandard", "title", {
          id: "title",
          kind: "text",
          binding: "dataset.technical_resource.name",
        }),
        identifierOf(
          "TechnicalResourceStandard",
          "technicalResourceId",
          "identifier",
          resourceIdTypes,
          "dataset.technical_resource.technical_resource_id",
        ),
        sub("TechnicalResourceStandard", "serviceContact", { id: "contact", kind: "email" }),
        sub("TechnicalResourceStandard", "policyUrl", { id: "policyUrl", kind: "url" }),
      ],
    });
  const hostFields = () => [
    sub("HostStandard", "title", { id: "title", kind: "text", binding: "dataset.distribution.host.title" }),
    identifierOf(
      "HostStandard",
      "hostId",
      "identifier",
      ["url", "doi", "handle", "other"],
      "dataset.distribution.host.host_id",
    ),
    sub("HostStandard", "policyUrl", {
      id: "policyUrl",
      kind: "url",
      label: t("Data policy of the repository", "Politique de données de l'entrepôt"),
      binding: "dataset.distribution.host.url",
    }),
    sub("HostStandard", "geoLocation", {
      id: "country",
      kind: "single_choice",
      vocabulary: "iso-3166-1",
      binding: "dataset.distribution.host.geo_location",
    }),
    sub("HostStandard", "certification", {
      id: "certifications",
      kind: "multiple_choice",
      options: opts("Certification", { CoreTrustSeal: "coretrustseal", WDS: "wds", DSA: "dsa" }),
      binding: "dataset.distribution.host.certified_with",
    }),
    sub("HostStandard", "pidSystem", {
      id: "pidSystems",
      kind: "multiple_choice",
      vocabulary: "resource-identifier-types",
      binding: "dataset.distribution.host.pid_system",
    }),
    sub("HostStandard", "metadataStandard", {
      id: "metadataStandards",
      kind: "text",
      lookup: "metadata-standards",
    }),
  ];
  const keywordsControlled = (schemaName, id) =>
    question(schemaName, "controlledKeyword", {
      id,
      kind: "group",
      lookup: "keywords",
      binding: "dataset.keyword",
      fields: [
        sub("ControlledKeywordStandard", "keyword", {
          id: "keyword",
          kind: "text",
          binding: "dataset.keyword",
        }),
        sub("ControlledKeywordStandard", "keywordSchema", { id: "vocabulary", kind: "text" }),
        sub("ControlledKeywordStandard", "keywordUrl", { id: "uri", kind: "url" }),
      ],
    });
  const relatedOutputs = (schemaName, property, id, binding) =>
    question(schemaName, property, {
      id,
      kind: "group",
      ...(binding ? { binding } : {}),
      fields: [
        sub("ReusedDataStandard", "title", { id: "title", kind: "text", label: t("Name", "Nom") }),
        sub("ReusedDataStandard", "description", {
          id: "description",
          kind: "rich_text",
          label: t("Description", "Description"),
        }),
        identifierOf(
          "ReusedDataStandard",
          "datasetId",
          "identifier",
          resourceIdTypes,
          binding ? `${binding}.identifier` : undefined,
        ),
        sub("ReusedDataStandard", "versionNumber", { id: "version", kind: "text" }),
        sub("ReusedDataStandard", "license", {
          id: "licence",
          kind: "single_choice",
          vocabulary: "spdx-licences",
          lookup: "spdx",
        }),
      ],
    });
  const volume = (schemaName, property, id, binding) =>
    question(
      schemaName,
      property,
      { id, kind: "number", unitVocabulary: "volume-units", ...(binding ? { binding } : {}) },
      ["Data Volume"],
    );

  const personal = { output: "personalData", in: ["yes"] };
  const outputSections = [
    {
      id: "description",
      title: sectionTitle(0),
      scope: "output",
      questions: [
        question("ResearchOutputDescriptionStandard", "workPackage", {
          id: "description.workPackage",
          kind: "text",
        }),
        keywordsControlled("ResearchOutputDescriptionStandard", "description.controlledKeywords"),
        question("ResearchOutputDescriptionStandard", "uncontrolledKeywords", {
          id: "description.keywords",
          kind: "group",
          binding: "dataset.keyword",
          fields: [
            {
              id: "keyword",
              kind: "text",
              label: t("Keyword", "Mot-clé"),
              required: true,
              binding: "dataset.keyword",
            },
          ],
        }),
        question("ResearchOutputDescriptionStandard", "language", {
          id: "description.language",
          kind: "single_choice",
          vocabulary: "iso-639-3",
          binding: "dataset.language",
        }),
        question("ResearchOutputDescriptionStandard", "contact", {
          id: "description.contact",
          kind: "persons",
          role: "contact-person",
          lookup: "orcid",
          binding: "dmp.contributor",
        }),
        question("ResearchOutputDescriptionStandard", "issuedDate", {
          id: "description.issued",
          kind: "date",
          binding: "dataset.issued",
        }),
        question("ResearchOutputDescriptionStandard", "datasetId", {
          id: "description.identifier",
          kind: "identifier",
          identifierTypes: resourceIdTypes,
          binding: "dataset.dataset_id",
        }),
        primary("DataReuseStandard", "justification", { id: "reuse.justification", kind: "rich_text" }),
        relatedOutputs("DataReuseStandard", "reusedData", "reuse.datasets", "dataset.related_identifier"),
        costs("DataReuseStandard", "reuse.costs"),
        primary("DataCollectionStandard", "description", {
          id: "collection.description",
          kind: "rich_text",
          label: t(
            "How will new data be collected or produced?",
            opidorQuestions.get("DataCollectionStandard").label.fr,
          ),
        }),
        question("DataCollectionStandard", "title", { id: "collection.method", kind: "text" }),
        question("DataCollectionStandard", "dataNature", {
          id: "collection.dataNature",
          kind: "single_choice",
          options: opts("DataNature"),
        }),
        facilities("DataCollectionStandard", "collection.facilities", "collection-services"),
        references(
          "DataCollectionStandard",
          "methodReference",
          "collection.methodReferences",
          "MethodReference",
          "methodIdentifier",
        ),
        contributors("DataCollectionStandard", "collection.contributors"),
        costs("DataCollectionStandard", "collection.costs"),
      ],
    },
    {
      id: "documentation",
      title: sectionTitle(1),
      scope: "output",
      questions: [
        primary("DocumentationQualityStandard", "description", {
          id: "documentation.description",
          kind: "rich_text",
        }),
        references(
          "DocumentationQualityStandard",
          "dataOrganizationReference",
          "documentation.organisationDocuments",
          "DataOrganizationReference",
          "documentIdentifier",
        ),
        question("DocumentationQualityStandard", "metadataStandard", {
          id: "documentation.metadataStandards",
          kind: "group",
          lookup: "metadata-standards",
          binding: "dataset.metadata",
          fields: [
            sub("MetadataStandardStandard", "name", {
              id: "name",
              kind: "text",
              binding: "dataset.metadata.description",
            }),
            sub("MetadataStandardStandard", "description", { id: "description", kind: "rich_text" }),
            identifierOf(
              "MetadataStandardStandard",
              "metadataStandardId",
              "identifier",
              ["url", "doi", "other"],
              "dataset.metadata.metadata_standard_id",
            ),
          ],
        }),
        question("DocumentationQualityStandard", "metadataLanguage", {
          id: "documentation.metadataLanguage",
          kind: "single_choice",
          vocabulary: "iso-639-3",
          binding: "dataset.metadata.language",
        }),
        question("DocumentationQualityStandard", "documentationSoftware", {
          id: "documentation.software",
          kind: "multiple_choice",
          options: opts("MetadataTools"),
        }),
        contributors("DocumentationQualityStandard", "documentation.contributors"),
        costs("DocumentationQualityStandard", "documentation.costs"),
        primary("QualityAssuranceMethodStandard", "description", {
          id: "quality.description",
          kind: "rich_text",
          binding: "dataset.data_quality_assurance",
        }),
        references(
          "QualityAssuranceMethodStandard",
          "methodReference",
          "quality.methodReferences",
          "MethodReference",
          "methodIdentifier",
        ),
        contributors("QualityAssuranceMethodStandard", "quality.contributors"),
      ],
    },
    {
      id: "legal",
      title: sectionTitle(2),
      scope: "output",
      questions: [
        {
          ...primary("PersonalDataIssuesStandard", "description", {
            id: "personalData.measures",
            kind: "rich_text",
            binding: "dataset.security_and_privacy",
          }),
          condition: personal,
        },
        {
          ...references(
            "PersonalDataIssuesStandard",
            "documentReference",
            "personalData.documents",
            "ResourceReferenceStandard",
            "docIdentifier",
          ),
          condition: personal,
        },
        { ...contributors("PersonalDataIssuesStandard", "personalData.contributors"), condition: personal },
        primary("LegalIssuesStandard", "description", { id: "legal.description", kind: "rich_text" }),
        references(
          "LegalIssuesStandard",
          "legalReference",
          "legal.references",
          "LegalReference",
          "legalDocIdentifier",
        ),
        contributors("LegalIssuesStandard", "legal.contributors"),
        primary("EthicalIssuesStandard", "description", { id: "ethics.description", kind: "rich_text" }),
        references(
          "EthicalIssuesStandard",
          "resourceReference",
          "ethics.references",
          "ResourceReferenceStandard",
          "docIdentifier",
        ),
        contributors("EthicalIssuesStandard", "ethics.contributors"),
      ],
    },
    {
      id: "processing",
      title: sectionTitle(3),
      scope: "output",
      questions: [
        primary("DataProcessingStandard", "description", { id: "processing.description", kind: "rich_text" }),
        references(
          "DataProcessingStandard",
          "methodReference",
          "processing.methodReferences",
          "MethodReference",
          "methodIdentifier",
        ),
        facilities("DataProcessingStandard", "processing.facilities", "processing-services"),
        contributors("DataProcessingStandard", "processing.contributors"),
        costs("DataProcessingStandard", "processing.costs"),
      ],
    },
    {
      id: "storage",
      title: sectionTitle(4),
      scope: "output",
      questions: [
        primary("DataStorageStandard", "description", { id: "storage.description", kind: "rich_text" }),
        volume("DataStorageStandard", "estimatedVolume", "storage.volume"),
        facilities("DataStorageStandard", "storage.facilities", "storage-services"),
        question("DataStorageStandard", "backupPolicy", {
          id: "storage.backupPolicies",
          kind: "group",
          fields: [
            sub("BackupPolicyStandard", "description", { id: "description", kind: "rich_text" }),
            sub("BackupPolicyStandard", "backupFrequency", {
              id: "frequency",
              kind: "text",
              binding: "dataset.distribution.host.backup_frequency",
            }),
            sub("BackupPolicyStandard", "backupType", {
              id: "type",
              kind: "single_choice",
              options: opts("BackupType"),
              binding: "dataset.distribution.host.backup_type",
            }),
            sub("BackupPolicyStandard", "storageType", {
              id: "storageTypes",
              kind: "multiple_choice",
              options: opts("StorageType"),
              binding: "dataset.distribution.host.storage_type",
            }),
          ],
        }),
        question("DataStorageStandard", "securityMeasures", {
          id: "storage.security",
          kind: "rich_text",
          binding: "dataset.security_and_privacy",
        }),
        contributors("DataStorageStandard", "storage.contributors"),
        costs("DataStorageStandard", "storage.costs"),
      ],
    },
    {
      id: "sharing",
      title: sectionTitle(5),
      scope: "output",
      questions: [
        primary("DataSharingStandard", "description", { id: "sharing.description", kind: "rich_text" }),
        question("DataSharingStandard", "reusability", { id: "sharing.reusability", kind: "text" }),
        question("DataSharingStandard", "host", {
          id: "sharing.hosts",
          kind: "group",
          lookup: "re3data",
          binding: "dataset.distribution.host",
          fields: hostFields(),
        }),
        question("DataSharingStandard", "distribution", {
          id: "sharing.distributions",
          kind: "group",
          minItems: 1,
          binding: "dataset.distribution",
          fields: [
            sub("DistributionStandard", "fileName", {
              id: "title",
              kind: "text",
              binding: "dataset.distribution.title",
            }),
            sub("DistributionStandard", "description", {
              id: "description",
              kind: "rich_text",
              binding: "dataset.distribution.description",
            }),
            sub("DistributionStandard", "releaseDate", {
              id: "issued",
              kind: "date",
              binding: "dataset.distribution.issued",
            }),
            sub("DistributionStandard", "dataAccess", {
              id: "access",
              kind: "single_choice",
              label: t("Data access", "Mode d'accès"),
              vocabulary: "data-access",
              binding: "dataset.distribution.data_access",
            }),
            sub("DistributionStandard", "fileFormat", {
              id: "format",
              kind: "text",
              lookup: "media-types",
              binding: "dataset.distribution.format",
            }),
            sub("DistributionStandard", "application", { id: "application", kind: "text" }),
            sub("DistributionStandard", "fileVolume", {
              id: "volume",
              kind: "number",
              unitVocabulary: "volume-units",
              binding: "dataset.distribution.byte_size",
            }),
            sub("DistributionStandard", "availableUntil", {
              id: "availableUntil",
              kind: "date",
              binding: "dataset.distribution.available_until",
            }),
            sub("DistributionStandard", "accessUrl", {
              id: "accessUrl",
              kind: "url",
              binding: "dataset.distribution.access_url",
            }),
            sub("DistributionStandard", "downloadUrl", {
              id: "downloadUrl",
              kind: "url",
              binding: "dataset.distribution.download_url",
            }),
            sub("DistributionStandard", "license", {
              id: "licence",
              kind: "single_choice",
              vocabulary: "spdx-licences",
              lookup: "spdx",
              binding: "dataset.distribution.license.license_ref",
            }),
            sub("DistributionStandard", "licenseStartDate", {
              id: "licenceStart",
              kind: "date",
              binding: "dataset.distribution.license.start_date",
            }),
          ],
        }),
        contributors("DataSharingStandard", "sharing.contributors"),
        costs("DataSharingStandard", "sharing.costs"),
        primary("DataPreservationStandard", "description", {
          id: "preservation.description",
          kind: "rich_text",
          binding: "dataset.preservation_statement",
        }),
        volume("DataPreservationStandard", "dataSize", "preservation.volume"),
        question("DataPreservationStandard", "startDate", { id: "preservation.start", kind: "date" }),
        question("DataPreservationStandard", "endDate", { id: "preservation.end", kind: "date" }),
        question("DataPreservationStandard", "host", {
          id: "preservation.archive",
          kind: "group",
          lookup: "archives",
          fields: hostFields(),
        }),
        question("DataPreservationStandard", "finalDisposition", {
          id: "preservation.finalDisposition",
          kind: "rich_text",
        }),
        contributors("DataPreservationStandard", "preservation.contributors"),
        costs("DataPreservationStandard", "preservation.costs"),
      ],
    },
  ];

  return {
    outputSections,
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
    descriptions: { en: en.description_html, fr: fr.description_html },
  };
}
