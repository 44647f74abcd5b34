// Builds template questions from DMP OPIDoR's madmp JSON schemas: labels, help and examples come from
// the schema property (form_label@*, tooltip@*, example@*), the rest (id, kind, vocabulary, binding)
// from the mapping written in generate-templates.mjs.
import { readJson, slug } from "./content-lib.mjs";

// Obvious typos of the source, corrected in what Carnet shows.
const typoFixes = [
  [/ouput/g, "output"],
  [/accompagny/g, "accompany"],
  [/Reseach/g, "Research"],
  [/comittee/g, "committee"],
  [/Choose on or more/g, "Choose one or more"],
  [/API cal$/, "API call"],
  [/Développer/g, "Developer"],
  [/Additional informations/g, "Additional information"],
  [/Others application fields/g, "Other application fields"],
  [/Is access to source code\?/g, "Is access to the source code open or private?"],
  [/\(or thesaurus, lexique\.\.\.$/, "(or thesaurus, lexicon…)"],
  [/^Dependency Name$/, "Dependency name"],
  [/ {2,}/g, " "],
  [/​/g, ""],
];

/** Trims and fixes a source text. */
export function clean(text) {
  let result = text;
  for (const [pattern, replacement] of typoFixes) result = result.replace(pattern, replacement);
  return result.trim();
}

// Texts the source gives in one language only, translated here (keyed by the source text).
const translations = {
  "Identifiant dans FAIRSharing ou le RDA Metadata Standard Catalog (https://rdamsc.bath.ac.uk/)":
    "Identifier in FAIRsharing or in the RDA Metadata Standards Catalog (https://rdamsc.bath.ac.uk/)",
};

/** `{en, fr}` from the `<key>@en_GB` / `<key>@fr_FR` pair of an object, or undefined when neither is set. */
export function localized(object, key) {
  const en = object[`${key}@en_GB`];
  const fr = object[`${key}@fr_FR`];
  if (!en && !fr) return undefined;
  if (en && !fr && translations[en]) return { en: clean(en), fr: translations[en] };
  if (fr && !en && translations[fr]) return { en: translations[fr], fr: clean(fr) };
  if (!en || !fr || en === "None" || fr === "None") {
    throw new Error(`${key}: missing a language in ${JSON.stringify({ en, fr })}`);
  }
  return { en: clean(en), fr: clean(fr) };
}

export function makeSchemaReader(referenceDir) {
  const cache = new Map();
  return (name) => {
    if (!cache.has(name))
      cache.set(name, readJson(`${referenceDir}/dmp-opidor/schemas/${name}-template.json`));
    return cache.get(name);
  };
}

/**
 * A field from a schema property. `spec` gives id and kind and may override label, help, example and
 * required, or add vocabulary, options, binding, etc. `help: null` drops the source tooltip.
 */
export function fieldFrom(schema, property, spec) {
  const source = schema.properties[property];
  if (!source) throw new Error(`${schema.title}.${property} does not exist`);
  const label = spec.label ?? localized(source, "form_label") ?? localized(source, "label");
  if (!label) throw new Error(`${schema.title}.${property}: no label`);
  const help = spec.help === null ? undefined : (spec.help ?? localized(source, "tooltip"));
  const example = spec.example === null ? undefined : (spec.example ?? localized(source, "example"));
  const { label: _l, help: _h, example: _e, required, ...rest } = spec;
  return {
    id: spec.id,
    kind: spec.kind,
    label,
    ...(help ? { help } : {}),
    ...(example ? { example } : {}),
    required: required ?? (schema.required ?? []).includes(property),
    ...Object.fromEntries(Object.entries(rest).filter(([key]) => key !== "id" && key !== "kind")),
  };
}

/** Inline options from a DMP OPIDoR registry of {en_GB, fr_FR} (or {label:{…}}) entries, codes slugged from English. */
export function optionsFrom(referenceDir, registry, codes = {}) {
  const entries = readJson(`${referenceDir}/dmp-opidor/registries/${registry}.json`)[registry];
  return entries.map((entry) => {
    const label = entry.label ?? entry;
    const en = clean(label.en_GB);
    return { code: codes[en] ?? slug(en), label: { en, fr: clean(label.fr_FR) } };
  });
}
