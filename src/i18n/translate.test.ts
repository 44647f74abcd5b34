import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fr } from "./fr.js";
import { pickUiLanguage, translate } from "./translate.js";

describe("translate", () => {
  it("fills placeholders and keeps unknown ones visible", () => {
    expect(translate("en", "error.not_found", { path: "/x" })).toBe("Nothing was found at /x.");
    expect(translate("fr", "error.not_found", {})).toContain("{path}");
  });

  it("has a non-empty French text for every English key, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], key).toBeTruthy();
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("pickUiLanguage", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,en;q=0.5,fr;q=0.4", "en"],
    ["de,fr;q=0.9", "fr"],
    ["fr_FR.UTF-8", "fr"],
    ["C.UTF-8", "en"],
    [undefined, "en"],
  ])("%s → %s", (input, expected) => {
    expect(pickUiLanguage(input)).toBe(expected);
  });
});
