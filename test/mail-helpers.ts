import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback that keeps what it receives, for tests of
// the messages Lantoa sends (password resets, feedback receipts, reminders).

export interface Received {
  to: string;
  data: string;
}

export async function startSmtp(): Promise<{ port: number; mail: Received[]; close(): Promise<void> }> {
  const mail: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, mail, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Undoes quoted-printable soft breaks and =XX escapes so a message can be searched as text. */
export const unfold = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** The settings that send the services' mail to the test server (for createTestEnv's `env`). */
export function mailEnv(smtp: { port: number }): Record<string, string> {
  return { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Lantoa <no-reply@test.gov.vn>' };
}
