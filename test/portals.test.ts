import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONTACT, createTestEnv, engines, postgresSkip, seedNetwork, type TestEnv } from './helpers.ts';

if (postgresSkip) describe('portals on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`portals on ${engine}`, () => {
    let env: TestEnv;
    before(async () => {
      env = await createTestEnv(engine);
      await seedNetwork(env.services);
    });
    after(() => env.close());

    it('routes by registered hostname and by <slug>.localhost, and nothing else', async () => {
      const { portals } = env.services;
      await portals.update('hanoi', { hosts: ['hanoi.gov.vn', 'www.hanoi.gov.vn'] });
      assert.equal((await portals.byHost('hanoi.gov.vn'))?.slug, 'hanoi');
      assert.equal((await portals.byHost('WWW.Hanoi.gov.vn.:443'))?.slug, 'hanoi');
      assert.equal((await portals.byHost('chinhphu.localhost:3000'))?.slug, 'chinhphu');
      assert.equal(await portals.byHost('localhost:3000'), undefined, 'bare localhost is the network index');
      assert.equal(await portals.byHost('evil.example'), undefined);
      assert.equal(await portals.byHost(undefined), undefined);
    });

    it('updates settings, keeps hostnames unique across portals, and validates every field', async () => {
      const { portals } = env.services;
      const updated = await portals.update('hanoi', { names: { vi: 'Cổng Giao tiếp điện tử Hà Nội', en: 'Hanoi City Portal' }, contact: { phone: '1022' }, languages: ['vi', 'en', 'zh'] });
      assert.equal(updated.name.en, 'Hanoi City Portal');
      assert.equal(updated.contact.phone, '1022');
      assert.equal(updated.contact.unit, CONTACT.unit, 'a partial contact keeps the other fields');
      assert.deepEqual(updated.languages, ['vi', 'en', 'zh']);
      await assert.rejects(portals.update('chinhphu', { hosts: ['hanoi.gov.vn'] }), /already belongs/);
      await assert.rejects(portals.update('hanoi', { languages: ['en'] }), (e: any) => e.status === 422 && e.errors[0].path === '/languages');
      await assert.rejects(portals.update('hanoi', { contact: { email: ' ' } }), (e: any) => e.errors[0].path === '/contact/email');
      await assert.rejects(portals.update('hanoi', { hosts: ['not a host'] }), (e: any) => e.errors[0].path === '/hosts/0');
      await assert.rejects(portals.update('nowhere', { kind: 'ministry' }), (e: any) => e.status === 404);
      assert.equal((await portals.bySlug('hanoi'))?.hosts.includes('hanoi.gov.vn'), true, 'failed updates change nothing');
    });

    it('updates sections and sub-site menus', async () => {
      const { portals } = env.services;
      const hanoi = (await portals.bySlug('hanoi'))!;
      const s = await portals.updateSection(hanoi, 'chuyen-doi-so', { themeColor: '#0b5394', menu: [{ label: { vi: 'Giới thiệu', en: 'About' }, href: '/chuyen-doi-so/gioi-thieu' }], names: { vi: 'Hà Nội số' } });
      assert.equal(s.themeColor, '#0b5394');
      assert.equal(s.menu[0].label.en, 'About');
      assert.equal(s.name.vi, 'Hà Nội số');
      await assert.rejects(portals.updateSection(hanoi, 'chuyen-doi-so', { themeColor: 'blue' }), (e: any) => e.status === 422);
      await assert.rejects(portals.updateSection(hanoi, 'khong-co', { position: 1 }), (e: any) => e.status === 404);
      await assert.rejects(portals.createSection(hanoi, { slug: 'tin-tuc', names: { vi: 'Trùng' } }), (e: any) => e.status === 409);
    });
  });
}
