import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GalleryMeta, LegalDocumentMeta, ProcedureMeta, VideoMeta } from '../src/modules/content/index.ts';
import { createTestEnv, engines, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { AdminBrowser, CENTRAL, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';

// The editor's type-specific fields come from the content module's meta
// schemas: every field a schema declares must be typeable in the new-item
// form, so a field added to a schema cannot be forgotten by the admin.

const SCHEMAS = { 'legal-document': LegalDocumentMeta, procedure: ProcedureMeta, video: VideoMeta, gallery: GalleryMeta };
/** Fields with an input of their own outside the type's fieldset. */
const OWN_INPUT = new Map([
  ['cover', 'cover'],
  ['socialText', 'socialText'],
]);
/** Attachments come with the item (received, or the demo's) and are kept, never typed. */
const KEPT_AS_THEY_ARE = new Set(['attachments']);

for (const engine of engines()) {
  void describe(`admin editor meta fields (${engine})`, () => {
    let env: TestEnv;
    let server: TestServer;
    let net: AdminNetwork;
    let port: number;

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedAdminNetwork(env.services);
      server = await startServer(env.services);
      port = portOf(server.url);
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    void it("shows an input for every field of each type's meta schema, and every choice the schema allows", async () => {
      const writer = new AdminBrowser(port, CENTRAL);
      assert.equal((await writer.signIn(net.emails.writer)).status, 303);
      for (const [type, schema] of Object.entries(SCHEMAS)) {
        const r = await writer.get(`/admin/items/new?type=${type}`);
        assert.equal(r.status, 200, type);
        const properties = Object.entries(schema.properties as Record<string, { enum?: string[] }>);
        assert.ok(properties.length > 2, `${type} has fields of its own`);
        for (const [key, property] of properties) {
          if (KEPT_AS_THEY_ARE.has(key)) continue;
          const name = OWN_INPUT.get(key) ?? `meta.${key}`;
          assert.match(r.text, new RegExp(`name="${name.replace('.', '\\.')}"`), `${type}: ${key} has an input`);
          for (const value of property.enum ?? []) assert.ok(r.text.includes(`<option value="${value}"`), `${type}: ${key} offers ${value}`);
        }
        for (const key of schema.required ?? []) assert.match(r.text, new RegExp(`name="meta\\.${key}"[^>]*required`), `${type}: ${key} is required`);
      }
    });
  });
}
