import type { FastifyInstance } from "fastify";
import { translate } from "../i18n/translate.js";
import { requestLanguage } from "./error-handler.js";

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: { name: string; in: string; required?: boolean }[];
  responses?: Record<string, { description?: string }>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderOperation(method: string, path: string, op: Operation, lang: "en" | "fr"): string {
  const t = (key: Parameters<typeof translate>[1]) => escapeHtml(translate(lang, key));
  const auth = op.security?.length
    ? op.security.flatMap((s) => Object.keys(s)).join(", ")
    : translate(lang, "api.docs.no_auth");
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const params = (op.parameters ?? []).map((p) => `${p.name} (${p.in})`).join(", ");
  return `<section id="${escapeHtml(`${method}-${path}`)}">
<h3><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? "")}</p>
<p><strong>${t("api.docs.auth")}</strong> ${escapeHtml(auth)}${params ? ` · <strong>${t("api.docs.parameters")}</strong> ${escapeHtml(params)}` : ""}</p>
${body ? `<details><summary>${t("api.docs.body")}</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ""}
<p><strong>${t("api.docs.responses")}</strong> ${Object.keys(op.responses ?? {}).join(", ")}</p>
</section>`;
}

/** `GET /api/docs`: the OpenAPI document as a readable page (no scripts, so the CSP stays strict). */
export function registerApiDocs(app: FastifyInstance): void {
  app.get("/api/docs", { schema: { hide: true } }, async (request, reply) => {
    const lang = requestLanguage(request);
    const document = app.swagger() as {
      info: { title: string; version: string };
      paths?: Record<string, Record<string, Operation>>;
    };
    const byTag = new Map<string, string[]>();
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        const tag = op.tags?.[0] ?? "other";
        byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op, lang)]);
      }
    }
    const sections = [...byTag]
      .map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>\n${ops.join("\n")}`)
      .join("\n");
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:.85rem}</style>
</head><body><h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1>
<p>${escapeHtml(translate(lang, "api.docs.intro"))} <a href="/api/v1/openapi.json">openapi.json</a></p>
${sections}</body></html>`;
    return reply.type("text/html; charset=utf-8").send(html);
  });
}
