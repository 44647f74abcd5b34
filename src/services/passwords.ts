import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/** scrypt cost parameters: N (CPU/memory), r (block size), p (parallelisation). */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/**
 * Default scrypt cost, one of OWASP's recommended equivalents (N = 2^15, r = 8, p = 3): 32 MiB per
 * hash, so memory-hard without letting a burst of sign-ins exhaust the server's memory. The
 * parameters are stored with each hash, so raising them later keeps old hashes valid (and
 * `needsRehash` upgrades them at the next sign-in).
 */
export const scryptParameters: ScryptParameters = { N: 2 ** 15, r: 8, p: 3 };
const keyLength = 32;
const saltLength = 16;

/** Passwords shorter than this are refused; longer than the maximum are refused as abuse. */
export const passwordLength = { min: 10, max: 256 } as const;

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hash a password as `scrypt$N$r$p$salt$key` (salt and key base64url). */
export async function hashPassword(password: string, params = scryptParameters): Promise<string> {
  const salt = randomBytes(saltLength);
  const { N, r, p } = params;
  const key = await derive(password, salt, params);
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isInteger(v) && v > 0)) return undefined;
  return { params, salt: Buffer.from(salt, "base64url"), key: Buffer.from(key, "base64url") };
}

/** True when `password` matches the stored hash; the comparison takes constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when a stored hash was made with other parameters than `params` (today's). */
export function needsRehash(stored: string, params = scryptParameters): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N !== params.N || r !== params.r || p !== params.p;
}

const decoys = new Map<string, Promise<string>>();
/**
 * A hash of a random password, verified against when the e-mail is unknown, so that a sign-in
 * with an unknown address takes as long as one with a wrong password (no enumeration by timing).
 */
export function decoyHash(params = scryptParameters): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = hashPassword(randomBytes(16).toString("hex"), params);
    decoys.set(key, decoy);
  }
  return decoy;
}

/** A random password of 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  // 256 % 56 != 0 gives a tiny bias; 20 characters keep > 110 bits of entropy regardless.
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
