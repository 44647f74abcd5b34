import { notifications } from "@mantine/notifications";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { catalogueLoaded, loadCatalogue, type MessageKey, translate, type UiLanguage } from "./catalogues.js";
import { initialLanguage, languageStorageKey } from "./initial-language.js";

interface LanguageState {
  lang: UiLanguage;
  setLang(lang: UiLanguage): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Shown when no message catalogue could be loaded: there is no translated text to show yet. */
function CatalogueFailed() {
  return (
    <div role="alert" style={{ padding: "2rem", fontFamily: "system-ui, sans-serif" }}>
      <p lang="en">Carnet could not be loaded. Check your connection and reload the page.</p>
      <p lang="fr">Carnet n’a pas pu être chargé. Vérifiez votre connexion et rechargez la page.</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload / Recharger
      </button>
    </div>
  );
}

/**
 * Holds the interface language: remembered choice, else the browser's; sets `<html lang>`. Its
 * message catalogue loads first (children render once it is there); a change of language loads the
 * new catalogue, then switches.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initialLanguage);
  const [ready, setReady] = useState(() => catalogueLoaded(lang));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadCatalogue(lang).then(
      () => current && setReady(true),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [lang, ready]);
  const setLang = useCallback(
    (next: UiLanguage) => {
      // Switch once the new catalogue is there; if it cannot be loaded, stay in the current language.
      loadCatalogue(next).then(
        () => {
          globalThis.localStorage?.setItem(languageStorageKey, next);
          setLangState(next);
        },
        () =>
          notifications.show({
            color: "red.9",
            message: translate(lang, "web.error.network"),
            closeButtonProps: { "aria-label": translate(lang, "web.close") },
          }),
      );
    },
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LanguageState>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  if (!ready) return failed ? <CatalogueFailed /> : null;
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current interface language and its translate function. */
export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage outside LanguageProvider");
  return state;
}
