import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "../i18n/en.js";
import * as shared from "../i18n/translate.js";
import { catalogueLoaded, isMessageKey, loadCatalogue, translate } from "./catalogues.js";

describe("web message catalogues", () => {
  it("translate like src/i18n/translate.ts once the language is loaded", async () => {
    expect(catalogueLoaded("fr")).toBe(false);
    expect(() => translate("fr", "web.close")).toThrow(/no message catalogue/);
    await loadCatalogue("fr");
    expect(catalogueLoaded("fr")).toBe(true);
    expect(catalogueLoaded("en")).toBe(false);
    await loadCatalogue("en");
    for (const key of Object.keys(en) as MessageKey[])
      for (const lang of ["en", "fr"] as const)
        expect(translate(lang, key, { path: "/x", count: 2 }), key).toBe(
          shared.translate(lang, key, { path: "/x", count: 2 }),
        );
  });

  it("know the message keys", async () => {
    await loadCatalogue("en");
    expect(isMessageKey("web.close")).toBe(true);
    expect(isMessageKey("web.no_such_message")).toBe(false);
  });
});
