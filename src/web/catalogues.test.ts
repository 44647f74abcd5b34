import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "../i18n/en.js";
import { serverOnlyMessages } from "../i18n/server-only-messages.js";
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

  it("hold every message the web app's code names (server-only ones are left out of its build)", () => {
    // The source files the web app loads: src/web/main.tsx and its relative imports, static or lazy.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, "utf8");
      for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
        const base = resolve(dirname(file), spec ?? "").replace(/\.js$/, "");
        const next = [".ts", ".tsx"].map((ext) => base + ext).find((path) => existsSync(path));
        if (next) visit(next);
      }
    };
    visit(fileURLToPath(new URL("./main.tsx", import.meta.url)));
    expect(seen.size).toBeGreaterThan(100);
    const named: string[] = [];
    for (const file of seen) {
      if (file.includes("/src/i18n/")) continue; // the catalogues themselves
      const code = readFileSync(file, "utf8");
      // A key, or the start of one completed at run time (`model.field.${name}`).
      for (const [, key] of code.matchAll(/["'`]([a-z_]+\.[a-z0-9_.]*)/g))
        if (key && serverOnlyMessages.test(key)) named.push(`${file}: ${key}`);
    }
    expect(named).toEqual([]);
  });
});
