import { listOutputs, type Plan, planSchema, type Template } from "../../domain/index.js";
import { exportDcs } from "../rda-dcs/export-dcs.js";
import {
  type DcsVersion,
  extensionKey,
  isObject,
  type JsonObject,
  type NormalisedDcs,
} from "../rda-dcs/model.js";
import { normaliseDcs } from "../rda-dcs/normalise.js";
import { type FormatResult, Report } from "../report.js";
import { applyJsonPatch, diffJson } from "./merge-patch.js";
import { dcsFromPlan, localDmpIdPrefix, noMailbox, planFromDcs } from "./standard-mapping.js";

/**
 * Native plan ↔ RDA DCS, lossless both ways:
 * - export writes the standard fields, and in `dmp.carnet.patch` a merge patch from the plan that
 *   the standard fields alone would give back to the real plan (acronym, partners, domains,
 *   per-output roles, unbound answers, template…), so native → DCS → native is exact;
 * - import of a foreign DCS keeps, in `plan.extensions["rda-dcs"]`, a merge patch from the DCS the
 *   plan alone would export to the real one (datasets keyed by output id), plus unknown keys and
 *   unusable values, so DCS → native → DCS gives the (normalised) input back.
 */

/** Key of the plan extension holding what a DCS import could not map. */
export const dcsShadowKey = "rda-dcs";

interface DcsShadow {
  patch?: unknown;
  kept?: NormalisedDcs["kept"];
  aside?: NormalisedDcs["aside"];
}

function keyed(dmp: JsonObject, outputIds: string[]): JsonObject {
  const datasets = Array.isArray(dmp.dataset) ? dmp.dataset : [];
  return { ...dmp, dataset: Object.fromEntries(datasets.map((d, i) => [outputIds[i] ?? `#${i}`, d])) };
}

function unkeyed(dmp: JsonObject, outputIds: string[]): JsonObject {
  const byId = isObject(dmp.dataset) ? dmp.dataset : {};
  const extra = Object.keys(byId).filter((key) => key.startsWith("#"));
  return {
    ...dmp,
    dataset: [...outputIds, ...extra].filter((id) => isObject(byId[id])).map((id) => byId[id]),
  };
}

// Kept keys inside datasets are stored against the output id (`@id`), so reordering or deleting
// outputs in Carnet keeps each one with its own output.
function keptById(kept: NormalisedDcs["kept"], outputIds: string[]): NormalisedDcs["kept"] {
  return kept.map((item) =>
    item.path[0] === "dataset" && typeof item.path[1] === "number" && outputIds[item.path[1]]
      ? { ...item, path: ["dataset", `@${outputIds[item.path[1]]}`, ...item.path.slice(2)] }
      : item,
  );
}

function keptByIndex(kept: NormalisedDcs["kept"], outputIds: string[]): NormalisedDcs["kept"] {
  return kept.flatMap((item) => {
    const ref = item.path[1];
    if (item.path[0] !== "dataset" || typeof ref !== "string" || !ref.startsWith("@")) return [item];
    const index = outputIds.indexOf(ref.slice(1));
    return index === -1 ? [] : [{ ...item, path: ["dataset", index, ...item.path.slice(2)] }];
  });
}

/** Normalise a standard dmp produced from a plan, so what we diff against is what gets written. */
function normalisedStandard(dmp: JsonObject, report: Report): FormatResult<NormalisedDcs> {
  return normaliseDcs(
    { kind: "rda-dcs", version: "1.2", wrapper: "dmp", flavour: "plain", dmp, count: 1, evidence: [] },
    { dmp },
    report,
  );
}

function withoutShadow(plan: Plan): Plan {
  if (!plan.extensions || !Object.hasOwn(plan.extensions, dcsShadowKey)) return plan;
  const { [dcsShadowKey]: _shadow, ...rest } = plan.extensions;
  const { extensions: _all, ...copy } = plan;
  return Object.keys(rest).length === 0 ? copy : { ...copy, extensions: rest };
}

/** Export a native plan as RDA DCS `version`, valid against the official schema, or a problem. */
export function exportPlanToDcs(
  plan: Plan,
  version: DcsVersion,
  template?: Template,
  report = new Report(),
): FormatResult<JsonObject> {
  const contact = plan.details.contactPersonId ? plan.persons[plan.details.contactPersonId] : undefined;
  if (contact && !contact.email)
    report.repair("dmp.contact.mbox", "formats.repair.no_mailbox", { mbox: noMailbox });
  const base = normalisedStandard(dcsFromPlan(plan, template), report);
  if (!base.ok) return base;
  const outputIds = listOutputs(plan).map((o) => o.id);
  const shadow = (plan.extensions?.[dcsShadowKey] ?? {}) as DcsShadow;
  let dcs = base.value;
  if (shadow.patch !== undefined) {
    const patched = unkeyed(applyJsonPatch(keyed(dcs.dmp, outputIds), shadow.patch) as JsonObject, outputIds);
    // The patch came from a valid document; normalising again guards against a plan edited since.
    const again = normalisedStandard(patched, report);
    if (!again.ok) return again;
    dcs = again.value;
  }
  dcs = {
    ...dcs,
    kept: [...dcs.kept, ...keptByIndex(shadow.kept ?? [], outputIds)],
    aside: [...dcs.aside, ...(shadow.aside ?? [])],
  };
  const planPart = withoutShadow(plan);
  const patch = diffJson(planFromDcs(dcs.dmp, planIdFor(dcs.dmp), template), planPart);
  return exportDcs(dcs, version, patch === undefined ? {} : { carnetFormat: 1, patch }, report);
}

function planIdFor(dmp: JsonObject): string {
  const id = isObject(dmp.dmp_id) && typeof dmp.dmp_id.identifier === "string" ? dmp.dmp_id.identifier : "";
  if (id.startsWith(localDmpIdPrefix) && /^[A-Za-z0-9_-]{1,64}$/.test(id.slice(localDmpIdPrefix.length))) {
    return id.slice(localDmpIdPrefix.length);
  }
  const slug = id
    .replace(/^https?:\/\//, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return (slug || "imported-plan").slice(-64).replace(/^-/, "");
}

/** Turn a normalised DCS document into a native plan (checked against the native schema). */
export function importPlanFromDcs(
  source: NormalisedDcs,
  template?: Template,
  report = new Report(),
): FormatResult<Plan> {
  const ours = source.kept.find((item) => item.path.length === 0 && item.key === extensionKey);
  const extension = isObject(ours?.value) ? ours.value : {};
  const kept = source.kept.filter((item) => item !== ours);
  const aside = [
    ...(Array.isArray(extension.aside) ? (extension.aside as NormalisedDcs["aside"]) : []),
    ...source.aside,
  ];
  const standard = planFromDcs(source.dmp, planIdFor(source.dmp), template);
  const planPart = (
    extension.patch === undefined ? standard : applyJsonPatch(standard, extension.patch)
  ) as Plan;
  // What the plan alone would export, compared with the real document, gives the shadow.
  const exported = normalisedStandard(dcsFromPlan(planPart, template), new Report());
  const outputIds = listOutputs(planPart).map((o) => o.id);
  const shadowPatch = diffJson(
    exported.ok ? keyed(exported.value.dmp, outputIds) : {},
    keyed(source.dmp, outputIds),
  );
  const plan: Plan = structuredClone(planPart);
  const keptForPlan = keptById(kept, outputIds);
  if (shadowPatch !== undefined || kept.length > 0 || aside.length > 0) {
    const shadow: DcsShadow = {};
    if (shadowPatch !== undefined) shadow.patch = shadowPatch;
    if (kept.length > 0) shadow.kept = keptForPlan;
    if (aside.length > 0) shadow.aside = aside;
    plan.extensions = { ...(plan.extensions ?? {}), [dcsShadowKey]: shadow };
  }
  const checked = planSchema.safeParse(plan);
  if (!checked.success) {
    return {
      ok: false,
      problem: {
        code: "invalid",
        key: "formats.problem.invalid",
        params: { format: "Carnet native", count: checked.error.issues.length },
        problems: checked.error.issues.map((issue) => ({
          path: issue.path.join(".") || "(document)",
          key: "formats.schema.other",
          params: { message: issue.message },
        })),
      },
    };
  }
  return { ok: true, value: checked.data, report };
}
