import { z } from "zod";

/**
 * HTTP contract of accounts, sessions and API tokens: the zod schemas that validate requests in the
 * server and the services, type the web client, and generate the OpenAPI document.
 */

export const uiLanguageSchema = z.enum(["en", "fr"]);
export const userRoleSchema = z.enum(["user", "org_admin", "super_admin"]);
export const tokenScopeSchema = z.enum(["read", "read-write"]);

const email = z.email().max(254).describe("E-mail address; unique, compared without regard to case");
const password = z.string().min(10).max(256).describe("At least 10 characters");
const displayName = z.string().trim().min(1).max(200);

export const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: userRoleSchema,
    organisationId: z.string().nullable(),
    preferredLanguage: uiLanguageSchema,
    createdAt: z.string(),
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof accountSchema>;

export const registerBodySchema = z.object({
  email,
  password,
  displayName,
  preferredLanguage: uiLanguageSchema.optional(),
  organisationId: z.string().min(1).max(100).optional(),
});
export type RegisterInput = z.infer<typeof registerBodySchema>;

export const signInBodySchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(256),
});
export type SignInInput = z.infer<typeof signInBodySchema>;

export const signedInSchema = z
  .object({
    account: accountSchema,
    csrfToken: z.string().describe("Send it back as the X-CSRF-Token header on cookie-authenticated writes"),
    expiresAt: z.string(),
  })
  .meta({ id: "SignedIn" });

export const sessionProbeSchema = z
  .object({
    account: accountSchema.nullable().describe("The signed-in account; null when anonymous"),
    csrfToken: z
      .string()
      .nullable()
      .describe("The session's anti-forgery token (X-CSRF-Token); null when anonymous or signed in by token"),
  })
  .meta({ id: "SessionProbe" });

export const passwordResetRequestSchema = z.object({ email: z.string().min(1).max(254) });
export const passwordResetCompleteSchema = z.object({ token: z.string().min(1).max(200), password });
export type PasswordResetCompleteInput = z.infer<typeof passwordResetCompleteSchema>;

export const accountPatchSchema = z
  .object({ displayName: displayName.optional(), preferredLanguage: uiLanguageSchema.optional() })
  .strict();
export type AccountPatch = z.infer<typeof accountPatchSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: tokenScopeSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scope: tokenScopeSchema.default("read"),
});
export type ApiTokenCreateInput = z.input<typeof apiTokenCreateSchema>;

export const apiTokenCreatedSchema = z
  .object({
    token: apiTokenSchema,
    secret: z.string().describe("Shown once: use it as `Authorization: Bearer <secret>`"),
  })
  .meta({ id: "ApiTokenCreated" });

export const organisationSchema = z
  .object({ id: z.string(), name: z.string(), rorId: z.string().nullable(), createdAt: z.string() })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z.object({
  name: z.string().trim().min(1).max(300),
  rorId: z.string().max(20).optional().describe("ROR identifier without the https://ror.org/ prefix"),
});

export const accountAdminPatchSchema = z
  .object({
    role: userRoleSchema.optional(),
    organisationId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict();
