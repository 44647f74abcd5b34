import { type ApiToken, type ApiTokenCreateInput, apiTokenCreateSchema } from "../contract/accounts.js";
import { AppError } from "../shared/app-error.js";
import {
  type ApiTokenRow,
  createCredentialsRepository,
  credentialsGeneration,
} from "../storage/credentials-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { toAccount } from "./account-view.js";
import { type Actor, requireActor, requireSession, requireWriter } from "./permissions.js";
import { hashSecret, newSecret } from "./secrets.js";
import { validateInput } from "./validate-input.js";

/** Prefix of every token secret, so that a leaked one is easy to recognise and scan for. */
export const tokenPrefix = "carnet_pat_";

// last_used_at is refreshed at most this often, so that each API call does not cost a write.
const touchEveryMs = 60_000;

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Create a personal API token; its secret is returned this once and stored only hashed. */
export async function createApiToken(
  deps: AccountDeps,
  actor: Actor | undefined,
  input: ApiTokenCreateInput,
): Promise<{ token: ApiToken; secret: string }> {
  // Tokens are minted only from a session: a stolen token cannot breed more tokens.
  const owner = requireSession(actor);
  const { name, scope } = validateInput(apiTokenCreateSchema, input);
  const secret = newSecret(tokenPrefix);
  const row: ApiTokenRow = {
    id: crypto.randomUUID(),
    user_id: owner.account.id,
    name,
    token_hash: hashSecret(secret),
    scope,
    created_at: deps.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await createCredentialsRepository(deps.db).insertToken(row);
  return { token: toApiToken(row), secret };
}

/** The actor's tokens, newest first, revoked ones included (without secrets). */
export async function listApiTokens(deps: AccountDeps, actor: Actor | undefined): Promise<ApiToken[]> {
  const owner = requireActor(actor);
  const rows = await createCredentialsRepository(deps.db).listTokens(owner.account.id);
  return rows.map(toApiToken);
}

/** Revoke one of the actor's tokens; 404 when it has no such live token. */
export async function revokeApiToken(deps: AccountDeps, actor: Actor | undefined, id: string): Promise<void> {
  const owner = requireWriter(actor);
  const done = await createCredentialsRepository(deps.db).revokeToken(
    owner.account.id,
    id,
    deps.now().toISOString(),
  );
  if (!done) throw new AppError("not_found", "No such token", { params: { path: `tokens/${id}` } });
}

// Scripts call the API in bursts with one token: its actor is remembered for a moment, and
// forgotten at once when any account or token changes in this process (credentialsGeneration).
// Another process revoking it is seen within `rememberMs`.
const rememberMs = 1000;
const remembered = new WeakMap<object, Map<string, { actor: Actor; until: number; generation: number }>>();

// The hash of the last secret resolved: a script's burst of calls with one token hashes it once. (One
// secret is kept, the one the latest request carried in its headers anyway.)
let lastSecret: { secret: string; hash: string } | undefined;

/** The actor of a bearer token, or undefined when it is unknown or revoked. */
export async function resolveApiToken(deps: AccountDeps, secret: string): Promise<Actor | undefined> {
  if (!secret.startsWith(tokenPrefix)) return undefined;
  let hash = lastSecret?.secret === secret ? lastSecret.hash : undefined;
  if (hash === undefined) {
    hash = hashSecret(secret);
    lastSecret = { secret, hash };
  }
  let known = remembered.get(deps.db);
  if (!known) {
    known = new Map();
    remembered.set(deps.db, known);
  }
  const now = deps.now();
  const hit = known.get(hash);
  if (hit && hit.until > now.getTime() && hit.generation === credentialsGeneration()) return hit.actor;
  const generation = credentialsGeneration();
  const actor = await lookUpToken(deps, hash, now);
  known.delete(hash);
  if (actor) {
    if (known.size >= 10_000) known.clear();
    known.set(hash, { actor, until: now.getTime() + rememberMs, generation });
  }
  return actor;
}

async function lookUpToken(deps: AccountDeps, hash: string, now: Date): Promise<Actor | undefined> {
  const credentials = createCredentialsRepository(deps.db);
  const found = await credentials.findTokenByHash(hash);
  if (!found || found.token.revoked_at !== null) return undefined;
  const last = found.token.last_used_at ? Date.parse(found.token.last_used_at) : 0;
  if (now.getTime() - last > touchEveryMs) await credentials.touchToken(found.token.id, now.toISOString());
  return {
    account: toAccount(found.user),
    via: "token",
    scope: found.token.scope,
    credentialId: found.token.id,
  };
}
