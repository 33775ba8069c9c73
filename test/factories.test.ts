import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_TYPES } from '../src/modules/content/types.ts';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { makeAccount, makeItem, makePortal, makeSection, signedIn } from './factories.ts';
import { portOf } from './admin-helpers.ts';

// The factories themselves: what they make is valid for the modules (every
// type publishes), and two calls never collide.

for (const engine of engines()) {
  describe(`test factories (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    before(async () => {
      env = await createTestEnv(engine);
      server = await startServer(env.services);
    });
    after(async () => {
      await server.close();
      await env.close();
    });

    it('make portals, sections, accounts and an item of every type, draft or published', async () => {
      const portal = await makePortal(env.services);
      const other = await makePortal(env.services, { kind: 'province', parent: portal.slug });
      assert.notEqual(portal.slug, other.slug);
      const section = await makeSection(env.services, portal);
      assert.ok(await env.services.portals.sectionBySlug(portal.id, section));
      const chief = await makeAccount(env.services, portal, 'editor-in-chief');
      const writer = await makeAccount(env.services, portal, 'writer');
      for (const type of CONTENT_TYPES) {
        const draft = await makeItem(env.services, portal, writer, { type });
        assert.equal(draft.status, 'draft', type);
        const published = await makeItem(env.services, portal, chief, { type, published: true });
        assert.equal(published.status, 'published', type);
      }
      const api = await fetch(`${server.url}/api/v1/portals/${portal.slug}/articles?limit=50`, { headers: { authorization: `Bearer ${chief.token}` } });
      assert.equal(api.status, 200);
    });

    it('sign an account in to the admin', async () => {
      const portal = await makePortal(env.services);
      const admin = await makeAccount(env.services, portal, 'admin');
      const browser = await signedIn(portOf(server.url), portal, admin);
      assert.equal((await browser.get('/admin/account')).status, 200);
    });
  });
}
