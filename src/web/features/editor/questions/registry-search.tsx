import { Combobox, Group, Loader, Text, TextInput, useCombobox, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useEffect, useState } from "react";
import type { LookupResultBody } from "../../../../contract/lookups.js";
import type { LookupSource } from "../../../../domain/lookup-sources.js";
import { searchRegistry } from "../../../api/lookups.js";
import { useLanguage } from "../../../language.js";

/** Characters typed before a search is sent, and the pause after the last key. */
const minimumQuery = 2;
const debounceMs = 300;

export interface RegistrySearchProps {
  source: LookupSource;
  inputId: string;
  label?: ReactNode;
  ariaLabel?: string | undefined;
  /** Language of the labels of results (the plan's, ISO 639-1). */
  labelLang: string;
  /**
   * Free-text mode: the input holds the answer (`value`), results only suggest. Without it, the
   * input is a search box that empties after a pick.
   */
  value?: string | undefined;
  onTextChange?(value: string): void;
  onPick(result: LookupResultBody): void;
  error?: string | undefined;
  describedBy?: string | undefined;
  placeholder?: string | undefined;
}

/**
 * A combobox searching a registry on the server (`GET /api/v1/lookup/:source?q=`): debounced,
 * earlier requests aborted, a spinner while searching, keyboard navigation (arrows, Enter, Escape)
 * from Mantine's Combobox, and the number of results announced to screen readers.
 */
export function RegistrySearch(props: RegistrySearchProps) {
  const { t, lang } = useLanguage();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const freeText = props.value !== undefined;
  const [ownQuery, setOwnQuery] = useState("");
  const query = freeText ? (props.value ?? "") : ownQuery;
  const [typed, setTyped] = useState(false);
  const [debounced] = useDebouncedValue(query, debounceMs);
  const [results, setResults] = useState<LookupResultBody[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [offline, setOffline] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the combobox store is stable.
  useEffect(() => {
    const q = debounced.trim();
    if (!typed || q.length < minimumQuery) {
      setResults([]);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setFailed(false);
    searchRegistry(props.source, q, {
      lang,
      labelLang: props.labelLang,
      limit: 20,
      signal: controller.signal,
    })
      .then((answer) => {
        setResults(answer.results);
        setOffline(answer.offline);
        setLoading(false);
        combobox.openDropdown();
        combobox.selectFirstOption();
      })
      .catch((error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        setResults([]);
        setFailed(true);
        setLoading(false);
      });
    return () => controller.abort();
  }, [debounced, typed, props.source, props.labelLang, lang]);

  const registry = t(`questions.registry.${props.source}`);
  const statusId = `${props.inputId}-status`;
  const describedBy = [props.describedBy, statusId].filter(Boolean).join(" ");
  const waiting = typed && query.trim().length >= minimumQuery && (loading || debounced !== query);
  const showDropdown = typed && query.trim().length >= minimumQuery && !waiting;

  let status = "";
  if (failed) status = t("questions.search.failed");
  else if (waiting) status = t("questions.search.loading");
  else if (showDropdown) status = t("questions.search.results", { count: results.length });

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(id) => {
        const result = results.find((r) => r.id === id);
        combobox.closeDropdown();
        if (!result) return;
        setTyped(false);
        if (!freeText) setOwnQuery("");
        props.onPick(result);
      }}
    >
      <Combobox.Target>
        <TextInput
          id={props.inputId}
          label={props.label}
          aria-label={props.ariaLabel}
          value={query}
          placeholder={props.placeholder ?? t("questions.registry.search", { registry })}
          error={props.error ?? (failed ? t("questions.search.failed") : undefined)}
          aria-describedby={describedBy}
          autoComplete="off"
          rightSection={waiting ? <Loader size="xs" aria-hidden="true" /> : null}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setTyped(true);
            if (freeText) props.onTextChange?.(text);
            else setOwnQuery(text);
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => {
            if (results.length) combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <VisuallyHidden id={statusId} role="status">
        {status}
      </VisuallyHidden>
      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options aria-label={t("questions.registry.search", { registry })}>
          {results.length === 0 ? (
            <Combobox.Empty>{t("questions.search.nothing", { query: query.trim() })}</Combobox.Empty>
          ) : (
            results.map((result) => (
              <Combobox.Option value={result.id} key={result.id}>
                <Text size="sm" fw={500}>
                  {result.label}
                  {result.acronym ? ` (${result.acronym})` : ""}
                </Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {[result.identifiers[0]?.value ?? result.id, result.city, result.country]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </Group>
              </Combobox.Option>
            ))
          )}
          {offline && results.length > 0 && (
            <Combobox.Footer>
              <Text size="xs" c="dimmed">
                {t("questions.search.offline")}
              </Text>
            </Combobox.Footer>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
