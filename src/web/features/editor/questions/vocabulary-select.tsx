import { type ComboboxItem, MultiSelect, type OptionsFilter, Select } from "@mantine/core";
import { useMemo } from "react";
import type { Vocabulary } from "../../../../domain/vocabulary.js";
import { useLanguage } from "../../../language.js";
import { type Naming, nameProps } from "./naming.js";
import { searchVocabulary, type VocabularyOption, vocabularyOptions } from "./values.js";

/**
 * At most this many options are rendered at once (ISO 639-3 has 7,867 entries); the list grows
 * without an inner scroll area, which a listbox navigated by aria-activedescendant cannot make
 * keyboard-focusable.
 */
const optionLimit = 20;

export interface VocabularySelectCommon {
  vocabulary: Vocabulary;
  /** Language of labels (the plan's). */
  labelLang: string;
  inputId: string;
  naming: Naming;
  error?: string | undefined;
}

/** Options plus an entry for codes the vocabulary no longer knows, so they stay visible. */
function useOptions(vocabulary: Vocabulary, labelLang: string, values: readonly string[]): ComboboxItem[] {
  const { t } = useLanguage();
  const all = vocabularyOptions(vocabulary, labelLang);
  const valuesKey = values.join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: valuesKey stands for values.
  return useMemo(() => {
    const known = new Set(all.map((o) => o.value));
    const unknown = values
      .filter((v) => !known.has(v))
      .map((v) => ({ value: v, label: t("questions.unknown_code", { code: v }) }));
    return unknown.length ? [...unknown, ...all] : all;
  }, [all, valuesKey, t]);
}

/** Client-side search through the vocabulary's own index (accents, codes and aliases match). */
function useFilter(vocabulary: Vocabulary, labelLang: string): OptionsFilter {
  return useMemo<OptionsFilter>(
    () =>
      ({ search, options }) => {
        if (search.trim() === "") return options.slice(0, optionLimit);
        return searchVocabulary(vocabulary, search, labelLang, optionLimit).options as VocabularyOption[];
      },
    [vocabulary, labelLang],
  );
}

/** One code of a vocabulary (single choice), searchable, fast on large vocabularies. */
export function VocabularySelect(
  props: VocabularySelectCommon & { value: string | null; onChange(value: string | null): void },
) {
  const { t } = useLanguage();
  const data = useOptions(props.vocabulary, props.labelLang, props.value ? [props.value] : []);
  const filter = useFilter(props.vocabulary, props.labelLang);
  return (
    <Select
      id={props.inputId}
      {...nameProps(props.naming)}
      data={data}
      value={props.value}
      onChange={(value) => props.onChange(value)}
      searchable
      clearable
      filter={filter}
      limit={optionLimit}
      placeholder={t("questions.search.placeholder")}
      nothingFoundMessage={t("questions.search.nothing", { query: "…" })}
      error={props.error}
      clearButtonProps={{ "aria-label": t("questions.clear") }}
      comboboxProps={{ withinPortal: true }}
      withScrollArea={false}
    />
  );
}

/** Several codes of a vocabulary (multiple choice). */
export function VocabularyMultiSelect(
  props: VocabularySelectCommon & { value: string[]; onChange(value: string[] | null): void },
) {
  const { t } = useLanguage();
  const data = useOptions(props.vocabulary, props.labelLang, props.value);
  const filter = useFilter(props.vocabulary, props.labelLang);
  return (
    <MultiSelect
      id={props.inputId}
      {...nameProps(props.naming)}
      data={data}
      value={props.value}
      onChange={(value) => props.onChange(value.length ? value : null)}
      searchable
      clearable
      filter={filter}
      limit={optionLimit}
      placeholder={props.value.length ? undefined : t("questions.search.placeholder")}
      nothingFoundMessage={t("questions.search.nothing", { query: "…" })}
      error={props.error}
      clearButtonProps={{ "aria-label": t("questions.clear") }}
      comboboxProps={{ withinPortal: true }}
      withScrollArea={false}
    />
  );
}
