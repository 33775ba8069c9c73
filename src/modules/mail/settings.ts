// Mail settings, parsed from the environment by the configuration loader (src/config.ts).

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
}

export function mailSettings(env: NodeJS.ProcessEnv): MailSettings {
  return { smtpUrl: env.SMTP_URL || undefined, from: env.MAIL_FROM || 'Lantoa <no-reply@localhost>' };
}
