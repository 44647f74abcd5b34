import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser, signInUser, uniqueEmail } from "../support/accounts.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { testDialects } from "../support/databases.js";

interface ReceivedMail {
  to: string[];
  raw: string;
  text: string;
}

/** Decode a quoted-printable body (nodemailer's choice for non-ASCII text). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? "", "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function textOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  if (/content-transfer-encoding:\s*base64/i.test(headers))
    return Buffer.from(body, "base64").toString("utf8");
  return body;
}

/** A real SMTP server on a free port, keeping every message it receives. */
async function startSmtp() {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: textOf(raw) });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The first message to `address`, waiting up to 10 s for it. */
    async mailTo(address: string): Promise<ReceivedMail> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = mails.find((m) => m.to.includes(address));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function linkToken(text: string): string {
  const match = /https:\/\/carnet\.example\.org\/reset-password\?token=([\w%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in:\n${text}`);
  return decodeURIComponent(match[1]);
}

describe.each(testDialects())("password reset by e-mail on $name", (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(dialect, {
      accounts: {
        smtpUrl: smtp.url,
        mailFrom: "Carnet <carnet@example.org>",
        publicUrl: "https://carnet.example.org/",
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const request = (email: string, ip = "192.0.2.1") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email },
      remoteAddress: ip,
    });
  const complete = (token: string, password: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset/complete",
      payload: { token, password },
    });

  it("mails a link whose token sets a new password once and ends every session", async () => {
    const user = await registerUser(t.app);
    const other = await signInUser(t.app, user.email, user.password);
    const asked = await request(user.email.toUpperCase());
    expect(asked.statusCode).toBe(202);
    const mail = await smtp.mailTo(user.email);
    expect(mail.raw).toMatch(/^Subject: Reset your Carnet password/m);
    expect(mail.raw).toMatch(/^From: Carnet <carnet@example.org>/m);
    expect(mail.text).toContain("Hello Test User");
    const token = linkToken(mail.text);

    const stored = await t.context.database.db.selectFrom("password_resets").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await complete(token, "short")).statusCode).toBe(422);
    const done = await complete(token, "my new long password");
    expect(done.statusCode).toBe(204);
    for (const session of [user, other]) {
      expect((await t.app.inject({ url: "/api/v1/account", cookies: session.cookies })).statusCode).toBe(401);
    }
    await expect(signInUser(t.app, user.email, user.password)).rejects.toThrow(/401/);
    await signInUser(t.app, user.email, "my new long password");

    const reused = await complete(token, "yet another password");
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe("reset_token_invalid");
  });

  it("writes the e-mail in the user's preferred language", async () => {
    const user = await registerUser(t.app, uniqueEmail("francoise"), "un mot de passe assez long", {
      preferredLanguage: "fr",
    });
    expect((await request(user.email)).statusCode).toBe(202);
    const mail = await smtp.mailTo(user.email);
    expect(mail.text).toContain("Bonjour Test User");
    expect(mail.text).toContain("réinitialiser le mot de passe");
    expect(mail.raw).toMatch(/^Content-Language: fr/m);
    linkToken(mail.text);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const nobody = uniqueEmail("nobody");
    const known = await registerUser(t.app);
    const before = smtp.mails.length;
    const unknownAnswer = await request(nobody, "192.0.2.50");
    const knownAnswer = await request(known.email, "192.0.2.50");
    expect(unknownAnswer.statusCode).toBe(knownAnswer.statusCode);
    expect(unknownAnswer.body).toBe(knownAnswer.body);
    await smtp.mailTo(known.email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([[known.email]]);
  });

  it("refuses forged tokens and limits requests per address", async () => {
    expect((await complete("forged-token-value", "a fine new password")).json().error.code).toBe(
      "reset_token_invalid",
    );
    const email = uniqueEmail("flood");
    for (let i = 0; i < 3; i++) expect((await request(email, "192.0.2.9")).statusCode).toBe(202);
    const limited = await request(email, "192.0.2.10");
    expect(limited.statusCode).toBe(429);
  });
});

describe.each(testDialects())("password reset without SMTP on $name", (dialect) => {
  const logged: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      accounts: {
        resetTtlMs: 1,
        log: { info: () => {}, warn: (_fields, message) => logged.push(message) },
      },
    });
  });
  afterAll(() => t.close());

  it("logs the link, and the link stops working once expired", async () => {
    const user = await registerUser(t.app);
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email: user.email },
    });
    expect(asked.statusCode).toBe(202);
    const line = logged.find((l) => l.includes(user.email));
    expect(line).toMatch(/No SMTP server configured/);
    const token = /token=([\w%-]+)/.exec(line ?? "")?.[1];
    expect(token).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/password-reset/complete",
      payload: { token: decodeURIComponent(token ?? ""), password: "a fine new password" },
    });
    expect(late.statusCode).toBe(400);
    await signInUser(t.app, user.email, user.password);
  });
});
