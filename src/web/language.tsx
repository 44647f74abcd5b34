import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type MessageKey, pickUiLanguage, translate, type UiLanguage } from "../i18n/translate.js";

const storageKey = "carnet.language";

interface LanguageState {
  lang: UiLanguage;
  setLang(lang: UiLanguage): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(): UiLanguage {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === "en" || stored === "fr") return stored;
  return pickUiLanguage(globalThis.navigator?.languages?.join(",") ?? globalThis.navigator?.language);
}

/** Holds the interface language: remembered choice, else the browser's; sets `<html lang>`. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initialLanguage);
  const setLang = useCallback((next: UiLanguage) => {
    globalThis.localStorage?.setItem(storageKey, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LanguageState>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current interface language and its translate function. */
export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage outside LanguageProvider");
  return state;
}
