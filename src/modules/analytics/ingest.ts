import { createHash } from 'node:crypto';
import type { Clock } from '../../lib/time.ts';
import type { FieldError } from '../../lib/errors.ts';
import { addDays, vnDay, vnDayStart } from './calendar.ts';
import { agentOf, classifySource, deviceClass, languageOfPath, normalizeHost, pagePath, sourceKey, type SourceContext } from './classify.ts';
import { count, emptyCounted, stateKey, type CountedEvent } from './counting.ts';
import type { ForwardedEvent, Forwarder } from './forward.ts';
import { breathe, type AnalyticsStorage } from './storage.ts';

// Ingestion of beacons: validation and classification on arrival, then a
// bounded in-memory buffer that a single flusher writes to the store in
// batches, at least once a second. The buffer is the only place accepted
// events wait, so:
// - a crash loses what arrived since the last batch was written (at most
//   about flushMs plus the time of one write: under a second by default);
// - close() writes everything before the store is closed (graceful shutdown loses nothing);
// - when writes fall behind and the buffer is full, new events are refused
//   (503, counted as shed) instead of memory growing without bound.
//
// The visitor hash is made at write time from the day's salt; the IP address
// and User-Agent wait in memory with their event until then and are never stored.

export interface IngestSettings {
  /** ms between batch writes */
  flushMs: number;
  /** events the buffer holds before it sheds */
  maxBuffer: number;
  /** events written per batch at most (a backlog is written in several) */
  maxBatch: number;
  /** days of raw events kept */
  rawDays: number;
  /** days of per-minute rollups kept */
  minuteDays: number;
}

export interface Client {
  ip: string;
  userAgent: string;
}

export type AcceptResult = { status: 202; outcome: 'accepted' | 'bot' } | { status: 400; detail: string; errors: FieldError[] } | { status: 503; detail: string };

/** A resolved portal, as ingestion needs it. */
export interface HostPortal {
  id: number;
  slug: string;
}

export interface HostIndex {
  portal(host: string): HostPortal | undefined;
  /** source classification context for pages of this portal */
  sources(portalId: number): Omit<SourceContext, 'inApp'>;
}

interface Pending extends Omit<CountedEvent, 'visitor'> {
  ip: string;
  ua: string;
  url: string;
  portalSlug: string;
  visitor?: string;
}

export interface IngestCounters {
  accepted: number;
  shed: number;
  bots: number;
  invalid: number;
  written: number;
  batches: number;
  failedBatches: number;
  lostOnClose: number;
}

// eslint-disable-next-line no-control-regex -- an event name with control characters is refused
const NAME = /^[^\u0000-\u001f\u007f]{1,100}$/;
const MAX_URL = 2048;
/** Seconds after midnight before the previous day's salt is deleted: late batches of other processes still find it. */
const SALT_GRACE_MS = 60_000;
/**
 * Events hashed or counted between two turns of the event loop. A second's batch at
 * national rates is tens of thousands of events, ~100 ms of work in one piece: cut
 * into slices, beacons and pages keep being answered while it is written.
 */
const SLICE = 500;

export class Ingestion {
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private prunedDay: string | undefined;
  readonly counters: IngestCounters = { accepted: 0, shed: 0, bots: 0, invalid: 0, written: 0, batches: 0, failedBatches: 0, lostOnClose: 0 };

  constructor(
    private readonly storage: AnalyticsStorage,
    private readonly hosts: () => HostIndex | Promise<HostIndex>,
    private readonly clock: Clock,
    private readonly settings: IngestSettings,
    private readonly forwarder?: Forwarder,
    private readonly logger?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void },
  ) {}

  /** Events accepted and not yet written. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Checks and classifies one beacon and queues it for the next batch. Never throws for bad input. */
  async accept(body: unknown, client: Client): Promise<AcceptResult> {
    const hostsOrPromise = this.hosts();
    const hosts = hostsOrPromise instanceof Promise ? await hostsOrPromise : hostsOrPromise;
    const invalid = (errors: FieldError[], detail = errors.map((e) => `${e.path} ${e.message}`).join('; ')): AcceptResult => {
      this.counters.invalid++;
      return { status: 400, detail, errors };
    };
    if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid([{ path: '/', message: 'must be a JSON object {n, u, r?, w?}' }]);
    const b = body as Record<string, unknown>;
    const errors: FieldError[] = [];
    if (typeof b.n !== 'string' || !NAME.test(b.n)) errors.push({ path: '/n', message: 'must be an event name of 1 to 100 characters' });
    let page: URL | undefined;
    if (typeof b.u !== 'string' || b.u.length > MAX_URL) errors.push({ path: '/u', message: `must be the page URL (at most ${MAX_URL} characters)` });
    else {
      try {
        page = new URL(b.u);
        if (page.protocol !== 'http:' && page.protocol !== 'https:') throw new TypeError();
      } catch {
        page = undefined;
        errors.push({ path: '/u', message: 'must be an http or https URL' });
      }
    }
    if (b.r !== undefined && b.r !== null && (typeof b.r !== 'string' || b.r.length > MAX_URL)) errors.push({ path: '/r', message: `must be the referrer URL (at most ${MAX_URL} characters) or null` });
    if (b.w !== undefined && b.w !== null && (typeof b.w !== 'number' || !Number.isFinite(b.w) || b.w < 0 || b.w > 100_000)) errors.push({ path: '/w', message: 'must be the screen width in CSS pixels' });
    const props = checkProps(b.p, errors);
    if (errors.length) return invalid(errors);

    const portal = hosts.portal(normalizeHost(page!.host));
    if (!portal) return invalid([{ path: '/u', message: 'is not a page of a portal of this site' }], `${page!.host} is not a portal of this site.`);

    // 'pageview', 'outbound' (a link to another site), 'download' (a file), or a portal's own event name
    const kind = b.n as string;
    let target: string | null = null;
    if (kind === 'outbound' || kind === 'download') {
      const link = typeof props?.url === 'string' ? props.url : null;
      try {
        const t = link ? new URL(link, page) : undefined;
        target = t && (t.protocol === 'http:' || t.protocol === 'https:') ? `${t.host}${t.pathname}`.slice(0, 300) : null;
      } catch {
        target = null;
      }
      if (!target) return invalid([{ path: '/p/url', message: `an ${kind} event names its link in p.url` }]);
    }
    const agent = agentOf(client.userAgent);
    if (agent.bot) {
      this.counters.bots++;
      return { status: 202, outcome: 'bot' };
    }
    if (this.closed || this.buffer.length >= this.settings.maxBuffer) {
      this.counters.shed++;
      return { status: 503, detail: 'Too many events right now; this one was not counted.' };
    }

    const referrer = typeof b.r === 'string' && b.r ? b.r : null;
    const source = classifySource(page!, referrer, { ...hosts.sources(portal.id), inApp: agent.inApp });
    const path = pagePath(page!);
    const width = typeof b.w === 'number' ? Math.round(b.w) : null;
    let refHost: string | null = null;
    if (referrer) {
      try {
        refHost = new URL(referrer).host.slice(0, 200) || null;
      } catch {
        refHost = null;
      }
    }
    this.buffer.push({
      ts: this.clock().getTime(),
      portalId: portal.id,
      portalSlug: portal.slug,
      name: kind,
      path,
      lang: languageOfPath(path),
      source: source ? sourceKey(source) : undefined,
      // only the referring site is kept, not its full address
      referrer: refHost,
      device: deviceClass(agent, width),
      browser: agent.browser,
      width,
      props: props ? JSON.stringify(props) : null,
      target,
      ip: client.ip,
      ua: client.userAgent,
      url: `${page!.origin}${path}`,
    });
    this.counters.accepted++;
    this.schedule();
    return { status: 202, outcome: 'accepted' };
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().finally(() => {
        if (this.buffer.length) this.schedule();
      });
    }, this.settings.flushMs);
    this.timer.unref();
  }

  /** Writes one batch of what is buffered (waits for a batch already being written). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.writeBatch().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Writes until the buffer is empty (tests; shutdown). */
  async drain(maxFailures = 3): Promise<void> {
    let failures = 0;
    while (this.buffer.length || this.flushing) {
      const before = this.counters.failedBatches;
      await this.flush();
      if (this.counters.failedBatches > before && ++failures >= maxFailures) break;
    }
  }

  private async writeBatch(): Promise<void> {
    const batch = this.buffer.length <= this.settings.maxBatch ? this.buffer : this.buffer.slice(0, this.settings.maxBatch);
    this.buffer = batch === this.buffer ? [] : this.buffer.slice(batch.length);
    const now = this.clock().getTime();
    try {
      if (batch.length) {
        await this.writeEvents(batch);
        this.counters.written += batch.length;
        this.counters.batches++;
      }
    } catch (err) {
      this.counters.failedBatches++;
      // the transaction rolled back: the batch goes back in front, to be counted again from scratch
      const room = Math.max(0, this.settings.maxBuffer * 2 - this.buffer.length);
      this.buffer = batch.slice(0, room).concat(this.buffer);
      if (batch.length > room) this.counters.shed += batch.length - room;
      this.logger?.error({ err, events: batch.length }, 'analytics batch write failed; will retry');
      return;
    }
    try {
      await this.housekeeping(now);
    } catch (err) {
      this.logger?.warn({ err }, 'analytics housekeeping failed; will retry with the next batch');
    }
  }

  private async writeEvents(batch: Pending[]): Promise<void> {
    const days = new Set<string>();
    for (const e of batch) days.add(vnDay(e.ts));
    await this.storage.ensurePartitions(days);
    const salts = new Map<string, Buffer>();
    for (const day of days) salts.set(day, await this.storage.saltFor(day));
    const events: CountedEvent[] = [];
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i];
      // a retried batch keeps the hash it got the first time
      e.visitor ??= visitorHash(salts.get(vnDay(e.ts))!, e.portalId, e.ip, e.ua);
      e.ip = '';
      e.ua = '';
      events.push(e as CountedEvent);
      if (i % SLICE === SLICE - 1) await breathe();
    }
    let forwarded: ForwardedEvent[] = [];
    await this.storage.db.transaction().execute(async (trx) => {
      const states = await this.storage.loadStates(
        trx,
        events.map((e) => ({ day: vnDay(e.ts), visitor: e.visitor })),
      );
      const counted = emptyCounted();
      for (let i = 0; i < events.length; i += SLICE) {
        if (i) await breathe();
        count(events.slice(i, i + SLICE), states, counted);
      }
      await this.storage.write(trx, counted);
      if (this.forwarder) {
        forwarded = [];
        for (const e of batch) {
          if (e.name !== 'pageview') continue;
          const s = states.get(stateKey(vnDay(e.ts), e.visitor!));
          forwarded.push({
            name: e.name,
            url: e.url,
            referrer: e.referrer,
            width: e.width,
            at: new Date(e.ts).toISOString(),
            visitor: e.visitor!,
            portal: e.portalSlug,
            source: e.source ?? s?.visitSource ?? 'direct',
            device: e.device,
            browser: e.browser,
            lang: e.lang,
          });
        }
      }
    });
    // only what was written leaves: a retried batch is not forwarded twice
    this.forwarder?.push(forwarded);
  }

  /** Past the grace after midnight: forget earlier days' salts; once a day, prune old raw events and minutes. */
  private async housekeeping(now: number): Promise<void> {
    const today = vnDay(now);
    if (now - vnDayStart(today) < SALT_GRACE_MS) return;
    // also when a late batch brought an earlier day's salt back
    if (this.prunedDay !== today || this.storage.holdsSaltBefore(today)) await this.storage.forgetBefore(today);
    if (this.prunedDay === today) return;
    await this.storage.pruneRawBefore(addDays(today, -this.settings.rawDays));
    await this.storage.pruneMinutesBefore(new Date(now - this.settings.minuteDays * 86_400_000).toISOString());
    this.prunedDay = today;
  }

  /** Stops taking events and writes every buffered one; then stops forwarding. */
  async close(): Promise<void> {
    if (this.closed) return this.flushing;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.drain();
    if (this.buffer.length) {
      this.counters.lostOnClose += this.buffer.length;
      this.logger?.error({ events: this.buffer.length }, 'analytics events could not be written before shutdown');
      this.buffer = [];
    }
    await this.forwarder?.close();
  }
}

/** The day's pseudonym of a reader of one portal: a keyed hash of address and browser, unlinkable once the salt is gone. */
export function visitorHash(salt: Buffer, portalId: number, ip: string, userAgent: string): string {
  return createHash('sha256').update(salt).update(`\u0000${portalId}\u0000${ip}\u0000${userAgent}`).digest('base64url').slice(0, 22);
}

function checkProps(p: unknown, errors: FieldError[]): Record<string, string | number | boolean> | undefined {
  if (p === undefined || p === null) return undefined;
  if (typeof p !== 'object' || Array.isArray(p)) {
    errors.push({ path: '/p', message: 'must be an object of at most 20 short properties' });
    return undefined;
  }
  const entries = Object.entries(p as Record<string, unknown>);
  if (entries.length > 20) {
    errors.push({ path: '/p', message: 'must be an object of at most 20 short properties' });
    return undefined;
  }
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of entries) {
    if (k.length > 50 || !(typeof v === 'string' ? v.length <= MAX_URL : typeof v === 'number' ? Number.isFinite(v) : typeof v === 'boolean')) {
      errors.push({ path: `/p/${k.slice(0, 50)}`, message: 'must be a string, number or boolean' });
      continue;
    }
    out[k] = v as string | number | boolean;
  }
  return out;
}
