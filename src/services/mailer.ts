import nodemailer from "nodemailer";

/** One e-mail to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Language of the message (the recipient's preferred language). */
  lang: "en" | "fr";
}

/** Where Carnet's e-mails go: an SMTP server, or the log when none is configured. */
export interface Mailer {
  readonly kind: "smtp" | "log";
  send(message: MailMessage): Promise<void>;
}

/** Sends through the SMTP server of `url` (`smtp://user:pass@host:port`, `smtps://…` for implicit TLS). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { "Content-Language": message.lang },
      });
    },
  };
}

/** Writes each e-mail to the log instead (no SMTP_URL): an operator can still pass on a reset link. */
export function createLogMailer(log: (fields: Record<string, unknown>, text: string) => void): Mailer {
  return {
    kind: "log",
    async send(message) {
      log({ to: message.to, subject: message.subject }, message.text);
    },
  };
}
