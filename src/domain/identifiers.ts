/**
 * Identifier syntax checks and normalisation (pure). Each `normalize*` returns the canonical form
 * (e.g. `https://orcid.org/0000-0002-3992-0547`) or `undefined` when the input is not a valid identifier
 * of that kind — including a wrong check digit where the scheme has one.
 */

/** ISO 7064 MOD 11-2 check character of a string of digits (used by ORCID and ISNI). */
export function mod11_2CheckDigit(digits: string): string {
  let total = 0;
  for (const char of digits) total = (total + Number(char)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

const orcidPattern = /^(?:https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$/i;

/** `https://orcid.org/XXXX-XXXX-XXXX-XXXX` for a valid ORCID iD (bare or URL form, check digit verified). */
export function normalizeOrcid(input: string): string | undefined {
  const match = orcidPattern.exec(input.trim());
  if (!match) return undefined;
  const compact = match.slice(1, 5).join("").toUpperCase();
  if (mod11_2CheckDigit(compact.slice(0, 15)) !== compact[15]) return undefined;
  return `https://orcid.org/${compact.replace(/(.{4})(?!$)/g, "$1-")}`;
}

const crockford = "0123456789abcdefghjkmnpqrstvwxyz";
const rorPattern = /^(?:https?:\/\/(?:www\.)?ror\.org\/)?(0[0-9a-hjkmnp-tv-z]{6}\d{2})$/i;

/** `https://ror.org/0xxxxxxNN` for a valid ROR id (format and ISO 7064 MOD 97-10 checksum verified). */
export function normalizeRor(input: string): string | undefined {
  const match = rorPattern.exec(input.trim());
  if (!match?.[1]) return undefined;
  const id = match[1].toLowerCase();
  let value = 0n;
  for (const char of id.slice(0, 7)) value = value * 32n + BigInt(crockford.indexOf(char));
  const expected = String(98n - ((value * 100n) % 97n)).padStart(2, "0");
  if (id.slice(7) !== expected) return undefined;
  return `https://ror.org/${id}`;
}

/**
 * RNSR number (French national directory of research structures): year (4 digits), 5 digits and a
 * check letter, e.g. `200415135N`. The letter's algorithm is not public, so only the format is checked.
 */
export function normalizeRnsr(input: string): string | undefined {
  const compact = input.trim().toUpperCase();
  return /^(19|20)\d{7}[A-Z]$/.test(compact) ? compact : undefined;
}

const doiPattern = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;

/** `https://doi.org/10.xxxx/…` for a syntactically valid DOI (bare, `doi:` or resolver URL form). */
export function normalizeDoi(input: string): string | undefined {
  const match = doiPattern.exec(input.trim());
  return match?.[1] ? `https://doi.org/${match[1]}` : undefined;
}

/** `https://isni.org/isni/XXXXXXXXXXXXXXXX` for a valid ISNI (16 characters, MOD 11-2 check). */
export function normalizeIsni(input: string): string | undefined {
  const compact = input
    .trim()
    .replace(/^https?:\/\/(?:www\.)?isni\.org\/isni\//i, "")
    .replace(/[\s-]/g, "")
    .toUpperCase();
  if (!/^\d{15}[\dX]$/.test(compact)) return undefined;
  if (mod11_2CheckDigit(compact.slice(0, 15)) !== compact[15]) return undefined;
  return `https://isni.org/isni/${compact}`;
}

/** The URL itself when it is an absolute http(s) URL with a host. */
export function normalizeUrl(input: string): string | undefined {
  try {
    const url = new URL(input.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}

/** Identifier schemes whose syntax Carnet checks. Other types (handle, ark, idref…) are free text. */
export const checkedIdentifierTypes = {
  orcid: normalizeOrcid,
  ror: normalizeRor,
  rnsr: normalizeRnsr,
  doi: normalizeDoi,
  isni: normalizeIsni,
  url: normalizeUrl,
} as const;

export type CheckedIdentifierType = keyof typeof checkedIdentifierTypes;

/**
 * Check `value` as an identifier of `type`. Types without a known syntax are accepted as given.
 * Returns the canonical form, or `undefined` when the value is invalid for a checked type.
 */
export function normalizeIdentifier(type: string, value: string): string | undefined {
  const check = (checkedIdentifierTypes as Record<string, (v: string) => string | undefined>)[type];
  if (check) return check(value);
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
