import {
  type PasswordResetCompleteInput,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
} from "../contract/accounts.js";
import { translate } from "../i18n/translate.js";
import { AppError } from "../shared/app-error.js";
import { createCredentialsRepository, credentialsChanged } from "../storage/credentials-repository.js";
import { inTransaction } from "../storage/database.js";
import { createUsersRepository, emailKey } from "../storage/users-repository.js";
import type { AccountDeps } from "./account-deps.js";
import { hashPassword } from "./passwords.js";
import { assertUnderLimit, countAgainstLimit, rateLimits } from "./rate-limits.js";
import { hashSecret, newSecret } from "./secrets.js";
import type { RequestOrigin } from "./sessions.js";
import { validateInput } from "./validate-input.js";

/**
 * Ask for a password reset link by e-mail. The answer is the same whether or not the address has
 * an account, and the e-mail is sent in the background so that timing does not tell either.
 */
export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string },
  origin: RequestOrigin,
): Promise<void> {
  const { email } = validateInput(passwordResetRequestSchema, input);
  const key = emailKey(email);
  await assertUnderLimit(deps, rateLimits.resetIp, origin.ip);
  await assertUnderLimit(deps, rateLimits.resetEmail, key);
  await countAgainstLimit(deps, rateLimits.resetIp, origin.ip);
  await countAgainstLimit(deps, rateLimits.resetEmail, key);

  const user = await createUsersRepository(deps.db).findByEmail(key);
  if (!user) return;
  const token = newSecret();
  const now = deps.now();
  await createCredentialsRepository(deps.db).insertPasswordReset({
    token_hash: hashSecret(token),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + deps.resetTtlMs).toISOString(),
    used_at: null,
  });
  const link = `${deps.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const lang = user.preferred_language;
  const params = {
    name: user.display_name,
    email: user.email,
    link,
    minutes: Math.round(deps.resetTtlMs / 60_000),
  };
  if (deps.mailer.kind === "log") {
    deps.log.warn({ userId: user.id }, translate("en", "accounts.mail.reset.logged", params));
    return;
  }
  deps.mailer
    .send({
      to: user.email,
      subject: translate(lang, "accounts.mail.reset.subject"),
      text: translate(lang, "accounts.mail.reset.text", params),
      lang,
    })
    .catch((error: unknown) =>
      deps.log.warn({ userId: user.id, err: error }, "password reset e-mail could not be sent"),
    );
}

/**
 * Set a new password with a reset token. The token works once, before it expires; afterwards every
 * session of the user ends (whoever had the old password is signed out).
 */
export async function completePasswordReset(
  deps: AccountDeps,
  input: PasswordResetCompleteInput,
): Promise<void> {
  const { token, password } = validateInput(passwordResetCompleteSchema, input);
  const hash = await hashPassword(password, deps.passwordCost);
  const now = deps.now().toISOString();
  await inTransaction(deps.db, async (tx) => {
    const credentials = createCredentialsRepository(tx);
    const userId = await credentials.consumePasswordReset(hashSecret(token), now);
    if (!userId) throw new AppError("reset_token_invalid", "Reset token invalid");
    await createUsersRepository(tx).update(userId, { password_hash: hash });
    await credentials.deleteSessionsOfUser(userId);
    await credentials.invalidatePasswordResets(userId, now);
  });
  credentialsChanged();
}
