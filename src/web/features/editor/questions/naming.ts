/** How an input is named: by the card's visible label, or (in a table cell) by its own aria-label. */
export type Naming = { labelledBy: string; label: string } | { ariaLabel: string; label: string };

/** Props naming an input, for Mantine inputs (forwarded to the `<input>`). */
export function nameProps(naming: Naming): Record<string, string> {
  return "labelledBy" in naming
    ? { "aria-labelledby": naming.labelledBy }
    : { "aria-label": naming.ariaLabel };
}

/** Space-separated ids, skipping empty ones (undefined when none). */
export function describedBy(...ids: (string | undefined | false)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}
