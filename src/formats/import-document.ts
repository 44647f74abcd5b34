import { type DetectedFormat, detectFormat } from "./detect-format.js";
import { type ReadLimits, readJson, readLimits } from "./json/read-json.js";
import type { JsonObject, NormalisedDcs } from "./rda-dcs/model.js";
import { normaliseDcs } from "./rda-dcs/normalise.js";
import { validateDcs } from "./rda-dcs/schemas.js";
import type { FormatResult } from "./report.js";

/** A document read tolerantly: a normalised DCS plan, or a native document to be checked by the domain. */
export type ImportedDocument =
  | { format: "rda-dcs"; dcs: NormalisedDcs }
  | { format: "opidor-standard"; document: JsonObject }
  | { format: "native"; formatVersion: string; document: JsonObject };

/** The format names `carnet convert --to` and the services accept. */
export const targetFormats = ["native", "rda-dcs-1.2", "rda-dcs-1.1", "rda-dcs-1.0"] as const;
export type TargetFormat = (typeof targetFormats)[number];

/** A human name for a detected format, as used in messages. */
export function formatLabel(detected: DetectedFormat): string {
  switch (detected.kind) {
    case "native":
      return `Carnet native ${detected.formatVersion}`;
    case "rda-dcs":
      return `RDA DCS ${detected.version}`;
    case "opidor-standard":
      return "DMP OPIDoR";
    default:
      return "unknown JSON";
  }
}

/**
 * Read any supported JSON text tolerantly: parse (with repairs), detect the format, normalise a
 * DCS file to clean 1.2 and check it against the official 1.2 schema. Never throws.
 */
export function importDocument(
  text: string,
  limits: ReadLimits = readLimits,
): FormatResult<ImportedDocument> {
  const read = readJson(text, limits);
  if (!read.ok) return read;
  const detected = detectFormat(read.value);
  if (detected.kind === "native") {
    read.report.add("info", "(document)", "formats.info.detected_native", {
      version: detected.formatVersion,
    });
    return {
      ok: true,
      value: { format: "native", formatVersion: detected.formatVersion, document: read.value as JsonObject },
      report: read.report,
    };
  }
  if (detected.kind === "opidor-standard") {
    read.report.add("info", "(document)", "formats.info.detected_opidor", {
      evidence: detected.evidence.join(", "),
    });
    return {
      ok: true,
      value: { format: "opidor-standard", document: read.value as JsonObject },
      report: read.report,
    };
  }
  if (detected.kind !== "rda-dcs") {
    return {
      ok: false,
      problem: { code: "unknown_format", key: "formats.problem.unknown_format", params: {} },
    };
  }
  const normalised = normaliseDcs(detected, read.value, read.report);
  if (!normalised.ok) return normalised;
  // The normaliser only writes values it has checked; this guards that promise.
  const check = validateDcs({ dmp: normalised.value.dmp }, "1.2");
  if (!check.valid) {
    return {
      ok: false,
      problem: {
        code: "invalid",
        key: "formats.problem.export_invalid",
        params: { version: "1.2", count: check.problems.length },
        problems: check.problems,
      },
    };
  }
  return { ok: true, value: { format: "rda-dcs", dcs: normalised.value }, report: normalised.report };
}
