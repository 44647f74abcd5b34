import type { DetectedFormat } from "../detect-format.js";
import { type FormatResult, preview, Report } from "../report.js";
import { defaultLanguage, dmpSpec } from "./dcs-spec.js";
import { putAside, readObject } from "./engine.js";
import { isObject, type NormaliseContext, type NormalisedDcs } from "./model.js";
import { restoreResidue } from "./residue.js";

type DetectedDcs = Extract<DetectedFormat, { kind: "rda-dcs" }>;

// Fields of `dmp` that cannot be guessed: without them the file is refused with their names.
const mustHave = ["title", "contact", "dmp_id"] as const;

/**
 * Turn any DCS 1.0/1.1/1.2 `dmp` (as detected) into a clean DCS 1.2 `dmp`, reporting every
 * repair and keeping every unknown key and unusable value; refuses (never throws) when the
 * title, contact, DMP identifier or both dates are missing or unusable.
 */
export function normaliseDcs(
  detected: DetectedDcs,
  document: unknown,
  report = new Report(),
): FormatResult<NormalisedDcs> {
  report.add("info", "(document)", "formats.info.detected_dcs", {
    version: detected.version,
    wrapper: detected.wrapper,
    flavour: detected.flavour,
    evidence: detected.evidence.join(", ") || "-",
  });
  if (detected.count > 1) {
    return {
      ok: false,
      problem: {
        code: "not_convertible",
        key: "formats.problem.several_dmps",
        params: { count: detected.count },
      },
    };
  }
  const context: NormaliseContext = { report, kept: [], aside: [], dmpLanguage: undefined };
  const { dmp: raw, restored, unfit } = restoreResidue(detected.dmp);
  if (restored > 0) report.add("info", "dmp", "formats.info.residue_restored", { count: restored });
  for (const entry of unfit) putAside(context, [], "carnet", entry, "residue_unfit");
  if (isObject(document)) {
    // Keys next to `dmp` have nowhere to go in DCS: they travel in the extension.
    for (const [key, value] of Object.entries(document)) {
      if (detected.wrapper !== "dmp" || key === "dmp" || key === "$schema") continue;
      context.aside.push({ path: key, reason: "outside_dmp", value });
      report.add("kept", key, "formats.kept.outside_dmp", { value: preview(value) });
    }
  }
  const dmp = readObject(raw, dmpSpec, [], context) ?? {};
  const missing = mustHave.filter((key) => !Object.hasOwn(dmp, key));
  if (!dmp.created && !dmp.modified) missing.push("created" as never);
  if (missing.length > 0) {
    const unusable = missing.filter((key) => Object.hasOwn(raw, key));
    return {
      ok: false,
      problem: {
        code: "not_convertible",
        key: "formats.problem.dmp_incomplete",
        params: {
          missing: missing.join(", "),
          unusable:
            unusable.length > 0 ? unusable.map((key) => `${key} = ${preview(raw[key], 40)}`).join("; ") : "-",
        },
      },
    };
  }
  if (!dmp.created || !dmp.modified) {
    const [from, to] = dmp.created ? (["created", "modified"] as const) : (["modified", "created"] as const);
    dmp[to] = dmp[from];
    report.repair(`dmp.${to}`, "formats.repair.date_copied", { from });
  }
  if (!dmp.language) {
    dmp.language = defaultLanguage;
    report.repair("dmp.language", "formats.repair.default_language", { language: defaultLanguage });
  }
  if (!dmp.ethical_issues_exist) {
    dmp.ethical_issues_exist = "unknown";
    report.repair("dmp.ethical_issues_exist", "formats.repair.default_unknown");
  }
  if (!dmp.dataset) {
    dmp.dataset = [];
    report.repair("dmp.dataset", "formats.repair.default_empty_list");
  }
  return {
    ok: true,
    value: {
      dmp,
      kept: context.kept,
      aside: context.aside,
      source: { version: detected.version, wrapper: detected.wrapper, flavour: detected.flavour },
    },
    report,
  };
}
