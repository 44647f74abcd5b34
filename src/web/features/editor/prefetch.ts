/**
 * A page load at `/plans/:id` starts fetching the plan, the caller's access and then the plan's
 * template at once, while the app's code, the message catalogue and the session check load — not
 * after them. Part of the first chunk: it imports only the HTTP client. The editor takes each answer
 * once (`takePrefetched`) and fetches as usual when there is none or it is old.
 */
import type { Plan } from "../../../domain/plan.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { apiRequest, csrfCookieName, readCookie } from "../../api/client.js";

/** The API paths the editor loads first. */
export const editorPaths = {
  plan: (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`,
  access: (id: string) => `/api/v1/plans/${encodeURIComponent(id)}/access`,
  template: (id: string) => `/api/v1/templates/${encodeURIComponent(id)}`,
};

/** A prefetched answer older than this is not used (the editor fetches again). */
const maxAge = 10_000;
const entries = new Map<string, { at: number; answer: Promise<unknown> }>();

function remember(key: string, answer: Promise<unknown>): void {
  answer.catch(() => {}); // taken or not, a failure is the editor's to report (it fetches again)
  entries.set(key, { at: Date.now(), answer });
}

/** Keys of `takePrefetched`. */
export const prefetchKeys = {
  plan: (id: string) => `plan:${id}`,
  access: (id: string) => `access:${id}`,
  template: (id: string) => `template:${id}`,
};

/**
 * When `pathname` is a plan's editor and someone is signed in (the anti-forgery cookie is there),
 * start loading what the editor shows first; otherwise nothing.
 */
export function prefetchEditor(pathname: string, cookies: string, lang: UiLanguage): void {
  const id = /^\/plans\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!id || !readCookie(cookies, csrfCookieName)) return;
  const planId = decodeURIComponent(id);
  // The editor's code (the route imports the same module: one download).
  import("./editor-page.js").catch(() => {});
  const plan = apiRequest<Plan>(editorPaths.plan(planId), { lang });
  remember(prefetchKeys.plan(planId), plan);
  remember(prefetchKeys.access(planId), apiRequest(editorPaths.access(planId), { lang }));
  plan.then(
    (loaded) => {
      const templateId = loaded.template.id;
      remember(prefetchKeys.template(templateId), apiRequest(editorPaths.template(templateId), { lang }));
    },
    () => {},
  );
}

/** The prefetched answer for `key` if there is a recent one, once. */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const entry = entries.get(key);
  entries.delete(key);
  return entry && Date.now() - entry.at < maxAge ? (entry.answer as Promise<T>) : undefined;
}
