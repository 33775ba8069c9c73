import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Role } from '../src/modules/accounts/service.ts';
import type { AuditEntry } from '../src/modules/audit/service.ts';
import { actingAs, client, createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork, signedInAs } from './admin-helpers.ts';

// Every write to content, media and the curated home, through both doors —
// the API with a bearer token and the admin with a session and its CSRF
// token — leaves exactly one audit row per item it changed (the commands
// write it in their own transaction), naming the account, the target and the
// client's address; a refused write leaves none.

const NEWSROOM: Role[] = ['writer', 'editor', 'editor-in-chief'];

interface Fixture {
  id: number;
  version: number;
  /** a second item the write also changes (a translation taken down with its original) */
  also?: number;
  revision?: number;
}

interface Case {
  name: string;
  door: 'api' | 'admin';
  as: Role;
  /** the item (or picture) the write acts on, made fresh for each case */
  prepare?: () => Promise<Fixture>;
  send: (f: Fixture | undefined) => Promise<{ status: number; target?: string }>;
  /** a successful write: its status and the audit rows it must leave, in order */
  ok?: { status: number; rows: (f: Fixture | undefined, target: string | undefined) => { action: string; target: string }[] };
  /** a refused write: its status, and no row */
  refused?: number;
}

for (const engine of engines()) {
  describe(`every content, media and home write is audited once, through the API and the admin (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let central: { id: number; slug: string };
    let png: Buffer;
    const browsers = new Map<Role, AdminBrowser>();
    const api = (role: Role) => client(server.url, net.tokens[role]);

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      central = net.central;
      for (const role of [...NEWSROOM, 'admin'] as Role[]) {
        const b = await signedInAs(portOf(server.url), CENTRAL, net.emails[role]);
        await b.get('/admin');
        browsers.set(role, b);
      }
      png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#0a7' } })
        .png()
        .toBuffer();
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    const portal = () => env.services.portals.require('chinhphu');
    const by = (role: Role) => actingAs({ accountId: net.accountIds[role], roles: [role] });
    let n = 0;
    const title = () => `Bài kiểm tra nhật ký ${++n}`;

    /** A draft of the writer's, moved on by the editor-in-chief to `state`. */
    async function item(state: 'draft' | 'submitted' | 'published' = 'draft'): Promise<Fixture> {
      let it = await env.services.content.create(await portal(), by('writer'), { type: 'news', lang: 'vi', title: title(), body: '<p>Mở đầu.</p>' });
      if (state === 'submitted') it = await env.services.content.act(it, by('writer'), { action: 'submit' });
      if (state === 'published') it = await env.services.content.act(it, by('editor-in-chief'), { action: 'publish' });
      return { id: it.id, version: it.version };
    }
    /** A published original with a published English translation. */
    async function withTranslation(): Promise<Fixture> {
      const original = await item('published');
      const en = await env.services.content.create(await portal(), by('writer'), { type: 'news', lang: 'en', title: `Audit test ${n}`, body: '<p>Start.</p>', translationOf: original.id });
      await env.services.content.act(en, by('editor-in-chief'), { action: 'publish' });
      return { ...original, also: en.id };
    }
    /** A draft edited once, so that its first revision can be restored. */
    async function edited(): Promise<Fixture> {
      const first = await item();
      const it = await env.services.content.update((await env.services.content.find(first.id))!, by('writer'), { version: first.version, title: title() });
      return { id: it.id, version: it.version, revision: 1 };
    }
    async function picture(): Promise<Fixture> {
      const m = await env.services.media.upload(await portal(), by('writer'), { filename: 'o.png', mime: 'image/png', data: png, alt: 'Ô vuông' });
      return { id: m.id, version: 0 };
    }

    const itemRow = (action: string) => (f: Fixture | undefined) => [{ action, target: `item:${f!.id}` }];
    const created = (_f: Fixture | undefined, target: string | undefined) => [{ action: 'item-created', target: target! }];
    const itemOfLocation = (location: string | undefined) => `item:${/\/(?:articles|items)\/(\d+)/.exec(location ?? '')?.[1]}`;
    const news = () => ({ type: 'news', lang: 'vi', title: title(), body: '<p>Nội dung.</p>' });
    const flow = (action: string, extra: Record<string, string> = {}) => ({ action, ...extra });
    const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
    // the admin's schedule field is a Vietnam wall-clock time
    const futureLocal = () => new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    const home = () => ({ featured: [], breaking: { text: `Tin nóng ${++n}`, url: '/tin-tuc', until: '2099-01-01T00:00:00.000Z' } });

    const apiCall = async (role: Role, method: 'post' | 'patch', path: string, body: unknown) => {
      const r = await api(role)[method](path, body);
      return { status: r.status, target: itemOfLocation(r.headers.get('location') ?? undefined) };
    };
    const putHome = async (role: Role, body: unknown) => {
      const r = await fetch(`${server.url}/api/v1/portals/chinhphu/home?lang=vi`, { method: 'PUT', headers: { authorization: `Bearer ${net.tokens[role]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status };
    };
    const form = async (role: Role, path: string, fields: Record<string, string>, page = path) => {
      const b = browsers.get(role)!;
      await b.get(page); // a fresh CSRF token, from a page of the admin
      const r = await b.post(path, fields);
      return { status: r.status, target: itemOfLocation(r.location) };
    };

    const cases: Case[] = [
      // ----- the API -----
      { name: 'create', door: 'api', as: 'writer', send: () => apiCall('writer', 'post', '/api/v1/portals/chinhphu/articles', news()), ok: { status: 201, rows: created } },
      {
        name: 'translate (create with translationOf)',
        door: 'api',
        as: 'writer',
        prepare: () => item(),
        send: (f) => apiCall('writer', 'post', '/api/v1/portals/chinhphu/articles', { ...news(), lang: 'en', title: `Translation ${n}`, translationOf: f!.id }),
        ok: { status: 201, rows: created },
      },
      { name: 'update', door: 'api', as: 'writer', prepare: () => item(), send: (f) => apiCall('writer', 'patch', `/api/v1/articles/${f!.id}`, { version: f!.version, title: title() }), ok: { status: 200, rows: itemRow('item-edited') } },
      {
        name: 'update of a published item',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('published'),
        send: (f) => apiCall('editor-in-chief', 'patch', `/api/v1/articles/${f!.id}`, { version: f!.version, title: title(), changeNote: 'Sửa số liệu' }),
        ok: { status: 200, rows: itemRow('item-edited') },
      },
      { name: 'workflow submit', door: 'api', as: 'writer', prepare: () => item(), send: (f) => apiCall('writer', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'submit' }), ok: { status: 200, rows: itemRow('transition') } },
      {
        name: 'workflow approve',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'approve' }),
        ok: { status: 200, rows: itemRow('transition') },
      },
      {
        name: 'workflow reject',
        door: 'api',
        as: 'editor',
        prepare: () => item('submitted'),
        send: (f) => apiCall('editor', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'reject', note: 'Thiếu nguồn' }),
        ok: { status: 200, rows: itemRow('transition') },
      },
      {
        name: 'workflow publish',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'publish' }),
        ok: { status: 200, rows: itemRow('transition') },
      },
      {
        name: 'workflow schedule',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'schedule', at: future() }),
        ok: { status: 200, rows: itemRow('transition') },
      },
      {
        name: 'workflow unpublish',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('published'),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'unpublish', note: 'Số liệu sai' }),
        ok: { status: 200, rows: itemRow('transition') },
      },
      {
        name: 'workflow unpublish of an original takes its translation down: one row per item',
        door: 'api',
        as: 'editor-in-chief',
        prepare: withTranslation,
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'unpublish', note: 'Số liệu sai' }),
        ok: {
          status: 200,
          rows: (f) => [
            { action: 'transition', target: `item:${f!.id}` },
            { action: 'transition', target: `item:${f!.also}` },
          ],
        },
      },
      { name: 'home PUT', door: 'api', as: 'editor-in-chief', send: () => putHome('editor-in-chief', home()), ok: { status: 200, rows: () => [{ action: 'home-updated', target: 'home:chinhphu:vi' }] } },
      // refused through the API
      { name: 'create by a role that may not write (403)', door: 'api', as: 'analyst', send: () => apiCall('analyst', 'post', '/api/v1/portals/chinhphu/articles', news()), refused: 403 },
      { name: 'create with a bad field (422)', door: 'api', as: 'writer', send: () => apiCall('writer', 'post', '/api/v1/portals/chinhphu/articles', { ...news(), meta: { nope: 1 }, section: 'khong-co' }), refused: 422 },
      {
        name: "update of someone else's draft (403)",
        door: 'api',
        as: 'writer',
        prepare: async () => {
          const it = await env.services.content.create(await portal(), actingAs({ accountId: net.otherWriter.id, roles: ['writer'] }), news());
          return { id: it.id, version: it.version };
        },
        send: (f) => apiCall('writer', 'patch', `/api/v1/articles/${f!.id}`, { version: f!.version, title: title() }),
        refused: 403,
      },
      { name: 'update of an unknown item (404)', door: 'api', as: 'writer', send: () => apiCall('writer', 'patch', '/api/v1/articles/999999', { version: 1, title: title() }), refused: 404 },
      { name: 'update of a stale version (409)', door: 'api', as: 'writer', prepare: () => edited(), send: (f) => apiCall('writer', 'patch', `/api/v1/articles/${f!.id}`, { version: 1, title: title() }), refused: 409 },
      {
        name: 'workflow action not allowed in the state (409)',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item(),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'approve' }),
        refused: 409,
      },
      { name: 'workflow publish by a writer (403)', door: 'api', as: 'writer', prepare: () => item(), send: (f) => apiCall('writer', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'publish' }), refused: 403 },
      {
        name: 'unpublish without a reason (422)',
        door: 'api',
        as: 'editor-in-chief',
        prepare: () => item('published'),
        send: (f) => apiCall('editor-in-chief', 'post', `/api/v1/articles/${f!.id}/workflow`, { action: 'unpublish' }),
        refused: 422,
      },
      { name: 'home PUT by a writer (403)', door: 'api', as: 'writer', send: () => putHome('writer', home()), refused: 403 },
      { name: 'home PUT pinning an unpublished item (422)', door: 'api', as: 'editor-in-chief', prepare: () => item(), send: (f) => putHome('editor-in-chief', { featured: [{ id: f!.id }], breaking: null }), refused: 422 },

      // ----- the admin -----
      { name: 'create', door: 'admin', as: 'writer', send: () => form('writer', '/admin/items', news(), '/admin/items/new?type=news'), ok: { status: 303, rows: created } },
      {
        name: 'translate (create with translationOf)',
        door: 'admin',
        as: 'writer',
        prepare: () => item(),
        send: (f) => form('writer', '/admin/items', { ...news(), lang: 'en', title: `Translation ${n}`, translationOf: String(f!.id) }, '/admin/items/new?type=news'),
        ok: { status: 303, rows: created },
      },
      {
        name: 'update',
        door: 'admin',
        as: 'writer',
        prepare: () => item(),
        send: (f) => form('writer', `/admin/items/${f!.id}`, { title: title(), body: '<p>Sửa.</p>', version: String(f!.version) }),
        ok: { status: 303, rows: itemRow('item-edited') },
      },
      {
        name: 'restore a revision',
        door: 'admin',
        as: 'writer',
        prepare: () => edited(),
        send: (f) => form('writer', `/admin/items/${f!.id}/restore`, { revision: String(f!.revision), version: String(f!.version) }, `/admin/items/${f!.id}/history`),
        ok: { status: 303, rows: itemRow('item-restored') },
      },
      {
        name: 'workflow submit',
        door: 'admin',
        as: 'writer',
        prepare: () => item(),
        send: (f) => form('writer', `/admin/items/${f!.id}/workflow`, flow('submit', { version: String(f!.version) }), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow approve',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('approve'), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow reject',
        door: 'admin',
        as: 'editor',
        prepare: () => item('submitted'),
        send: (f) => form('editor', `/admin/items/${f!.id}/workflow`, flow('reject', { note: 'Thiếu nguồn' }), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow publish',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('publish'), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow schedule',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item('submitted'),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('schedule', { at: futureLocal() }), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow unpublish',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item('published'),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('unpublish', { note: 'Số liệu sai' }), `/admin/items/${f!.id}`),
        ok: { status: 303, rows: itemRow('transition') },
      },
      {
        name: 'workflow unpublish of an original takes its translation down: one row per item',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: withTranslation,
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('unpublish', { note: 'Số liệu sai' }), `/admin/items/${f!.id}`),
        ok: {
          status: 303,
          rows: (f) => [
            { action: 'transition', target: `item:${f!.id}` },
            { action: 'transition', target: `item:${f!.also}` },
          ],
        },
      },
      {
        name: 'media upload',
        door: 'admin',
        as: 'writer',
        send: async () => {
          const b = browsers.get('writer')!;
          await b.get('/admin/media');
          const r = await b.upload('/admin/media', { alt: 'Ô vuông xanh' }, { name: 'o.png', type: 'image/png', data: png });
          return { status: r.status, target: `media:${/\/admin\/media\/(\d+)/.exec(r.location ?? '')?.[1]}` };
        },
        ok: { status: 303, rows: (_f, target) => [{ action: 'media-uploaded', target: target! }] },
      },
      {
        name: 'media update',
        door: 'admin',
        as: 'writer',
        prepare: picture,
        send: (f) => form('writer', `/admin/media/${f!.id}`, { alt: 'Ô vuông màu xanh', caption: '', credit: '' }),
        ok: { status: 303, rows: (f) => [{ action: 'media-updated', target: `media:${f!.id}` }] },
      },
      {
        name: 'home',
        door: 'admin',
        as: 'editor-in-chief',
        send: () => form('editor-in-chief', '/admin/home?lang=vi', { b_text: `Tin nóng ${++n}`, b_url: '/tin-tuc', b_until: '2099-01-02T00:00' }, '/admin/home?lang=vi'),
        ok: { status: 303, rows: () => [{ action: 'home-updated', target: 'home:chinhphu:vi' }] },
      },
      // refused through the admin
      { name: 'create without a title (422)', door: 'admin', as: 'writer', send: () => form('writer', '/admin/items', { ...news(), title: '' }, '/admin/items/new?type=news'), refused: 422 },
      {
        name: "update of someone else's draft (403)",
        door: 'admin',
        as: 'writer',
        prepare: async () => {
          const it = await env.services.content.create(await portal(), actingAs({ accountId: net.otherWriter.id, roles: ['writer'] }), news());
          return { id: it.id, version: it.version };
        },
        send: (f) => form('writer', `/admin/items/${f!.id}`, { title: title(), version: String(f!.version) }, '/admin/items'),
        refused: 403,
      },
      { name: 'update of an unknown item (404)', door: 'admin', as: 'writer', send: () => form('writer', '/admin/items/999999', { title: title(), version: '1' }, '/admin/items'), refused: 404 },
      {
        name: 'update of a stale version (409)',
        door: 'admin',
        as: 'writer',
        prepare: () => edited(),
        send: (f) => form('writer', `/admin/items/${f!.id}`, { title: title(), body: '<p>x</p>', version: '1' }, `/admin/items/${f!.id}`),
        refused: 409,
      },
      {
        name: 'restore of an unknown revision (404)',
        door: 'admin',
        as: 'writer',
        prepare: () => edited(),
        send: (f) => form('writer', `/admin/items/${f!.id}/restore`, { revision: '99', version: String(f!.version) }, `/admin/items/${f!.id}/history`),
        refused: 404,
      },
      {
        name: 'restore of a stale version (409)',
        door: 'admin',
        as: 'writer',
        prepare: () => edited(),
        send: (f) => form('writer', `/admin/items/${f!.id}/restore`, { revision: '1', version: '1' }, `/admin/items/${f!.id}/history`),
        refused: 409,
      },
      {
        name: 'workflow action not allowed in the state (409)',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item(),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('approve'), `/admin/items/${f!.id}`),
        refused: 409,
      },
      { name: 'workflow publish by a writer (403)', door: 'admin', as: 'writer', prepare: () => item(), send: (f) => form('writer', `/admin/items/${f!.id}/workflow`, flow('publish'), `/admin/items/${f!.id}`), refused: 403 },
      {
        name: 'unpublish without a reason (422)',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item('published'),
        send: (f) => form('editor-in-chief', `/admin/items/${f!.id}/workflow`, flow('unpublish'), `/admin/items/${f!.id}`),
        refused: 422,
      },
      {
        name: 'media upload without alt text (422)',
        door: 'admin',
        as: 'writer',
        send: async () => {
          const b = browsers.get('writer')!;
          await b.get('/admin/media');
          return { status: (await b.upload('/admin/media', { alt: '' }, { name: 'o.png', type: 'image/png', data: png })).status };
        },
        refused: 422,
      },
      { name: 'media update without alt text (422)', door: 'admin', as: 'writer', prepare: picture, send: (f) => form('writer', `/admin/media/${f!.id}`, { alt: '' }), refused: 422 },
      { name: 'media update of an unknown picture (404)', door: 'admin', as: 'writer', send: () => form('writer', '/admin/media/999999', { alt: 'x' }, '/admin/media'), refused: 404 },
      { name: 'home by a writer (403)', door: 'admin', as: 'writer', send: () => form('writer', '/admin/home?lang=vi', { b_text: 'x', b_until: '2099-01-02T00:00' }, '/admin'), refused: 403 },
      {
        name: 'home pinning an unpublished item (422)',
        door: 'admin',
        as: 'editor-in-chief',
        prepare: () => item(),
        send: (f) => form('editor-in-chief', '/admin/home?lang=vi', { order_0: '1', id_0: String(f!.id) }, '/admin/home?lang=vi'),
        refused: 422,
      },
    ];

    /** The central portal's audit rows after `id`, oldest first. */
    const rowsAfter = async (id: number): Promise<AuditEntry[]> => (await env.services.audit.list(central.id, { limit: 10_000 })).filter((e) => e.id > id).reverse();
    const lastId = async () => (await env.services.audit.list(central.id, { limit: 1 }))[0]?.id ?? 0;

    for (const c of cases) {
      it(`${c.door}: ${c.name}`, async () => {
        const fixture = await c.prepare?.();
        const mark = await lastId();
        const answer = await c.send(fixture);
        const rows = await rowsAfter(mark);
        if (c.refused !== undefined) {
          assert.equal(answer.status, c.refused);
          assert.deepEqual(
            rows.map((r) => `${r.action} ${r.target}`),
            [],
            'a refused write leaves no audit row',
          );
          return;
        }
        assert.equal(answer.status, c.ok!.status);
        const expected = c.ok!.rows(fixture, answer.target);
        assert.deepEqual(
          rows.map((r) => ({ action: r.action, target: r.target })),
          expected,
        );
        for (const r of rows) {
          assert.equal(r.actor, net.emails[c.as]);
          assert.equal(r.accountId, net.accountIds[c.as]);
          assert.equal(r.portalId, central.id);
          assert.equal(r.ip, '127.0.0.1');
        }
      });
    }

    it('admin autosaves are kept as revisions but not audited, as before', async () => {
      const f = await item();
      const b = browsers.get('writer')!;
      await b.get(`/admin/items/${f.id}`);
      const mark = await lastId();
      const r = await b.post(`/admin/items/${f.id}/autosave`, { title: title(), body: '<p>Đang viết.</p>', version: String(f.version) });
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assert.deepEqual(await rowsAfter(mark), []);
    });

    it('a scheduled publication run by the outbox writes no audit row, as before', async () => {
      const f = await item('submitted');
      const before = await lastId();
      // the job itself, called as the outbox would call it once the time has come
      const it = (await env.services.content.find(f.id))!;
      const scheduled = await env.services.content.act(it, by('editor-in-chief'), { action: 'schedule', at: future() });
      const mark = await lastId();
      assert.equal(mark > before, true, 'the scheduling itself is audited');
      await env.services.content.publishScheduled({ itemId: f.id, scheduledAt: scheduled.scheduledAt! });
      assert.equal((await env.services.content.find(f.id))!.status, 'published');
      assert.deepEqual(await rowsAfter(mark), []);
    });
  });
}
