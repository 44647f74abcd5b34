import type {
  Account,
  AccountPatch,
  ApiToken,
  ApiTokenCreateInput,
  PasswordChangeInput,
  PasswordResetCompleteInput,
  RegisterInput,
  SignInInput,
} from "../../contract/accounts.js";
import type { UiLanguage } from "../../i18n/translate.js";
import { apiRequest } from "./client.js";

/** What sign-in and register answer. */
export interface SignedIn {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

/** A freshly created token: its secret is in this answer only. */
export interface ApiTokenCreated {
  token: ApiToken;
  secret: string;
}

/** The account, session and token endpoints, bound to an interface language. */
export function accountApi(lang: UiLanguage) {
  return {
    register: (body: RegisterInput) =>
      apiRequest<SignedIn>("/api/v1/auth/register", { method: "POST", body, lang }),
    signIn: (body: SignInInput) =>
      apiRequest<SignedIn>("/api/v1/auth/sign-in", { method: "POST", body, lang }),
    signOut: () => apiRequest<void>("/api/v1/auth/sign-out", { method: "POST", lang }),
    requestPasswordReset: (email: string) =>
      apiRequest<void>("/api/v1/auth/password-reset", { method: "POST", body: { email }, lang }),
    completePasswordReset: (body: PasswordResetCompleteInput) =>
      apiRequest<void>("/api/v1/auth/password-reset/complete", { method: "POST", body, lang }),
    getSession: (signal?: AbortSignal) =>
      apiRequest<{ account: Account | null; csrfToken: string | null }>("/api/v1/session", {
        lang,
        ...(signal ? { signal } : {}),
      }),
    getAccount: (signal?: AbortSignal) =>
      apiRequest<Account>("/api/v1/account", { lang, ...(signal ? { signal } : {}) }),
    updateAccount: (body: AccountPatch) =>
      apiRequest<Account>("/api/v1/account", { method: "PATCH", body, lang }),
    changePassword: (body: PasswordChangeInput) =>
      apiRequest<void>("/api/v1/account/password", { method: "POST", body, lang }),
    listTokens: () => apiRequest<{ tokens: ApiToken[] }>("/api/v1/account/tokens", { lang }),
    createToken: (body: ApiTokenCreateInput) =>
      apiRequest<ApiTokenCreated>("/api/v1/account/tokens", { method: "POST", body, lang }),
    revokeToken: (id: string) =>
      apiRequest<void>(`/api/v1/account/tokens/${encodeURIComponent(id)}`, { method: "DELETE", lang }),
  };
}

export type AccountApi = ReturnType<typeof accountApi>;
