import { AppError } from "../shared/app-error.js";
import { createRateLimitsRepository } from "../storage/rate-limits-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { hashSecret } from "./secrets.js";

/** A fixed window: at most `max` counted events per `windowMs`. */
export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
}

const minutes = 60_000;

/**
 * The limits of the account endpoints. Failed sign-ins are counted per (e-mail, IP) pair, per
 * account from any IP (slows a distributed guess), and per IP (slows password spraying).
 */
export const rateLimits = {
  signInPair: { name: "signin-pair", max: 5, windowMs: 15 * minutes },
  signInAccount: { name: "signin-account", max: 20, windowMs: 15 * minutes },
  signInIp: { name: "signin-ip", max: 100, windowMs: 15 * minutes },
  resetEmail: { name: "reset-email", max: 3, windowMs: 60 * minutes },
  resetIp: { name: "reset-ip", max: 20, windowMs: 60 * minutes },
  registerIp: { name: "register-ip", max: 30, windowMs: 60 * minutes },
} satisfies Record<string, RateLimit>;

// Keys are hashed: the table must not become a list of e-mail addresses and IPs.
const keyOf = (limit: RateLimit, subject: string) => `${limit.name}:${hashSecret(subject)}`;

function windowStart(deps: AccountDeps, limit: RateLimit): string {
  return new Date(deps.now().getTime() - limit.windowMs).toISOString();
}

/** Throw `rate_limited` when `subject` already reached `limit` in the current window. */
export async function assertUnderLimit(deps: AccountDeps, limit: RateLimit, subject: string): Promise<void> {
  const current = await createRateLimitsRepository(deps.db).current(
    keyOf(limit, subject),
    windowStart(deps, limit),
  );
  if (current && current.hits >= limit.max) {
    const endsAt = Date.parse(current.since) + limit.windowMs;
    const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - deps.now().getTime()) / 1000));
    throw new AppError("rate_limited", `Too many attempts (${limit.name})`, {
      details: { retryAfterSeconds },
    });
  }
}

/** Count one event of `subject` against `limit`. */
export async function countAgainstLimit(deps: AccountDeps, limit: RateLimit, subject: string): Promise<void> {
  const now = deps.now().toISOString();
  await createRateLimitsRepository(deps.db).hit(keyOf(limit, subject), now, windowStart(deps, limit));
}

/** Forget the events of `subject` (e.g. after a successful sign-in). */
export async function clearLimit(deps: AccountDeps, limit: RateLimit, subject: string): Promise<void> {
  await createRateLimitsRepository(deps.db).clear(keyOf(limit, subject));
}
