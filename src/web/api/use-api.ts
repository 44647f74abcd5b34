import { useMemo } from "react";
import { useLanguage } from "../language.js";
import { type AccountApi, accountApi } from "./account.js";

/** The account API bound to the current interface language (errors come back in it). */
export function useAccountApi(): AccountApi {
  const { lang } = useLanguage();
  return useMemo(() => accountApi(lang), [lang]);
}
