#!/usr/bin/env node
// Generates data/vocabularies/*.json from the reference data sets and npm packages (iso-639-3,
// currency-codes, spdx-license-list) plus the small lists written here. Re-runnable: the output is
// committed; `--check` exits 1 when the committed files differ from what this script would write.
// French names of languages, currencies and countries come from CLDR through Intl.DisplayNames.
import currencyCodes from "currency-codes";
import { iso6393, iso6393To1, iso6393To2B } from "iso-639-3";
import spdx from "spdx-license-list";
import { emit, readJson, requireReferenceDir, runGenerator, slug, vocabularyText } from "./content-lib.mjs";

const reference = requireReferenceDir();
const opidor = (name) => readJson(`${reference}/dmp-opidor/registries/${name}.json`)[name];
const opidorSource = "DMP OPIDoR (OPIDoR/DMPOPIDoR @ bf35d6bb8b722ec7b44ed22a208483af92c260bc)";

const capitalise = (text) => text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
const names = (type) => ({
  en: new Intl.DisplayNames("en", { type, fallback: "none" }),
  fr: new Intl.DisplayNames("fr", { type, fallback: "none" }),
});

/** Items whose labels are given as [code, en, fr, ...aliases]. */
const simple = (rows) =>
  rows.map(([code, en, fr, ...aliases]) => ({
    code,
    label: { en, fr },
    ...(aliases.length > 0 ? { aliases } : {}),
  }));

function vocabulary(id, title, source, licence, items) {
  return { carnetVocabulary: 1, id, title, source, licence, items };
}

function oecdFord() {
  // Labels of older DMP OPIDoR exports (e.g. the reference DMP, 2023) that differ from today's.
  const olderLabels = { 5.3: ["Educational sciences", "Sciences de l'éducation"] };
  const ref = readJson(`${reference}/vocabularies/oecd-ford-2015.json`);
  const items = ref.items.map((item) => {
    const aliases = [item.dmpOpidorValue, ...(olderLabels[item.code] ?? [])].filter(Boolean);
    return {
      code: item.code,
      label: { en: item.label.en, fr: item.label.fr },
      ...(item.parent ? { parent: item.parent } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
    };
  });
  return vocabulary(
    "oecd-ford",
    {
      en: "Fields of research and development (OECD FORD)",
      fr: "Domaines de recherche (classification de l'OCDE)",
    },
    "OECD Frascati Manual 2015, Table 2.2; sub-field labels from DMP OPIDoR's ClassificationOCDE registry",
    "MIT (DMP OPIDoR labels); OECD classification cited",
    items,
  );
}

function contributorRoles() {
  const ref = readJson(`${reference}/vocabularies/dmp-contributor-roles.json`);
  const credit = readJson(`${reference}/vocabularies/credit-roles.json`);
  // The DMP roles of the reference DMP first, with the older DMP OPIDoR names it was exported with.
  const olderNames = {
    "contact-person": ["Personne contact pour les données", "Data contact person"],
    "dmp-manager": ["Responsable du plan de gestion de données", "DMP contact"],
  };
  const fixedIds = new Map([["entity-s-manager", "entity-manager"]]);
  const items = [];
  const seen = new Set();
  const add = (item) => {
    if (seen.has(item.code)) return;
    seen.add(item.code);
    items.push(item);
  };
  for (const role of ref.dmpOpidor.fixedRoles.items) {
    const registry = ref.dmpOpidor.roleRegistry.items.find(
      (r) => (fixedIds.get(r.id) ?? r.id) === role.id || r.label.fr === role.label.fr,
    );
    const aliases = [
      ...new Set([registry?.label.en, registry?.label.fr, ...(olderNames[role.id] ?? [])].filter(Boolean)),
    ];
    const en = role.id === "contact-person" ? "Contact person" : capitalise(role.label.en);
    add({ code: role.id, label: { en, fr: role.label.fr }, ...(aliases.length > 0 ? { aliases } : {}) });
  }
  for (const role of ref.dmpOpidor.roleRegistry.items) {
    const code = fixedIds.get(role.id) ?? role.id.replace(/-from-gdpr$/, "");
    add({ code, label: { en: role.label.en, fr: role.label.fr }, aliases: [role.label.en, role.label.fr] });
  }
  // Roles of contributors to research software (DMP OPIDoR's SoftwareRoles registry).
  for (const role of opidor("SoftwareRoles")) {
    if (role.en_GB === "Author" || role.en_GB === "Other") continue;
    add({
      code: `software-${slug(role.en_GB)}`,
      label: { en: `Software: ${role.en_GB.toLowerCase()}`, fr: `Logiciel : ${role.fr_FR.toLowerCase()}` },
      aliases: [role.en_GB, role.fr_FR],
    });
  }
  // CRediT (NISO), with DMPRoadmap's labels as aliases where they do not clash with a DMP role.
  const roadmap = new Map(ref.dmpRoadmap.items.filter((r) => r.credit).map((r) => [r.credit, r.label]));
  for (const role of credit.items) {
    const extra = roadmap.get(role.id);
    const aliases = extra && extra.en !== "Data Manager" ? [extra.en, extra.fr] : [];
    add({
      code: role.id,
      label: { en: `CRediT: ${role.label.en}`, fr: `CRediT : ${role.label.fr}` },
      ...(role.definition?.en
        ? { description: { en: role.definition.en, fr: role.definition.fr ?? role.definition.en } }
        : {}),
      uri: role.uri,
      aliases: [role.label.en, role.label.fr, ...aliases],
    });
  }
  return vocabulary(
    "contributor-roles",
    { en: "Contributor roles", fr: "Rôles des contributeurs" },
    `${opidorSource} Role and SoftwareRoles registries and fixed roles; CRediT (ANSI/NISO Z39.104-2022)`,
    "MIT (DMP OPIDoR); CC-BY-4.0 (CRediT)",
    items,
  );
}

function researchOutputTypes() {
  const coar = (id) => `http://purl.org/coar/resource_type/${id}`;
  const rows = [
    ["dataset", "Dataset", "Jeu de données", coar("c_ddb1")],
    ["software", "Software", "Logiciel", coar("c_5ce6")],
    ["model", "Model", "Modèle"],
    ["physical-object", "Physical object", "Objet physique"],
    ["workflow", "Workflow", "Workflow", coar("c_393c")],
    ["audiovisual", "Audiovisual", "Audiovisuel", coar("c_8a7e")],
    ["collection", "Collection", "Collection"],
    ["image", "Image", "Image", coar("c_c513")],
    ["interactive-resource", "Interactive resource", "Ressource interactive", coar("c_e9a0")],
    ["service", "Service", "Service"],
    ["sound", "Sound", "Son", coar("c_18cc")],
    ["text", "Text", "Texte", coar("c_18cf")],
    ["other", "Other", "Autre", coar("c_1843")],
  ];
  const items = rows.map(([code, en, fr, uri]) => ({
    code,
    label: { en, fr },
    ...(uri ? { uri } : {}),
    // DataCite resourceTypeGeneral names, which DMP OPIDoR stores.
    aliases: [en, fr, en.replace(/ (\w)/g, (_, c) => c.toUpperCase())],
  }));
  return vocabulary(
    "research-output-types",
    { en: "Research output types", fr: "Types de produits de recherche" },
    `${opidorSource} ResearchDataType registry (DataCite resourceTypeGeneral); COAR Resource Types URIs (2020-12-04)`,
    "MIT (DMP OPIDoR); CC0-1.0 (COAR)",
    items,
  );
}

function languages() {
  const fr = names("language").fr;
  const cldrName = (code) => {
    const two = iso6393To1[code];
    return (two && fr.of(two)) || fr.of(code);
  };
  const common = new Map(
    readJson(`${reference}/vocabularies/languages-common.json`).items.map((item) => [
      item.code,
      item.label.fr,
    ]),
  );
  const fallbacks = [];
  const items = iso6393.map((lang) => {
    const french = common.get(lang.iso6393) ?? cldrName(lang.iso6393);
    if (!french) fallbacks.push(lang.iso6393);
    const aliases = [iso6393To1[lang.iso6393], iso6393To2B[lang.iso6393]].filter(
      (alias) => alias && alias !== lang.iso6393,
    );
    return {
      code: lang.iso6393,
      label: { en: lang.name, fr: french ? capitalise(french) : lang.name },
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(lang.type === "extinct" || lang.type === "historical" || lang.type === "ancient"
        ? {
            description: {
              en: lang.type,
              fr: { extinct: "éteinte", historical: "historique", ancient: "ancienne" }[lang.type],
            },
          }
        : {}),
    };
  });
  console.log(
    `iso-639-3: ${items.length} languages, ${fallbacks.length} without a French name (English used).`,
  );
  return vocabulary(
    "iso-639-3",
    { en: "Languages (ISO 639-3)", fr: "Langues (ISO 639-3)" },
    "npm iso-639-3@3.0.1 (SIL ISO 639-3 code tables); French names from DMP OPIDoR and Unicode CLDR (Intl.DisplayNames); English name where CLDR has none",
    "MIT (iso-639-3); Unicode-3.0 (CLDR)",
    items,
  );
}

function currencies() {
  const { fr } = names("currency");
  const fallbacks = [];
  const items = currencyCodes.data.map((currency) => {
    const french = fr.of(currency.code);
    if (!french) fallbacks.push(currency.code);
    return {
      code: currency.code,
      label: { en: currency.currency, fr: french ? capitalise(french) : currency.currency },
    };
  });
  console.log(
    `iso-4217: ${items.length} currencies; no French name (English used): ${fallbacks.join(", ") || "none"}.`,
  );
  return vocabulary(
    "iso-4217",
    { en: "Currencies (ISO 4217)", fr: "Devises (ISO 4217)" },
    `npm currency-codes@2.2.0 (ISO 4217 list published ${currencyCodes.publishDate}); French names from Unicode CLDR (Intl.DisplayNames)`,
    "MIT (currency-codes); Unicode-3.0 (CLDR)",
    items,
  );
}

function countries() {
  const enums = readJson(`${reference}/rda-dcs/vocabularies/enums-from-schema-1.2.json`);
  const codes = enums[".dmp.dataset[].distribution[].host.geo_location"];
  const { en, fr } = names("region");
  const items = codes.map((code) => ({
    code,
    label: { en: en.of(code) ?? code, fr: fr.of(code) ?? en.of(code) ?? code },
  }));
  return vocabulary(
    "iso-3166-1",
    { en: "Countries (ISO 3166-1 alpha-2)", fr: "Pays (ISO 3166-1 alpha-2)" },
    "Codes of the RDA DMP Common Standard 1.2 schema (host.geo_location); names from Unicode CLDR (Intl.DisplayNames)",
    "CC0-1.0 (RDA DCS); Unicode-3.0 (CLDR)",
    items,
  );
}

function licences() {
  const items = Object.entries(spdx)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, licence]) => ({ code: id, label: { en: licence.name, fr: licence.name }, uri: licence.url }));
  return vocabulary(
    "spdx-licences",
    { en: "Licences (SPDX)", fr: "Licences (SPDX)" },
    "npm spdx-license-list@6.12.0 (SPDX License List); licence names are proper names, identical in every language",
    "CC0-1.0",
    items,
  );
}

/** Items from a DMP OPIDoR registry of {en_GB, fr_FR} labels, with codes given in order. */
function fromOpidor(registry, codes) {
  return opidor(registry).map((entry, index) => ({
    code: codes[index],
    label: { en: entry.en_GB, fr: entry.fr_FR },
    aliases: [...new Set([entry.en_GB, entry.fr_FR])],
  }));
}

function smallVocabularies() {
  const dcs = "RDA DMP Common Standard 1.2";
  return [
    vocabulary(
      "data-access",
      { en: "Data access", fr: "Mode d'accès aux données" },
      `${dcs} (data_access: open, shared, closed) plus embargo; labels from ${opidorSource} DataAccess registry`,
      "CC0-1.0 (RDA DCS); MIT (DMP OPIDoR)",
      simple([
        ["open", "Open", "Ouvert"],
        ["shared", "Shared (restricted)", "Partagé (restreint)", "Restricted", "Restreint"],
        ["closed", "Closed", "Fermé"],
        ["embargo", "Under embargo", "Sous embargo", "Embargoed"],
      ]),
    ),
    vocabulary(
      "yes-no-unknown",
      { en: "Yes / no / unknown", fr: "Oui / non / ne sais pas" },
      `${dcs}; labels from ${opidorSource} YesNoUnknown registry`,
      "CC0-1.0 (RDA DCS); MIT (DMP OPIDoR)",
      simple([
        ["yes", "Yes", "Oui"],
        ["no", "No", "Non"],
        ["unknown", "Unknown", "Ne sais pas", "Inconnu"],
      ]),
    ),
    vocabulary(
      "funding-status",
      { en: "Funding status", fr: "Statut du financement" },
      `${dcs} (funding_status); labels from ${opidorSource} FundingStatus registry`,
      "CC0-1.0 (RDA DCS); MIT (DMP OPIDoR)",
      fromOpidor("FundingStatus", ["planned", "applied", "granted", "rejected"]),
    ),
    vocabulary(
      "version-labels",
      { en: "Plan version", fr: "Version du plan" },
      `${opidorSource} DMPVersion registry`,
      "MIT",
      fromOpidor("DMPVersion", ["initial", "intermediate", "final"]),
    ),
    vocabulary(
      "person-identifier-types",
      { en: "Person identifier types", fr: "Types d'identifiants de personnes" },
      `${opidorSource} AgentIdSystem registry; ${dcs} contributor_id types`,
      "MIT (DMP OPIDoR); CC0-1.0 (RDA DCS)",
      simple([
        ["orcid", "ORCID iD", "ORCID iD", "ORCID"],
        ["idhal", "IdHAL", "IdHAL"],
        ["isni", "ISNI", "ISNI"],
        ["idref", "IdRef", "IdRef"],
        ["url", "URL", "URL"],
        ["other", "Other", "Autre"],
      ]),
    ),
    vocabulary(
      "organisation-identifier-types",
      { en: "Organisation identifier types", fr: "Types d'identifiants d'organisations" },
      `${opidorSource} OrganizationIdSystem registry; ${dcs} affiliation and funder id types`,
      "MIT (DMP OPIDoR); CC0-1.0 (RDA DCS)",
      simple([
        ["ror", "ROR ID", "ROR ID", "ROR"],
        ["rnsr", "RNSR", "RNSR"],
        ["crossref-funder", "Crossref Funder ID", "Crossref Funder ID", "Crossref funder ID", "fundref"],
        ["isni", "ISNI", "ISNI"],
        ["idref", "IdRef", "IdRef"],
        ["siren", "SIREN", "SIREN"],
        ["grid", "GRID", "GRID"],
        ["url", "URL", "URL"],
        ["other", "Other", "Autre"],
      ]),
    ),
    vocabulary(
      "resource-identifier-types",
      { en: "Resource identifier types", fr: "Types d'identifiants de ressources" },
      `${opidorSource} PIDSystem registry; ${dcs} pid_system`,
      "MIT (DMP OPIDoR); CC0-1.0 (RDA DCS)",
      simple([
        ["doi", "DOI", "DOI"],
        ["ark", "ARK", "ARK"],
        ["handle", "Handle", "Handle"],
        ["hal", "HAL Id", "HAL Id", "HAL"],
        ["swhid", "SWHID (Software Heritage)", "SWHID (Software Heritage)", "SWHID"],
        ["igsn", "IGSN", "IGSN"],
        ["urn", "URN", "URN"],
        ["purl", "PURL", "PURL"],
        ["isbn", "ISBN", "ISBN"],
        ["issn", "ISSN", "ISSN"],
        ["pmid", "PubMed ID", "PubMed ID", "PMID"],
        ["arxiv", "arXiv", "arXiv"],
        ["url", "URL", "URL"],
        ["local", "Local identifier", "Identifiant local", "Identifiant local"],
        ["other", "Other", "Autre"],
      ]),
    ),
    vocabulary(
      "volume-units",
      {
        en: "Units of data volume (decimal: 1 kB = 1,000 bytes)",
        fr: "Unités de volume de données (décimales : 1 ko = 1 000 octets)",
      },
      `${opidorSource} VolumeUnit registry`,
      "MIT",
      fromOpidor("VolumeUnit", ["B", "kB", "MB", "GB", "TB", "PB"]),
    ),
    vocabulary(
      "cost-types",
      { en: "Cost types", fr: "Types de coûts" },
      `${opidorSource} CostType registry (plus "other")`,
      "MIT",
      [
        ...fromOpidor("CostType", ["personnel", "training", "software", "hardware", "storage"]),
        { code: "other", label: { en: "Other", fr: "Autre" }, aliases: ["Other", "Autre"] },
      ],
    ),
  ];
}

runGenerator("generate-vocabularies", (options) => {
  const all = [
    oecdFord(),
    contributorRoles(),
    researchOutputTypes(),
    ...smallVocabularies(),
    languages(),
    currencies(),
    countries(),
    licences(),
  ];
  for (const vocab of all) emit(`vocabularies/${vocab.id}.json`, vocabularyText(vocab), options);
});
