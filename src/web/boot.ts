/**
 * The page's first script, small: it starts what the page needs from the network — the interface
 * language's messages, the session check and, for a plan's editor, the editor's code and data — and
 * then loads the app (main.tsx), so that they load while the app's code downloads and starts, not
 * after it. It imports no React.
 */
import { loadCatalogue } from "./catalogues.js";
import { prefetchEditor } from "./features/editor/prefetch.js";
import { initialLanguage } from "./initial-language.js";
import { prefetchSession } from "./prefetch.js";

const lang = initialLanguage();
// LanguageProvider waits for the messages (it asks for the same module: one download).
loadCatalogue(lang).catch(() => {});
prefetchSession(lang);
prefetchEditor(location.pathname, document.cookie, lang);
import("./main.js").catch(() => {
  // No app without its code (a deployment replaced it, or the network failed): say so, in both languages.
  const root = document.getElementById("root");
  if (!root) return;
  root.setAttribute("role", "alert");
  root.style.padding = "2rem";
  for (const [language, text] of [
    ["en", "Carnet could not be loaded. Check your connection and reload the page."],
    ["fr", "Carnet n’a pas pu être chargé. Vérifiez votre connexion et rechargez la page."],
  ] as const) {
    const line = document.createElement("p");
    line.lang = language;
    line.textContent = text;
    root.append(line);
  }
});
