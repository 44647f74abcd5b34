import { type Account, type SignInInput, signInBodySchema } from "../contract/accounts.js";
import { AppError } from "../shared/app-error.js";
import { createCredentialsRepository } from "../storage/credentials-repository.js";
import type { Db, Tx } from "../storage/database.js";
import { createRateLimitsRepository } from "../storage/rate-limits-repository.js";
import { createUsersRepository, emailKey } from "../storage/users-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { toAccount } from "./account-view.js";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./passwords.js";
import type { Actor } from "./permissions.js";
import { assertUnderLimit, clearLimit, countAgainstLimit, rateLimits } from "./rate-limits.js";
import { hashSecret, newSecret, sameSecret } from "./secrets.js";
import { validateInput } from "./validate-input.js";

/** A new session: its secret goes into the cookie, only its hash is stored. */
export interface OpenedSession {
  account: Account;
  secret: string;
  csrfToken: string;
  expiresAt: string;
}

/** Where a request comes from, for rate limits. */
export interface RequestOrigin {
  ip: string;
}

// last_seen_at is refreshed at most this often, so that reads do not each cost a write.
const touchEveryMs = 5 * 60_000;

/**
 * The anti-forgery token of a session: derived from its secret (one-way), so it needs no storage
 * and cannot be computed by a site that does not know the cookie.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return hashSecret(`csrf:${sessionSecret}`);
}

/** True when `given` is the anti-forgery token of the session `sessionSecret` (constant time). */
export function checkCsrfToken(sessionSecret: string, given: string | undefined): boolean {
  return typeof given === "string" && sameSecret(csrfTokenFor(sessionSecret), given);
}

/** Open a session for `user` (within `db`, which may be a transaction). */
export async function openSession(deps: AccountDeps, db: Db | Tx, account: Account): Promise<OpenedSession> {
  const secret = newSecret();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs).toISOString();
  await createCredentialsRepository(db).insertSession({
    id_hash: hashSecret(secret),
    user_id: account.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_seen_at: now.toISOString(),
  });
  return { account, secret, csrfToken: csrfTokenFor(secret), expiresAt };
}

/**
 * Sign in with e-mail and password. Wrong e-mail and wrong password give the same error in the
 * same time; repeated failures per (e-mail, IP), per e-mail and per IP are refused for a while.
 */
export async function signIn(
  deps: AccountDeps,
  input: SignInInput,
  origin: RequestOrigin,
): Promise<OpenedSession> {
  const { email, password } = validateInput(signInBodySchema, input);
  const key = emailKey(email);
  const pair = `${key}|${origin.ip}`;
  await assertUnderLimit(deps, rateLimits.signInPair, pair);
  await assertUnderLimit(deps, rateLimits.signInAccount, key);
  await assertUnderLimit(deps, rateLimits.signInIp, origin.ip);

  const users = createUsersRepository(deps.db);
  const user = await users.findByEmail(key);
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash(deps.passwordCost)));
  if (!user || !ok) {
    await countAgainstLimit(deps, rateLimits.signInPair, pair);
    await countAgainstLimit(deps, rateLimits.signInAccount, key);
    await countAgainstLimit(deps, rateLimits.signInIp, origin.ip);
    throw new AppError("invalid_credentials", "Wrong e-mail or password");
  }
  await clearLimit(deps, rateLimits.signInPair, pair);
  await sweepExpired(deps);
  if (needsRehash(user.password_hash, deps.passwordCost)) {
    await users.update(user.id, { password_hash: await hashPassword(password, deps.passwordCost) });
  }
  return openSession(deps, deps.db, toAccount(user));
}

/**
 * Delete expired sessions and finished rate-limit windows. Done on each successful sign-in (rare
 * next to reads, and indexed), so no background job is needed for the tables to stay small.
 */
async function sweepExpired(deps: AccountDeps): Promise<void> {
  const now = deps.now();
  await createCredentialsRepository(deps.db).deleteExpiredSessions(now.toISOString());
  const longestWindow = Math.max(...Object.values(rateLimits).map((l) => l.windowMs));
  await createRateLimitsRepository(deps.db).prune(new Date(now.getTime() - longestWindow).toISOString());
}

/** The actor of a session secret, or undefined when it is unknown or expired. */
export async function resolveSession(deps: AccountDeps, secret: string): Promise<Actor | undefined> {
  const now = deps.now();
  const credentials = createCredentialsRepository(deps.db);
  const idHash = hashSecret(secret);
  const found = await credentials.findSession(idHash, now.toISOString());
  if (!found) return undefined;
  if (now.getTime() - Date.parse(found.session.last_seen_at) > touchEveryMs) {
    await credentials.touchSession(idHash, now.toISOString());
  }
  return { account: toAccount(found.user), via: "session", scope: "read-write", credentialId: idHash };
}

/** End the actor's session (no-op for API tokens, which are revoked instead). */
export async function signOut(deps: AccountDeps, actor: Actor | undefined): Promise<void> {
  if (actor?.via !== "session") return;
  await createCredentialsRepository(deps.db).deleteSession(actor.credentialId);
}

/** What the session probe answers: the caller's account and, for a browser session, its anti-forgery token. */
export interface SessionProbe {
  account: Account | null;
  csrfToken: string | null;
}

/**
 * Who is calling, for pages that work signed in or not: anonymous callers get nulls (never an
 * error); a browser session also gets its anti-forgery token (derived from `sessionSecret`).
 */
export function probeSession(actor: Actor | undefined, sessionSecret: string | undefined): SessionProbe {
  if (!actor) return { account: null, csrfToken: null };
  const csrfToken = actor.via === "session" && sessionSecret ? csrfTokenFor(sessionSecret) : null;
  return { account: actor.account, csrfToken };
}
