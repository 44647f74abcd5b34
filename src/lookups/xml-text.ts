const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the XML entities and character references of a text node. */
export function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return entities[ref] ?? all;
  });
}

/**
 * Contents of every element named `localName` (any namespace prefix), in document order. Enough for
 * re3data's flat answers; not a general XML parser (no nesting of the same name).
 */
export function xmlElements(xml: string, localName: string): string[] {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}\\s*>)`,
    "g",
  );
  return [...xml.matchAll(pattern)].map((m) => m[1] ?? "");
}

/** Trimmed, decoded text of the first `localName` element, if any and not empty. */
export function xmlText(xml: string, localName: string): string | undefined {
  const first = xmlElements(xml, localName)[0];
  if (first === undefined) return undefined;
  // CDATA is literal text: escape it so that stripping markup and decoding leave it intact.
  const escaped = first.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_all, cdata: string) =>
    cdata.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  );
  const value = decodeXml(escaped.replace(/<[^>]+>/g, "")).trim();
  return value === "" ? undefined : value;
}
