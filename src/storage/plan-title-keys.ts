/**
 * Keys of a plan title for listing, computed by the application so that both dialects search and
 * sort alike (SQLite's `lower()` and `LIKE` only fold ASCII): `titleKey` is the NFC, lower-cased
 * title (search is case-insensitive, accents count as typed), `titleSort` also drops accents so
 * that "Écologie" sorts among the e's.
 */
export function titleKeys(title: string): { titleKey: string; titleSort: string } {
  const titleKey = title.normalize("NFC").toLowerCase();
  const titleSort = titleKey
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
  return { titleKey, titleSort };
}

/** The search key of what someone typed: the same folding as `titleKey`. */
export function searchKey(typed: string): string {
  return typed.trim().normalize("NFC").toLowerCase();
}
