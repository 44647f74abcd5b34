/**
 * A page load at `/plans/:id` starts fetching the editor's code, the plan, the caller's access and
 * then the plan's template at once, from the first script (`boot.ts`), while the app's code, the
 * message catalogue and the session check load — not after them. Part of the first chunk: it imports
 * only the HTTP client (no React). The editor uses each answer once: already there for its first
 * render (`peekArrived`, then `forgetPrefetched` once mounted), else when it arrives (`takePrefetched`).
 */
import type { Plan } from "../../../domain/plan.js";
import type { UiLanguage } from "../../../i18n/translate.js";
import { apiRequest, csrfCookieName, readCookie } from "../../api/client.js";
import { pageCode } from "../../page-code.js";
import { remember } from "../../prefetch.js";

export { forgetPrefetched, peekArrived, takePrefetched } from "../../prefetch.js";

/** The editor page's code (its own chunk), which the route renders (`LazyPage`). */
export const editorPageCode = pageCode(() => import("./editor-page.js").then((m) => m.PlanEditorPage));

/** The API paths the editor loads first. */
export const editorPaths = {
  plan: (id: string) => `/api/v1/plans/${encodeURIComponent(id)}`,
  access: (id: string) => `/api/v1/plans/${encodeURIComponent(id)}/access`,
  template: (id: string) => `/api/v1/templates/${encodeURIComponent(id)}`,
};

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
  // The editor's code: once it is in, the route renders the editor without suspending.
  editorPageCode.load().catch(() => {});
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
