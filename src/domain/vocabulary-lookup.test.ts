import { describe, expect, it } from "vitest";
import type { Vocabulary, VocabularySet } from "./vocabulary.js";
import {
  codeFromName,
  findVocabularyItem,
  hasVocabularyCode,
  labelOrCode,
  normaliseName,
  vocabularyLabel,
} from "./vocabulary-lookup.js";

const roles: Vocabulary = {
  carnetVocabulary: 1,
  id: "contributor-roles",
  title: { en: "Roles", fr: "Rôles" },
  source: "test",
  licence: "CC0-1.0",
  items: [
    {
      code: "contact-person",
      label: { en: "Contact person", fr: "Personne contact" },
      aliases: ["Personne contact pour les données"],
    },
    { code: "dmp-manager", label: { en: "DMP manager", fr: "Responsable du plan" } },
    // An alias that collides with another item's label must not steal it.
    { code: "other", label: { en: "Other", fr: "Autre" }, aliases: ["DMP manager"] },
    { code: "en-only", label: { en: "English only" } },
  ],
};
const set: VocabularySet = new Map([[roles.id, roles]]);

describe("vocabulary lookups", () => {
  it("gives the label of a code in the requested language", () => {
    expect(vocabularyLabel(set, "contributor-roles", "contact-person", "fr")).toEqual({
      text: "Personne contact",
      lang: "fr",
      fallback: false,
    });
    expect(vocabularyLabel(set, "contributor-roles", "contact-person", "en")?.text).toBe("Contact person");
  });

  it("falls back visibly when a translation is missing, and returns undefined for unknown codes", () => {
    expect(vocabularyLabel(set, "contributor-roles", "en-only", "fr")).toEqual({
      text: "English only",
      lang: "en",
      fallback: true,
    });
    expect(vocabularyLabel(set, "contributor-roles", "nope", "fr")).toBeUndefined();
    expect(vocabularyLabel(set, "no-such-vocabulary", "other", "fr")).toBeUndefined();
    expect(labelOrCode(set, "contributor-roles", "nope", "fr")).toBe("nope");
  });

  it("checks that a code exists", () => {
    expect(hasVocabularyCode(set, "contributor-roles", "dmp-manager")).toBe(true);
    expect(hasVocabularyCode(set, "contributor-roles", "DMP manager")).toBe(false);
    expect(findVocabularyItem(set, "contributor-roles", "other")?.label.fr).toBe("Autre");
  });

  it("maps codes, labels and aliases back to codes, ignoring case, accents and spacing", () => {
    expect(codeFromName(set, "contributor-roles", "dmp-manager")).toBe("dmp-manager");
    expect(codeFromName(set, "contributor-roles", "Responsable du plan")).toBe("dmp-manager");
    expect(codeFromName(set, "contributor-roles", "  PERSONNE   CONTACT POUR LES DONNEES ")).toBe(
      "contact-person",
    );
    expect(codeFromName(set, "contributor-roles", "DMP manager")).toBe("dmp-manager");
    expect(codeFromName(set, "contributor-roles", "Unknown role")).toBeUndefined();
    expect(codeFromName(set, "missing", "Autre")).toBeUndefined();
  });

  it("normalises names for matching", () => {
    expect(normaliseName("Données  d’enquête ")).toBe("donnees d'enquete");
  });
});
