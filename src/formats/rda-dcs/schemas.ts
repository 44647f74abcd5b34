import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { MessageKey } from "../../i18n/translate.js";
import { packageRoot } from "../../shared/package-info.js";
import type { DcsVersion } from "./model.js";

// ajv-formats is CommonJS; its default export is the plugin function under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;

const schemaFiles: Record<DcsVersion, string> = {
  "1.0": "maDMP-schema-1.0.json",
  "1.1": "maDMP-schema-1.1.json",
  "1.2": "maDMP-schema-1.2.json",
};

// Two validators per version: a fast one that stops at the first error for the common valid case,
// and an exhaustive one (allErrors) used only to explain an invalid document.
const compiled = new Map<string, ValidateFunction>();

/** The official schema of `version`, read from `data/schemas/rda-dcs/`. */
export function loadDcsSchema(version: DcsVersion): Record<string, unknown> {
  const path = join(packageRoot, "data", "schemas", "rda-dcs", schemaFiles[version]);
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function validatorFor(version: DcsVersion, allErrors: boolean): ValidateFunction {
  const id = `${version}/${allErrors}`;
  let validate = compiled.get(id);
  if (!validate) {
    // 1.2 is written in draft 2020-12, 1.0 and 1.1 in draft-07; formats are asserted in both.
    const options = { allErrors, strict: true };
    const ajv = version === "1.2" ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    validate = ajv.compile(loadDcsSchema(version));
    compiled.set(id, validate);
  }
  return validate;
}

/** One schema problem, with its path in the document and a translatable message. */
export interface SchemaProblem {
  path: string;
  key: MessageKey;
  params: Record<string, string | number>;
}

/** `/dmp/dataset/0/title` → `dmp.dataset[0].title`. */
function dottedPath(pointer: string): string {
  if (pointer === "") return "(document)";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
}

function describe(error: ErrorObject): SchemaProblem {
  const path = dottedPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path, key: "formats.schema.required", params: { field: String(params.missingProperty) } };
    case "format":
      return { path, key: "formats.schema.format", params: { format: String(params.format) } };
    case "enum":
      return {
        path,
        key: "formats.schema.enum",
        params: { allowed: ((params.allowedValues as unknown[]) ?? []).slice(0, 8).join(", ") },
      };
    case "type":
      return { path, key: "formats.schema.type", params: { type: String(params.type) } };
    case "additionalProperties":
      return { path, key: "formats.schema.additional", params: { field: String(params.additionalProperty) } };
    case "minItems":
      return { path, key: "formats.schema.min_items", params: { limit: Number(params.limit) } };
    default:
      return { path, key: "formats.schema.other", params: { message: error.message ?? error.keyword } };
  }
}

/** Validate a whole DCS document (`{ "dmp": … }`) against the official schema of `version`. */
export function validateDcs(
  document: unknown,
  version: DcsVersion,
): { valid: true } | { valid: false; problems: SchemaProblem[] } {
  if (validatorFor(version, false)(document)) return { valid: true };
  const validate = validatorFor(version, true);
  validate(document);
  // oneOf failures repeat the inner errors; keep the specific ones first and drop duplicates.
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === "oneOf" && (validate.errors?.length ?? 0) > 1) continue;
    const problem = describe(error);
    const id = `${problem.path}|${problem.key}|${JSON.stringify(problem.params)}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(problem);
    }
  }
  return { valid: false, problems };
}
