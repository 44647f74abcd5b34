import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import { type Template, templateSchema } from "../domain/template.js";
import { checkTemplateIntegrity } from "../domain/template-integrity.js";
import { type Vocabulary, type VocabularySet, vocabularySchema } from "../domain/vocabulary.js";
import { translate } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { packageRoot } from "../shared/package-info.js";

/** The templates and vocabularies shipped in `data/`. */
export interface BuiltinContent {
  /** By template id (`science-europe-structured`, `horizon-europe`…). */
  templates: ReadonlyMap<string, Template>;
  vocabularies: VocabularySet;
}

/** `/sections/3/questions/0/label` from a zod issue path (RFC 6901 escaping). */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") || "/";
}

function invalid(file: string, pointer: string, reason: string): AppError {
  const params = { file, pointer, reason };
  return new AppError("config_invalid", translate("en", "content.invalid_file", params), {
    params,
    details: params,
  });
}

function readJsonFile(path: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const params = { file: shown, reason: (cause as Error).message };
    throw new AppError("config_invalid", translate("en", "content.unreadable_file", params), {
      params,
      cause,
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw invalid(shown, "/", `not JSON (${(cause as Error).message})`);
  }
}

function parseFile<T extends { id: string }>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  root: string,
): T {
  const path = join(dir, name);
  const shown = relative(root, path) || path;
  const result = schema.safeParse(readJsonFile(path, shown));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalid(shown, jsonPointer(issue.path), issue.message);
  }
  if (result.data.id !== basename(name, ".json")) {
    const params = { file: shown, id: result.data.id };
    throw new AppError("config_invalid", translate("en", "content.id_mismatch", params), { params });
  }
  return result.data;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();

/**
 * Reads and checks every file of `<dataDir>/vocabularies` and `<dataDir>/templates`. Throws an AppError
 * (`config_invalid`) naming the file and the JSON pointer of the first problem.
 */
export function readBuiltinContent(dataDir: string): BuiltinContent {
  const root = join(dataDir, "..");
  const vocabularies = new Map<string, Vocabulary>();
  const vocabularyDir = join(dataDir, "vocabularies");
  for (const name of jsonFiles(vocabularyDir)) {
    const vocabulary = parseFile(vocabularyDir, name, vocabularySchema, root);
    vocabularies.set(vocabulary.id, vocabulary);
  }
  const templates = new Map<string, Template>();
  const templateDir = join(dataDir, "templates");
  for (const name of jsonFiles(templateDir)) {
    const template = parseFile(templateDir, name, templateSchema, root);
    const problem = checkTemplateIntegrity(template, vocabularies)[0];
    if (problem) {
      const shown = relative(root, join(templateDir, name));
      throw invalid(shown, problem.pointer, translate("en", problem.key, problem.params));
    }
    templates.set(template.id, template);
  }
  return { templates, vocabularies };
}

let cached: BuiltinContent | undefined;

/** The built-in content of this installation (`<packageRoot>/data`), read and checked once, then cached. */
export function loadBuiltinContent(): BuiltinContent {
  cached ??= readBuiltinContent(join(packageRoot, "data"));
  return cached;
}
