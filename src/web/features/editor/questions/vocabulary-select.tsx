import {
  type ComboboxItem,
  Loader,
  MultiSelect,
  type OptionsFilter,
  Select,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Vocabulary } from "../../../../domain/vocabulary.js";
import { searchVocabularyOnServer } from "../../../api/vocabularies.js";
import { useLanguage } from "../../../language.js";
import { describedBy, type Naming, nameProps } from "./naming.js";
import { useLearnLabels } from "./question-context.js";
import {
  isSearchedOnServer,
  isUnknownCode,
  searchVocabulary,
  type VocabularyOption,
  vocabularyOptions,
} from "./values.js";

/** The pause after the last key before a large vocabulary is searched on the server. */
const serverDebounceMs = 150;

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

/**
 * What a combobox over a vocabulary too large to download searches with: the server
 * (`GET /api/v1/vocabularies/:id/search`), debounced, the previous request aborted. Options are the
 * items found plus the chosen ones (labelled from the items the editor loaded, else from earlier
 * results, else their code — marked when the vocabulary does not hold it); the filter keeps only
 * what the server found.
 */
function useServerSearch(props: VocabularySelectCommon, values: readonly string[], enabled: boolean) {
  const { t, lang } = useLanguage();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, serverDebounceMs);
  const [found, setFound] = useState<VocabularyOption[]>([]);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const seen = useRef(new Map<string, string>());
  const known = useMemo(
    () => new Map(vocabularyOptions(props.vocabulary, props.labelLang).map((o) => [o.value, o.label])),
    [props.vocabulary, props.labelLang],
  );
  const labelOf = (code: string) =>
    known.get(code) ??
    seen.current.get(code) ??
    (isUnknownCode(props.vocabulary, code) ? t("questions.unknown_code", { code }) : code);
  // The text of a chosen option shown in the input is not a search.
  const chosenLabel = values.length === 1 && values[0] ? labelOf(values[0]) : undefined;
  const query = search.trim() === chosenLabel ? "" : debounced.trim();

  useEffect(() => {
    if (!enabled || query === "") {
      setFound([]);
      setState("idle");
      return;
    }
    const controller = new AbortController();
    setState("loading");
    searchVocabularyOnServer(props.vocabulary.id, query, {
      lang,
      labelLang: props.labelLang,
      limit: optionLimit,
      signal: controller.signal,
    })
      .then((answer) => {
        const options = answer.items.map((item) => ({ value: item.code, label: item.label }));
        for (const option of options) seen.current.set(option.value, option.label);
        setFound(options);
        setState("idle");
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        setFound([]);
        setState("failed");
      });
    return () => controller.abort();
  }, [enabled, query, props.vocabulary.id, props.labelLang, lang]);

  // Codes chosen among the results: their labels go with the editor's vocabularies.
  const learn = useLearnLabels();
  const valuesKey = values.join("\u0000");
  // biome-ignore lint/correctness/useExhaustiveDependencies: valuesKey stands for values.
  useEffect(() => {
    const chosen = values.flatMap((code) => {
      const label = known.has(code) ? undefined : seen.current.get(code);
      return label === undefined ? [] : [{ code, label }];
    });
    if (chosen.length) learn(props.vocabulary.id, props.labelLang === "fr" ? "fr" : "en", chosen);
  }, [valuesKey, known, learn, props.vocabulary.id, props.labelLang]);

  const typed = search.trim() !== "" && search.trim() !== chosenLabel;
  const waiting = typed && (state === "loading" || debounced !== search);
  // biome-ignore lint/correctness/useExhaustiveDependencies: valuesKey stands for values; labels follow found.
  const data = useMemo<ComboboxItem[]>(() => {
    const shown = new Set(found.map((o) => o.value));
    return [...values.filter((v) => !shown.has(v)).map((v) => ({ value: v, label: labelOf(v) })), ...found];
  }, [found, valuesKey, known, t]);
  const filter = useMemo<OptionsFilter>(() => {
    const shown = new Set(found.map((o) => o.value));
    return ({ options }) => options.filter((o) => "value" in o && shown.has(o.value));
  }, [found]);
  let message = t("questions.search.placeholder");
  if (state === "failed") message = t("questions.search.failed");
  else if (waiting) message = t("questions.search.loading");
  else if (typed) message = t("questions.search.nothing", { query: search.trim() });
  let status = "";
  if (state === "failed") status = t("questions.search.failed");
  else if (waiting) status = t("questions.search.loading");
  else if (typed) status = t("questions.search.results", { count: found.length });
  return { search, setSearch, data, filter, message, status, waiting, failed: state === "failed" };
}

/** Props for Mantine's Select or MultiSelect: client-side or server-side search, as the vocabulary needs. */
function useVocabularyCombobox(props: VocabularySelectCommon, values: readonly string[]) {
  const { t } = useLanguage();
  const remote = isSearchedOnServer(props.vocabulary);
  const local = useOptions(props.vocabulary, props.labelLang, remote ? [] : values);
  const localFilter = useFilter(props.vocabulary, props.labelLang);
  const server = useServerSearch(props, values, remote);
  const statusId = `${props.inputId}-search-status`;
  const common = {
    id: props.inputId,
    ...nameProps(props.naming),
    searchable: true,
    clearable: true,
    limit: optionLimit,
    error: props.error,
    clearButtonProps: { "aria-label": t("questions.clear") },
    comboboxProps: { withinPortal: true },
    withScrollArea: false,
  };
  if (!remote)
    return {
      props: {
        ...common,
        data: local,
        filter: localFilter,
        nothingFoundMessage: t("questions.search.nothing", { query: "…" }),
      },
      status: null,
    };
  return {
    props: {
      ...common,
      data: server.data,
      filter: server.filter,
      searchValue: server.search,
      onSearchChange: server.setSearch,
      nothingFoundMessage: server.message,
      "aria-describedby": describedBy(statusId),
      "aria-busy": server.waiting,
      ...(server.waiting ? { rightSection: <Loader size="xs" aria-hidden="true" /> } : {}),
    },
    status: (
      <VisuallyHidden id={statusId} role="status">
        {server.status}
      </VisuallyHidden>
    ),
  };
}

/** One code of a vocabulary (single choice), searchable, fast on large vocabularies. */
export function VocabularySelect(
  props: VocabularySelectCommon & { value: string | null; onChange(value: string | null): void },
) {
  const { t } = useLanguage();
  const combobox = useVocabularyCombobox(props, props.value ? [props.value] : []);
  return (
    <>
      <Select
        {...combobox.props}
        value={props.value}
        onChange={(value) => props.onChange(value)}
        placeholder={t("questions.search.placeholder")}
      />
      {combobox.status}
    </>
  );
}

/** Several codes of a vocabulary (multiple choice). */
export function VocabularyMultiSelect(
  props: VocabularySelectCommon & { value: string[]; onChange(value: string[] | null): void },
) {
  const { t } = useLanguage();
  const combobox = useVocabularyCombobox(props, props.value);
  return (
    <>
      <MultiSelect
        {...combobox.props}
        value={props.value}
        onChange={(value) => props.onChange(value.length ? value : null)}
        placeholder={props.value.length ? undefined : t("questions.search.placeholder")}
      />
      {combobox.status}
    </>
  );
}
