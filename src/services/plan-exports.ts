import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Plan } from "../domain/plan.js";
import { buildDocument, selectOutputs } from "../exports/document/build-document.js";
import { type ExportFormat, exportFormats, formatFiles } from "../exports/document/model.js";
import { parseExportOptions } from "../exports/options.js";
import { renderInWorker } from "../exports/render/render-pool.js";
import { exportPlanToDcs } from "../formats/native/native-dcs.js";
import type { DcsVersion, JsonObject } from "../formats/rda-dcs/model.js";
import { translate, type UiLanguage } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { carnetVersion } from "../shared/package-info.js";
import { createPlansRepository } from "../storage/plans-repository.js";
import { createUsersRepository } from "../storage/users-repository.js";
import type { AppContext } from "./app-context.js";
import { loadBuiltinContent } from "./builtin-content.js";
import { createExportCache, type ExportCache } from "./export-cache.js";
import type { Actor } from "./permissions.js";
import { createPlanAuthoriser } from "./plan-authorisation.js";
import type { PlanContent } from "./plan-content.js";

/** Every format a plan exports to over HTTP: documents, the native JSON, and RDA DCS. */
export const planExportFormats = [...exportFormats, "json", "rda-dcs-1.2", "rda-dcs-1.1"] as const;
export type PlanExportFormat = (typeof planExportFormats)[number];
type DataFormat = "json" | "rda-dcs-1.2" | "rda-dcs-1.1";

/** Export options as query parameters give them (all text). */
export interface ExportQuery {
  format?: string | undefined;
  lang?: string | undefined;
  outputs?: string | undefined;
  headings?: string | undefined;
  unanswered?: string | undefined;
  cover?: string | undefined;
  fontSize?: string | undefined;
  margins?: string | undefined;
  paper?: string | undefined;
}

/** An export ready to be sent: headers known before rendering (for `If-None-Match`), bytes on demand. */
export interface PreparedExport {
  planId: string;
  revision: number;
  format: PlanExportFormat;
  etag: string;
  contentType: string;
  contentDisposition: string;
  /** The bytes (cached, or rendered now); `hit` tells which. */
  body(): Promise<{ bytes: Uint8Array; hit: boolean }>;
}

const dataFiles: Record<DataFormat, { mediaType: string; extension: string }> = {
  json: { mediaType: "application/json; charset=utf-8", extension: "carnet.json" },
  "rda-dcs-1.2": { mediaType: "application/json; charset=utf-8", extension: "rda-dcs-1.2.json" },
  "rda-dcs-1.1": { mediaType: "application/json; charset=utf-8", extension: "rda-dcs-1.1.json" },
};

const optionNames: Record<string, keyof ExportQuery> = {
  "--format": "format",
  "--lang": "lang",
  "--font-size": "fontSize",
  "--margins": "margins",
  "--paper": "paper",
};

/** A file name made of the title's letters and digits (ASCII, lower case), `plan` when none is left. */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "plan";
}

/** `attachment; filename="slug.ext"`, plus RFC 5987 `filename*` with the real title when it is not ASCII. */
export function attachmentDisposition(title: string, extension: string): string {
  const plain = `attachment; filename="${slugOf(title)}.${extension}"`;
  const cleaned = [...title]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '"\\/:*?<>|'.includes(c) ? " " : c))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  if (!cleaned || [...cleaned].every((c) => c.charCodeAt(0) < 0x80)) return plain;
  const encoded = encodeURIComponent(`${cleaned}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${plain}; filename*=UTF-8''${encoded}`;
}

function flag(
  value: string | undefined,
  name: keyof ExportQuery,
  fallback: boolean,
  problems: { path: string; message: string }[],
  ui: UiLanguage,
): boolean {
  if (value === undefined || value === "") return fallback;
  const v = value.toLowerCase();
  if (["true", "1", "yes", "on"].includes(v)) return true;
  if (["false", "0", "no", "off"].includes(v)) return false;
  problems.push({ path: name, message: translate(ui, "interop.export.bad_flag", { value }) });
  return fallback;
}

/** The contact details of a plan's owner, as a DCS export of a plan naming no contact uses them. */
interface OwnerContact {
  name: string;
  email: string;
}

/** Whether exports in `format` (lower-cased) name the owner as contact when the plan names none. */
function usesOwnerContact(format: string): boolean {
  return format.startsWith("rda-dcs-");
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export interface PlanExportsOptions {
  content?: PlanContent;
  /** Where rendered exports are kept; memory only by default. */
  cache?: ExportCache;
}

/**
 * Plan exports for the API: access through the plan authoriser (`read`; anyone may export a public
 * plan), options checked as the CLI checks them, bytes cached by (plan, revision, format, options).
 */
export function createPlanExports(context: Pick<AppContext, "database">, options: PlanExportsOptions = {}) {
  const content = options.content ?? loadBuiltinContent();
  const cache = options.cache ?? createExportCache();
  const { authorise } = createPlanAuthoriser(context);
  const plans = createPlansRepository(context.database.db);
  const users = createUsersRepository(context.database.db);

  /** The contact details of an account (null when it is gone). */
  const contactOf = async (userId: string | undefined): Promise<OwnerContact | null> => {
    const user = userId === undefined ? undefined : await users.findById(userId);
    return user ? { name: user.display_name, email: user.email } : null;
  };

  /**
   * The owner contact details a DCS export of `plan` is made with: null when the plan names its
   * contact, else its owner's (read now: they may change without the plan changing).
   */
  const ownerContactFor = async (plan: Plan, ownerId?: string): Promise<OwnerContact | null> => {
    const contact = plan.details.contactPersonId;
    if (contact && plan.persons[contact]) return null;
    return contactOf(ownerId ?? (await plans.get(plan.id))?.ownerId);
  };

  /**
   * DCS needs a contact: a plan that names none (a fresh draft) is exported with its owner as contact,
   * so that every plan has a DCS form (the plan itself is not changed).
   */
  const withContact = (plan: Plan, owner: OwnerContact | null): Plan => {
    if (!owner) return plan;
    const id = "plan-owner-contact";
    return {
      ...plan,
      persons: {
        ...plan.persons,
        [id]: {
          id,
          kind: "person",
          lastName: owner.name,
          email: owner.email,
          identifiers: [],
          affiliations: [],
        },
      },
      details: { ...plan.details, contactPersonId: id },
    };
  };

  const templateOf = (plan: Plan) => {
    const template = content.templates.get(plan.template.id);
    return template?.version === plan.template.version ? template : undefined;
  };

  const notExportable = (format: string, reason: string, ui: UiLanguage, details?: unknown) =>
    new AppError("validation_failed", translate(ui, "interop.export.not_exportable", { format, reason }), {
      details: { format, reason, ...(details === undefined ? {} : { problems: details }) },
    });

  /** The DCS document of a plan (`{dmp}`), or a problem. */
  const dcsOf = (plan: Plan, version: DcsVersion, ui: UiLanguage): JsonObject => {
    const exported = exportPlanToDcs(plan, version, templateOf(plan));
    if (!exported.ok) {
      throw notExportable(
        `rda-dcs-${version}`,
        translate(ui, exported.problem.key, exported.problem.params),
        ui,
        (exported.problem.problems ?? []).map((p) => ({
          path: p.path,
          message: translate(ui, p.key, p.params),
        })),
      );
    }
    return exported.value;
  };

  /** Check the options against the plan; the normalised options make the cache key. */
  const normalise = (plan: Plan, query: ExportQuery, ui: UiLanguage) => {
    const problems: { path: string; message: string }[] = [];
    const format = (query.format ?? "").toLowerCase();
    const isData = format === "json" || format.startsWith("rda-dcs-");
    const parsed = parseExportOptions({
      format: isData ? "html" : query.format,
      ...(query.lang === undefined ? {} : { lang: query.lang }),
      ...(query.fontSize === undefined ? {} : { fontSize: query.fontSize }),
      ...(query.margins === undefined ? {} : { margins: query.margins }),
      ...(query.paper === undefined ? {} : { paper: query.paper }),
    });
    for (const p of parsed.problems) {
      const path = optionNames[p.params.option ?? ""] ?? "format";
      const allowed = path === "format" ? planExportFormats.join(", ") : (p.params.allowed ?? "");
      problems.push({ path, message: translate(ui, p.key, { ...p.params, option: path, allowed }) });
    }
    if (isData && !(planExportFormats as readonly string[]).includes(format)) {
      problems.push({
        path: "format",
        message: translate(ui, "export.error.invalid_option", {
          option: "format",
          value: query.format ?? "",
          allowed: planExportFormats.join(", "),
        }),
      });
    }
    const wanted = (query.outputs ?? "")
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    const selected = selectOutputs(plan, wanted);
    const known = new Set(selected.flatMap((o) => [o.id, o.shortName]));
    for (const output of wanted)
      if (!known.has(output)) {
        const names = Object.values(plan.outputs)
          .map((o) => o.shortName)
          .join(", ");
        problems.push({
          path: "outputs",
          message: translate(ui, "export.error.unknown_output", { output, known: names || "—" }),
        });
      }
    const headings = flag(query.headings, "headings", true, problems, ui);
    const unanswered = flag(query.unanswered, "unanswered", false, problems, ui);
    const cover = flag(query.cover, "cover", true, problems, ui);
    if (problems.length > 0 || !parsed.options) {
      throw new AppError("bad_request", "Invalid export options", {
        params: { reason: problems.map((p) => `${p.path}: ${p.message}`).join("; ") },
        details: problems,
      });
    }
    if (isData) return { format: format as DataFormat, key: {} };
    return {
      format: parsed.options.format,
      key: {
        explicitLanguage: parsed.options.language ?? null,
        outputs: wanted.length > 0 ? selected.map((o) => o.id).sort() : null,
        headings,
        unanswered,
        cover,
        layout: parsed.options.layout,
      },
    };
  };

  const render = async (
    plan: Plan,
    format: PlanExportFormat,
    key: Record<string, unknown>,
    ui: UiLanguage,
    owner: OwnerContact | null,
  ) => {
    if (format === "json") return new TextEncoder().encode(`${JSON.stringify(plan, null, 2)}\n`);
    if (format === "rda-dcs-1.2" || format === "rda-dcs-1.1") {
      const version = format.slice("rda-dcs-".length) as DcsVersion;
      return new TextEncoder().encode(
        `${JSON.stringify(dcsOf(withContact(plan, owner), version, ui), null, 2)}\n`,
      );
    }
    const template = content.templates.get(plan.template.id);
    if (!template) {
      throw notExportable(
        format,
        translate(ui, "interop.problem.unknown_template", {
          template: plan.template.id,
          known: [...content.templates.keys()].join(", "),
        }),
        ui,
      );
    }
    const document = buildDocument(
      plan,
      template,
      {
        ...(key.explicitLanguage ? { language: key.explicitLanguage as "en" | "fr" } : {}),
        ...(Array.isArray(key.outputs) ? { outputs: key.outputs as string[] } : {}),
        headings: key.headings as boolean,
        unanswered: key.unanswered as boolean,
        cover: key.cover as boolean,
      },
      content.vocabularies,
    );
    return renderInWorker(document, format as ExportFormat, key.layout as never);
  };

  /**
   * What an export request is (format, options, cache key) and its headers: no rendering. `owner`:
   * the owner contact details a DCS export uses (`ownerContactFor`), part of the key when used.
   */
  const describe = (plan: Plan, query: ExportQuery, ui: UiLanguage, owner: OwnerContact | null) => {
    const { format, key } = normalise(plan, query, ui);
    const usedOwner = usesOwnerContact(format) ? owner : null;
    const digest = sha256(
      JSON.stringify([carnetVersion, plan.id, plan.revision, format, key, ...(usedOwner ? [usedOwner] : [])]),
    );
    const file = format in dataFiles ? dataFiles[format as DataFormat] : formatFiles[format as ExportFormat];
    return {
      planId: plan.id,
      revision: plan.revision,
      format,
      key,
      owner: usedOwner,
      digest,
      etag: `"${digest.slice(0, 32)}"`,
      contentType: file.mediaType,
      contentDisposition: attachmentDisposition(plan.details.title, file.extension),
    };
  };
  type Described = ReturnType<typeof describe>;

  const withBody = (described: Described, plan: () => Plan, ui: UiLanguage): PreparedExport => {
    const { key: _key, digest: _digest, owner: _owner, ...headers } = described;
    return {
      ...headers,
      body: () =>
        cache.getOrRender(described.digest, () =>
          render(plan(), described.format, described.key, ui, described.owner),
        ),
    };
  };

  // Export requests described lately, by plan, revision, language and options (oldest out first).
  const described = new Map<string, Described>();
  const maxDescribed = 1000;

  return {
    cache,

    /**
     * Check access and options; the headers are known at once, the bytes come from `body()`. What
     * options mean depends only on the plan's revision: a request repeated on the same revision
     * takes the prepared export as it was, without reading the plan again — unless it was made
     * with the owner's contact details (a DCS export of a plan naming no contact) and they changed.
     */
    async prepare(actor: Actor | undefined, id: string, query: ExportQuery, ui: UiLanguage) {
      const stored = await authorise(actor, id, "read");
      const memo = JSON.stringify([id, stored.revision, ui, query]);
      let known = described.get(memo);
      if (known?.owner && !isDeepStrictEqual(known.owner, await contactOf(stored.ownerId))) {
        known = undefined;
      }
      if (!known) {
        const dcs = usesOwnerContact((query.format ?? "").toLowerCase());
        known = describe(
          stored.plan,
          query,
          ui,
          dcs ? await ownerContactFor(stored.plan, stored.ownerId) : null,
        );
        if (described.size >= maxDescribed) described.delete(described.keys().next().value as string);
        described.set(memo, known);
      }
      return withBody(known, () => stored.plan, ui);
    },

    /** The RDA DCS 1.2 document (`{dmp}`) of a plan the caller has already been authorised for. */
    async dcsDocument(plan: Plan, ui: UiLanguage): Promise<JsonObject> {
      const owner = await ownerContactFor(plan);
      const prepared = withBody(describe(plan, { format: "rda-dcs-1.2" }, ui, owner), () => plan, ui);
      const { bytes } = await prepared.body();
      return JSON.parse(new TextDecoder().decode(bytes)) as JsonObject;
    },
  };
}

export type PlanExports = ReturnType<typeof createPlanExports>;
