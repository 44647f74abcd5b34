import { SegmentedControl } from "@mantine/core";
import { useLanguage } from "../language.js";

/** EN/FR switch of the interface language; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useLanguage();
  return (
    <SegmentedControl
      aria-label={t("web.language")}
      size="xs"
      value={lang}
      onChange={(value) => setLang(value === "fr" ? "fr" : "en")}
      data={[
        { value: "en", label: <span lang="en">{t("web.language.en")}</span> },
        { value: "fr", label: <span lang="fr">{t("web.language.fr")}</span> },
      ]}
    />
  );
}
