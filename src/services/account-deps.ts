import type { Db } from "../storage/database.js";
import type { AppContext } from "./app-context.js";
import { createLogMailer, createSmtpMailer, type Mailer } from "./mailer.js";
import { type ScryptParameters, scryptParameters } from "./passwords.js";

/** A minimal logger (pino's and Fastify's fit). */
export interface AccountLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** What the account, session and token services need, built once per process. */
export interface AccountDeps {
  db: Db;
  mailer: Mailer;
  /** Base URL of the web app, for links in e-mails (never taken from a request's Host header). */
  publicUrl: string;
  passwordCost: ScryptParameters;
  sessionTtlMs: number;
  resetTtlMs: number;
  now(): Date;
  log: AccountLog;
}

/** Settings of the account services; every one has a default. */
export interface AccountOptions {
  /** SMTP server for e-mails (`SMTP_URL`); without it, e-mails are written to the log. */
  smtpUrl?: string | undefined;
  /** Sender of e-mails (`MAIL_FROM`). */
  mailFrom?: string | undefined;
  /** Base URL of the web app (`CARNET_PUBLIC_URL`). */
  publicUrl?: string | undefined;
  passwordCost?: ScryptParameters | undefined;
  sessionTtlMs?: number | undefined;
  resetTtlMs?: number | undefined;
  now?: (() => Date) | undefined;
  log?: AccountLog | undefined;
}

const silentLog: AccountLog = { info: () => {}, warn: () => {} };

/** Build the account services' dependencies from the app context and options. */
export function createAccountDeps(context: AppContext, options: AccountOptions = {}): AccountDeps {
  const log = options.log ?? silentLog;
  const mailer = options.smtpUrl
    ? createSmtpMailer(options.smtpUrl, options.mailFrom || "Carnet <no-reply@localhost>")
    : createLogMailer((fields, text) => log.warn(fields, text));
  return {
    db: context.database.db,
    mailer,
    publicUrl: (options.publicUrl || "http://localhost:3000").replace(/\/+$/, ""),
    passwordCost: options.passwordCost ?? scryptParameters,
    sessionTtlMs: options.sessionTtlMs ?? 30 * 24 * 3600_000,
    resetTtlMs: options.resetTtlMs ?? 3600_000,
    now: options.now ?? (() => new Date()),
    log,
  };
}
