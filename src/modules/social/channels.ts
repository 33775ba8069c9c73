import { NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { isLang, type Lang } from '../../lib/lang.ts';
import type { Sealer } from '../../lib/secrets.ts';
import { iso, systemClock, type Clock } from '../../lib/time.ts';
import { checkOutgoingUrl, OutgoingHttpError, type OutboundPolicy } from '../../lib/outbound.ts';
import type { Store } from '../../store/index.ts';
import { CONTENT_TYPES, type ContentType, isContentType } from '../content/index.ts';
import type { Portal, PortalService } from '../portals/index.ts';
import { type SocialChannelTable, type SocialDB, type SocialExecutor } from './tables.ts';
import { isPlatform, PLATFORMS, type ChannelRuntime, type Connector, type Platform } from './types.ts';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../../lib/request-context.ts';
import type { AuditService } from '../audit/index.ts';

// A portal's accounts on the social platforms (kênh — channel). Credentials
// are sealed at rest with the deployment secret and leave this service only
// towards the platform: the API shows which fields are set, never their
// values.

export type ChannelStatus = 'active' | 'needs-reauth';

export interface Channel {
  id: number;
  portal: string;
  platform: Platform;
  name: string;
  /** null: the platform's documented address */
  apiBaseUrl: string | null;
  languages: Lang[];
  contentTypes: ContentType[];
  /** section slugs the channel carries; null for every section */
  sections: string[] | null;
  autoPublish: boolean;
  status: ChannelStatus;
  statusReason: string | null;
  /** names of the credential fields that hold a value (never the values) */
  credentialsSet: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ChannelInput {
  platform?: unknown;
  name?: unknown;
  apiBaseUrl?: unknown;
  credentials?: unknown;
  languages?: unknown;
  contentTypes?: unknown;
  sections?: unknown;
  autoPublish?: unknown;
}

type Row = Selectable<SocialChannelTable>;

const MAX_CREDENTIAL = 8000;

export class ChannelService {
  private readonly db: SocialDB;

  constructor(
    store: Store,
    private readonly portals: PortalService,
    private readonly connectors: Record<Platform, Connector>,
    private readonly sealer: Sealer,
    private readonly audit: AuditService,
    private readonly clock: Clock = systemClock,
    private readonly outbound: OutboundPolicy,
    /** LANTOA_SOCIAL_TIMEOUT_MS: how long a platform may take to answer */
    private readonly timeoutMs: number,
    /** requeues, in the caller's transaction, the deliveries that waited for a channel's new credentials */
    private readonly resumeWaiting: (channelId: number, trx: SocialExecutor) => Promise<number> = async () => 0,
  ) {
    this.db = store.db;
  }

  connector(platform: Platform): Connector {
    return this.connectors[platform];
  }

  async list(portal: Portal): Promise<Channel[]> {
    const rows = await this.db.selectFrom('social_channels').selectAll().where('portal_id', '=', portal.id).orderBy('id').execute();
    return rows.map((r) => this.toChannel(r, portal));
  }

  async get(portal: Portal, id: number): Promise<Channel> {
    const row = await this.db.selectFrom('social_channels').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No channel ${id} in ${portal.slug}.`);
    return this.toChannel(row, portal);
  }

  async byId(id: number): Promise<Channel | undefined> {
    const row = await this.db.selectFrom('social_channels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const portal = await this.portals.byId(row.portal_id);
    return portal ? this.toChannel(row, portal) : undefined;
  }

  async create(ctx: RequestContext, portal: Portal, input: ChannelInput): Promise<Channel> {
    const checked = await this.check(portal, input);
    const now = iso(this.clock());
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('social_channels')
        .values({
          portal_id: portal.id,
          platform: checked.platform,
          name: checked.name,
          api_base_url: checked.apiBaseUrl,
          credentials: '',
          languages: JSON.stringify(checked.languages),
          content_types: JSON.stringify(checked.contentTypes),
          sections: checked.sections ? JSON.stringify(checked.sections) : null,
          auto_publish: checked.autoPublish ? 1 : 0,
          status: 'active',
          status_reason: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // sealed with the row's id as context: the value opens for this channel only
      await trx
        .updateTable('social_channels')
        .set({ credentials: this.sealer.seal(JSON.stringify(checked.credentials), `social-channel:${row.id}`) })
        .where('id', '=', row.id)
        .execute();
      await this.audit.recordFor(ctx, 'social-channel', `social-channel:${row.id}`, { created: true, platform: checked.platform, name: checked.name, credentialsSet: Object.keys(checked.credentials).sort() }, trx);
      return row.id;
    });
    return this.get(portal, id);
  }

  /**
   * Changes a channel. Credentials given are merged into the stored ones (an
   * empty string removes a field), so an admin can replace one token without
   * typing the others again. New credentials put a channel that needed
   * re-authorisation back in service, and its deliveries that waited go again.
   */
  async update(ctx: RequestContext, portal: Portal, id: number, input: ChannelInput): Promise<{ channel: Channel; reconnected: boolean; resumed: number }> {
    const row = await this.db.selectFrom('social_channels').selectAll().where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No channel ${id} in ${portal.slug}.`);
    if (input.platform !== undefined && input.platform !== row.platform) throw new ValidationError([{ path: '/platform', message: 'cannot change; add a new channel instead' }]);
    const current = this.open(row);
    // The stored token goes wherever the channel points: a new address gets the credentials typed again, never the stored ones.
    const defaultBase = this.connectors[row.platform as Platform].defaultBaseUrl;
    const moves = input.apiBaseUrl !== undefined && effectiveBase(input.apiBaseUrl, defaultBase) !== effectiveBase(row.api_base_url, defaultBase);
    if (moves && !isPlainObject(input.credentials)) {
      throw new ValidationError([{ path: '/credentials', message: "changing apiBaseUrl needs the channel's credentials again: the stored ones are never sent to a new address" }]);
    }
    const merged = moves ? input.credentials : input.credentials !== undefined && isPlainObject(input.credentials) ? mergeCredentials(current, input.credentials) : input.credentials;
    const checked = await this.check(portal, {
      platform: row.platform,
      name: input.name ?? row.name,
      apiBaseUrl: input.apiBaseUrl !== undefined ? input.apiBaseUrl : row.api_base_url,
      credentials: merged ?? current,
      languages: input.languages ?? JSON.parse(row.languages),
      contentTypes: input.contentTypes ?? JSON.parse(row.content_types),
      sections: input.sections !== undefined ? input.sections : row.sections ? JSON.parse(row.sections) : null,
      autoPublish: input.autoPublish ?? row.auto_publish === 1,
    });
    const reconnected = row.status === 'needs-reauth' && (input.credentials !== undefined || input.apiBaseUrl !== undefined);
    const resumed = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('social_channels')
        .set({
          name: checked.name,
          api_base_url: checked.apiBaseUrl,
          credentials: this.sealer.seal(JSON.stringify(checked.credentials), `social-channel:${row.id}`),
          languages: JSON.stringify(checked.languages),
          content_types: JSON.stringify(checked.contentTypes),
          sections: checked.sections ? JSON.stringify(checked.sections) : null,
          auto_publish: checked.autoPublish ? 1 : 0,
          ...(reconnected ? { status: 'active', status_reason: null } : {}),
          updated_at: iso(this.clock()),
        })
        .where('id', '=', row.id)
        .execute();
      const resumed = reconnected ? await this.resumeWaiting(row.id, trx) : 0;
      await this.audit.recordFor(ctx, 'social-channel', `social-channel:${row.id}`, { changed: Object.keys(input ?? {}), reconnected, resumed }, trx);
      return resumed;
    });
    return { channel: await this.get(portal, id), reconnected, resumed };
  }

  async remove(ctx: RequestContext, portal: Portal, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const res = await trx.deleteFrom('social_channels').where('id', '=', id).where('portal_id', '=', portal.id).executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw new NotFoundError(`No channel ${id} in ${portal.slug}.`);
      await this.audit.recordFor(ctx, 'social-channel', `social-channel:${id}`, { removed: true }, trx);
    });
  }

  /** The channel as a connector needs it, credentials opened. */
  async runtime(id: number, db: SocialExecutor = this.db): Promise<ChannelRuntime & { version: string }> {
    const row = await db.selectFrom('social_channels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No channel ${id}.`);
    const platform = row.platform as Platform;
    return { id: row.id, platform, apiBaseUrl: row.api_base_url ?? this.connectors[platform].defaultBaseUrl, credentials: this.open(row), version: row.updated_at, outbound: this.outbound, timeoutMs: this.timeoutMs };
  }

  /** Keeps refreshed credentials at once: some platforms' refresh tokens work only once. */
  async storeCredentials(id: number, credentials: Record<string, string>): Promise<void> {
    await this.db
      .updateTable('social_channels')
      .set({ credentials: this.sealer.seal(JSON.stringify(credentials), `social-channel:${id}`), updated_at: iso(this.clock()) })
      .where('id', '=', id)
      .execute();
  }

  async markNeedsReauth(id: number, reason: string): Promise<boolean> {
    const res = await this.db
      .updateTable('social_channels')
      .set({ status: 'needs-reauth', status_reason: reason.slice(0, 1000), updated_at: iso(this.clock()) })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** A portal's channels as rows, for matching an item at publication (one needing reconnection still queues: it resumes later). */
  async rowsOf(db: SocialExecutor, portalId: number): Promise<Row[]> {
    return db.selectFrom('social_channels').selectAll().where('portal_id', '=', portalId).execute();
  }

  private open(row: Row): Record<string, string> {
    return JSON.parse(this.sealer.open(row.credentials, `social-channel:${row.id}`).toString('utf8')) as Record<string, string>;
  }

  private toChannel(r: Row, portal: Portal): Channel {
    let credentialsSet: string[] = [];
    try {
      credentialsSet = Object.keys(this.open(r)).sort();
    } catch {
      // a channel sealed under another secret shows no fields; reconnecting it sets them again
    }
    return {
      id: r.id,
      portal: portal.slug,
      platform: r.platform as Platform,
      name: r.name,
      apiBaseUrl: r.api_base_url,
      languages: JSON.parse(r.languages) as Channel['languages'],
      contentTypes: JSON.parse(r.content_types) as Channel['contentTypes'],
      sections: r.sections ? (JSON.parse(r.sections) as string[]) : null,
      autoPublish: r.auto_publish === 1,
      status: r.status as ChannelStatus,
      statusReason: r.status_reason,
      credentialsSet,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private async check(portal: Portal, input: ChannelInput) {
    const errors: FieldError[] = [];
    const platform = input.platform;
    if (!isPlatform(platform)) errors.push({ path: '/platform', message: `must be one of ${PLATFORMS.join(', ')}` });
    const name = typeof input.name === 'string' ? input.name.normalize('NFC').trim() : '';
    if (!name) errors.push({ path: '/name', message: 'give the channel a name editors will recognise' });
    else if (name.length > 120) errors.push({ path: '/name', message: 'must be at most 120 characters' });

    let apiBaseUrl: string | null = null;
    if (input.apiBaseUrl !== undefined && input.apiBaseUrl !== null && input.apiBaseUrl !== '') {
      const parsed = typeof input.apiBaseUrl === 'string' && input.apiBaseUrl.length <= 500 ? safeUrl(input.apiBaseUrl) : undefined;
      if (!parsed) errors.push({ path: '/apiBaseUrl', message: 'must be an http or https URL without user name, password, query or fragment' });
      else {
        apiBaseUrl = parsed.replace(/\/+$/, '');
        // an address literal is judged now; a name is judged each time it is resolved
        try {
          checkOutgoingUrl(apiBaseUrl, this.outbound);
        } catch (err) {
          if (!(err instanceof OutgoingHttpError)) throw err;
          errors.push({ path: '/apiBaseUrl', message: 'is a loopback, private, link-local or reserved address, which this deployment does not call (OUTBOUND_ALLOW)' });
        }
      }
    }

    const credentials: Record<string, string> = {};
    if (!isPlainObject(input.credentials)) errors.push({ path: '/credentials', message: 'must be an object of the platform’s credential fields' });
    else if (isPlatform(platform)) {
      const fields = this.connectors[platform].credentialFields;
      const known = new Set(fields.map((f) => f.name));
      for (const [k, v] of Object.entries(input.credentials)) {
        if (!known.has(k)) errors.push({ path: `/credentials/${k}`, message: `${platform} channels have no such field (they take ${fields.map((f) => f.name).join(', ')})` });
        else if (typeof v !== 'string') errors.push({ path: `/credentials/${k}`, message: 'must be a string' });
        else if (v.length > MAX_CREDENTIAL) errors.push({ path: `/credentials/${k}`, message: `must be at most ${MAX_CREDENTIAL} characters` });
        else if (v !== '') credentials[k] = v;
      }
      for (const f of fields) if (f.required && !credentials[f.name] && !errors.some((e) => e.path === `/credentials/${f.name}`)) errors.push({ path: `/credentials/${f.name}`, message: `required: ${f.description}` });
    }

    const languages = Array.isArray(input.languages) ? [...new Set(input.languages)] : [];
    if (!Array.isArray(input.languages) || languages.length === 0) errors.push({ path: '/languages', message: `must list the languages to carry (${portal.languages.join(', ')})` });
    else if (languages.some((l) => !isLang(l) || !portal.languages.includes(l))) errors.push({ path: '/languages', message: `${portal.slug} publishes in ${portal.languages.join(', ')} only` });

    const contentTypes = Array.isArray(input.contentTypes) ? [...new Set(input.contentTypes)] : [];
    if (!Array.isArray(input.contentTypes) || contentTypes.length === 0 || contentTypes.some((t) => !isContentType(t))) {
      errors.push({ path: '/contentTypes', message: `must list content types among ${CONTENT_TYPES.join(', ')}` });
    }

    let sections: string[] | null = null;
    if (input.sections !== undefined && input.sections !== null) {
      if (!Array.isArray(input.sections) || input.sections.some((s) => typeof s !== 'string')) errors.push({ path: '/sections', message: 'must be a list of section slugs, or null for every section' });
      else {
        const existing = new Set((await this.portals.sections(portal.id)).map((s) => s.slug));
        const unknown = (input.sections as string[]).filter((s) => !existing.has(s));
        if (unknown.length) errors.push({ path: '/sections', message: `no section ${unknown.map((s) => `"${s}"`).join(', ')} in ${portal.slug}` });
        sections = [...new Set(input.sections as string[])];
      }
    }
    if (input.autoPublish !== undefined && typeof input.autoPublish !== 'boolean') errors.push({ path: '/autoPublish', message: 'must be true or false' });
    if (errors.length) throw new ValidationError(errors);
    return { platform: platform as Platform, name, apiBaseUrl, credentials, languages: languages as Lang[], contentTypes: contentTypes as ContentType[], sections, autoPublish: input.autoPublish !== false };
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A channel's address as used: its own, or the platform's documented one. */
function effectiveBase(value: unknown, defaultBase: string): string {
  return (typeof value === 'string' && value !== '' ? value : defaultBase).replace(/\/+$/, '');
}

function mergeCredentials(current: Record<string, string>, patch: Record<string, unknown>): Record<string, unknown> {
  // field names come from the request: no prototype for one of them to reach
  const out: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, current);
  for (const [k, v] of Object.entries(patch)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

function safeUrl(text: string): string | undefined {
  try {
    const u = new URL(text);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (u.username || u.password || u.search || u.hash) return undefined;
    return u.toString();
  } catch {
    return undefined;
  }
}
