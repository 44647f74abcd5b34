// PROVISIONAL (feat/model): a minimal stand-in with the API of the content loader that feat/content
// builds (same file, same exports). On merge, keep feat/content's version of this file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Template, templateSchema } from "../domain/template.js";
import { type Vocabulary, type VocabularySet, vocabularySchema } from "../domain/vocabulary.js";
import { packageRoot } from "../shared/package-info.js";

/** The templates and vocabularies shipped in `data/`. */
export interface BuiltinContent {
  templates: ReadonlyMap<string, Template>;
  vocabularies: VocabularySet;
}

function readAll<T>(dir: string, parse: (value: unknown) => T): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parse(JSON.parse(readFileSync(join(dir, name), "utf8"))));
}

/** Reads `<dataDir>/vocabularies` and `<dataDir>/templates`. */
export function readBuiltinContent(dataDir: string): BuiltinContent {
  const vocabularies = readAll<Vocabulary>(join(dataDir, "vocabularies"), (v) => vocabularySchema.parse(v));
  const templates = readAll<Template>(join(dataDir, "templates"), (t) => templateSchema.parse(t));
  return {
    templates: new Map(templates.map((t) => [t.id, t])),
    vocabularies: new Map(vocabularies.map((v) => [v.id, v])),
  };
}

let cached: BuiltinContent | undefined;

/** The built-in content of this installation (`<packageRoot>/data`), read once. */
export function loadBuiltinContent(): BuiltinContent {
  cached ??= readBuiltinContent(join(packageRoot, "data"));
  return cached;
}
