/** Characters XML 1.0 forbids (C0 controls other than tab, newline, return; U+FFFE/U+FFFF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must be removed
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters that no XML document (ODT, DOCX) may contain. */
export function xmlSafe(value: string): string {
  return value.replace(forbidden, "");
}

/** Escapes text for XML content and double-quoted attributes. */
export function escapeXml(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
