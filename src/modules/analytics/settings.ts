import type { IngestSettings } from './ingest.ts';

// Analytics settings, parsed from the environment by the configuration loader (src/config.ts).

export interface AnalyticsSettings extends IngestSettings {
  forwardUrl: string | undefined;
  forwardSiteId: string;
  forwardToken: string | undefined;
  forwardMs: number;
}

/** Settings from the environment (ANALYTICS_*), each falling back to its default when unset or malformed. */
export function analyticsSettings(env: NodeJS.ProcessEnv, overrides: Partial<AnalyticsSettings> = {}): AnalyticsSettings {
  const num = (v: string | undefined, fallback: number, min = 1) => {
    const n = v === undefined || v === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= min ? n : fallback;
  };
  let forwardUrl = env.ANALYTICS_FORWARD_URL || undefined;
  if (forwardUrl && !/^https?:\/\//.test(forwardUrl)) forwardUrl = undefined;
  return {
    flushMs: num(env.ANALYTICS_FLUSH_MS, 200, 10),
    maxBuffer: num(env.ANALYTICS_BUFFER_MAX, 100_000),
    maxBatch: num(env.ANALYTICS_BATCH_MAX, 50_000),
    rawDays: num(env.ANALYTICS_RAW_DAYS, 90),
    minuteDays: num(env.ANALYTICS_MINUTE_DAYS, 3),
    forwardUrl,
    forwardSiteId: env.ANALYTICS_FORWARD_SITE_ID || 'lantoa',
    forwardToken: env.ANALYTICS_FORWARD_TOKEN || undefined,
    forwardMs: num(env.ANALYTICS_FORWARD_MS, 1000, 10),
    ...overrides,
  };
}
