import type { MailSettings } from './settings.ts';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

// Outgoing email: password resets (sessions), "an item waits for you" (notifications),
// receipts and answers to citizens (feedback), uptime alerts. SMTP settings come from the environment:
//   SMTP_URL   smtp://user:pass@host:587 or smtps://… (unset: no email is sent, and the log says so)
//   MAIL_FROM  the sender, e.g. "Lantoa <no-reply@portal.gov.vn>"

export type { MailSettings } from './settings.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export class Mailer {
  private transport: Transporter | undefined;

  constructor(
    readonly settings: MailSettings,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return Boolean(this.settings.smtpUrl);
  }

  /** Sends one message; false (and a log line without the message's content) when it could not. */
  async send(mail: Mail): Promise<boolean> {
    if (!this.settings.smtpUrl) {
      this.logger.warn({ subject: mail.subject }, 'SMTP_URL is not set: email not sent');
      return false;
    }
    // nodemailer is loaded with the first message, not at start-up
    this.transport ??= (await import('nodemailer')).default.createTransport(this.settings.smtpUrl);
    try {
      await this.transport.sendMail({ from: this.settings.from, to: mail.to, subject: mail.subject, text: mail.text });
      return true;
    } catch (err) {
      // the message body holds a secret link: log the failure, never the text
      this.logger.error({ err: { message: (err as Error).message }, subject: mail.subject }, 'email could not be sent');
      return false;
    }
  }

  close(): void {
    this.transport?.close();
  }
}
