import { hash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random secret of 256 bits, base64url, optionally prefixed (so leaked tokens are recognisable). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/**
 * SHA-256 of a secret, base64url. Secrets are 256-bit random values, so a fast hash is enough to
 * make a stolen table useless; passwords, which are guessable, use scrypt instead.
 */
export function hashSecret(secret: string): string {
  // The one-shot hash: no Hash object per call (every bearer-authenticated request hashes its token).
  return hash("sha256", secret, "base64url");
}

/** Compare two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
