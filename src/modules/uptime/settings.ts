// The uptime watch's settings, parsed from the environment by the configuration loader (src/config.ts).

export interface UptimeSettings {
  /** UPTIME=0 turns the watch off. */
  enabled: boolean;
  /** UPTIME_INTERVAL_SECONDS: between rounds of probes (60). */
  intervalMs: number;
  /** UPTIME_TIMEOUT_MS: a probe that takes longer failed (10 000). */
  timeoutMs: number;
  /** UPTIME_SLOW_MS: a home page slower than this is slow (3 000). */
  slowMs: number;
  /** UPTIME_DOWN_AFTER: failed probes in a row before a portal is down (2). */
  downAfter: number;
  /** UPTIME_SLOW_AFTER: slow probes in a row before a portal is slow (3). */
  slowAfter: number;
  /** UPTIME_WEBHOOK_URL: alerts are POSTed here as JSON. */
  webhookUrl: string | undefined;
  /** UPTIME_ALERT_EMAILS: more addresses for alerts, besides the central portal's admins. */
  alertEmails: string[];
}

export function uptimeSettings(env: NodeJS.ProcessEnv): UptimeSettings {
  const num = (v: string | undefined, fallback: number, min = 1) => {
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= min ? n : fallback;
  };
  return {
    enabled: env.UPTIME !== '0',
    intervalMs: num(env.UPTIME_INTERVAL_SECONDS, 60) * 1000,
    timeoutMs: num(env.UPTIME_TIMEOUT_MS, 10_000, 100),
    slowMs: num(env.UPTIME_SLOW_MS, 3000, 1),
    downAfter: Math.floor(num(env.UPTIME_DOWN_AFTER, 2)),
    slowAfter: Math.floor(num(env.UPTIME_SLOW_AFTER, 3)),
    webhookUrl: env.UPTIME_WEBHOOK_URL || undefined,
    alertEmails: (env.UPTIME_ALERT_EMAILS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^[^@\s]+@[^@\s]+$/.test(s)),
  };
}
