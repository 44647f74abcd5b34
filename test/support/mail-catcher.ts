import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message the catcher received, with its body decoded to text. */
export interface CaughtMail {
  to: string[];
  headers: string;
  text: string;
}

/** Undo quoted-printable encoding (soft line breaks and =XX bytes), as UTF-8. */
function fromQuotedPrintable(body: string): string {
  const unwrapped = body.replace(/=\r?\n/g, "");
  const bytes = Buffer.from(
    unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    ),
    "latin1",
  );
  return bytes.toString("utf8");
}

function decode(raw: string): CaughtMail["text"] {
  const end = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, end);
  const body = raw.slice(end + 4);
  if (/^content-transfer-encoding:\s*quoted-printable/im.test(headers)) return fromQuotedPrintable(body);
  if (/^content-transfer-encoding:\s*base64/im.test(headers))
    return Buffer.from(body, "base64").toString("utf8");
  return body;
}

/** A real SMTP server on a free local port that keeps what it receives, for e-mail journeys. */
export async function startMailCatcher() {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const end = raw.indexOf("\r\n\r\n");
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          headers: raw.slice(0, end),
          text: decode(raw),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The latest message to `address`, waiting for it up to `timeoutMs`. */
    async waitFor(address: string, timeoutMs = 10_000): Promise<CaughtMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.filter((mail) => mail.to.includes(address)).at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
