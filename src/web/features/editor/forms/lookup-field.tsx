import { Loader, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { LookupSource } from "../../../../domain/lookup-sources.js";
import { useLanguage } from "../../../language.js";
import type { LookupResult } from "../editor-api.js";
import { useEditorContext } from "../editor-context.js";

/** A search box over one registry (`GET /lookup/:source?q=`); choosing a result hands it over. */
export function LookupField({
  source,
  label,
  description,
  onPick,
  disabled,
}: {
  source: LookupSource;
  label: string;
  description?: string;
  onPick(result: LookupResult): void;
  disabled?: boolean;
}) {
  const { t } = useLanguage();
  const { api } = useEditorContext();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const query = useQuery({
    queryKey: ["lookup", source, debounced],
    queryFn: ({ signal }) => api.lookup(source, debounced, signal),
    enabled: debounced.length >= 2,
    staleTime: 60_000,
  });
  const results = query.data?.results ?? [];
  const data = results.map((r) => ({
    value: `${r.id}`,
    label: [r.label, r.acronym ? `(${r.acronym})` : "", r.country ?? "", r.identifiers[0]?.value ?? ""]
      .filter(Boolean)
      .join(" · "),
  }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={t("editor.lookup.placeholder")}
      searchable
      clearable
      disabled={disabled ?? false}
      value={null}
      data={data}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length >= 2 && !query.isFetching ? t("editor.lookup.none") : undefined}
      rightSection={query.isFetching ? <Loader size="xs" aria-hidden="true" /> : undefined}
      onChange={(value) => {
        const picked = results.find((r) => r.id === value);
        if (picked) {
          onPick(picked);
          setSearch("");
        }
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An organisation of the plan model made from a ROR / RNSR / funder look-up result. */
export function organisationFrom(result: LookupResult) {
  const typeOf = (scheme: string) =>
    scheme.toLowerCase() === "fundref" ? "crossref-funder" : scheme.toLowerCase();
  const identifiers = result.identifiers
    .filter((i) => ["ror", "rnsr", "grid", "isni", "crossref-funder"].includes(typeOf(i.scheme)))
    .map((i) => ({ type: typeOf(i.scheme), value: i.value }));
  if (identifiers.length === 0 && result.identifiers[0])
    identifiers.push({ type: typeOf(result.identifiers[0].scheme), value: result.identifiers[0].value });
  return {
    name: result.label,
    ...(result.acronym ? { acronym: result.acronym } : {}),
    identifiers,
  };
}
