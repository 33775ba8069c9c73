import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { actingAs, engines, seedNetwork } from './helpers.ts';
import { CENTRAL, pageAfterChange, pathOf, type SiteEnv, startSite } from './site-helpers.ts';
import type { Item } from '../src/modules/content/index.ts';
import type { Actor } from '../src/modules/workflow/rules.ts';
import type { Portal } from '../src/modules/portals/service.ts';
import { surrogateKeys } from '../src/modules/pagecache/keys.ts';
import { KeyedMemo } from '../src/modules/pagecache/memo.ts';

// The "related" box of an article: items sharing the most of its tags first
// (newest first among equals), then its section's newest, then its type's;
// never the item itself, its translations, other languages, other portals,
// drafts or withdrawn items. The tags are read through item_tags, which
// triggers keep in step with every write; the page names each item it shows,
// so a change to one of them drops the cached page.

/** Titles of the related box, in order. */
function relatedTitles(page: string): string[] {
  const box = /<section aria-labelledby="related">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
  return [...box.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
}

describe('KeyedMemo (the per-process cache of lists, entries and answers)', () => {
  test('keeps a value until a message names one of its keys, or its time is up', async () => {
    let now = 0;
    const memo = new KeyedMemo<string[]>({ ttlMs: 1000, maxEntries: 10, now: () => now });
    let loads = 0;
    const load = async () => {
      loads++;
      return ['a', 'b'];
    };
    await memo.get('list', (v) => v.map((x) => `item-${x}`), load);
    await memo.get('list', (v) => v.map((x) => `item-${x}`), load);
    assert.equal(loads, 1);
    memo.apply(['item-z']);
    await memo.get('list', [], load);
    assert.equal(loads, 1, 'an unrelated key leaves it');
    memo.apply(['item-b']);
    await memo.get('list', ['item-b'], load);
    assert.equal(loads, 2, 'a key worked out from the value drops it');
    now = 1500;
    await memo.get('list', ['item-b'], load);
    assert.equal(loads, 3, 'the time limit is a safety net');
    memo.apply('all');
    assert.equal(memo.size, 0);
  });

  test('a value loaded while an invalidation came in is answered but not kept', async () => {
    const memo = new KeyedMemo<number>({ ttlMs: 60_000, maxEntries: 10 });
    let release!: () => void;
    const slow = memo.get('x', ['k'], () => new Promise<number>((r) => (release = () => r(1))));
    memo.apply(['k']);
    release();
    assert.equal(await slow, 1);
    assert.equal(memo.peek('x'), undefined);
    await memo.load(
      async () => [2, 3],
      (vs) => vs.map((v) => [`v${v}`, v, [`key-${v}`]]),
    );
    assert.equal(memo.peek('v2'), 2);
    memo.apply(['key-2']);
    assert.equal(memo.peek('v2'), undefined);
    assert.equal(memo.peek('v3'), 3);
  });
});

for (const engine of engines()) {
  describe(`related items (${engine})`, () => {
    let env: SiteEnv;
    let central: Portal;
    let hanoi: Portal;
    let chief: Actor;
    let sectionIds: number[];
    const items: Record<string, Item> = {};

    const publish = async (portal: Portal, name: string, input: { type?: string; lang?: string; section?: string | null; tags: string[]; translationOf?: number }) => {
      const created = await env.services.content.create(portal, actingAs(chief), {
        type: input.type ?? 'news',
        lang: input.lang ?? 'vi',
        title: `Tin ${name}`,
        summary: `Tóm tắt ${name}.`,
        body: `<p>Nội dung ${name}.</p>`,
        section: input.section === undefined ? 'tin-tuc' : input.section,
        tags: input.tags,
        translationOf: input.translationOf,
      });
      items[name] = await env.services.content.act(created, actingAs(chief), { action: 'publish' });
      return items[name];
    };

    before(async () => {
      env = await startSite(engine, { empty: true });
      const net = await seedNetwork(env.services);
      chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief'] };
      central = await env.services.portals.require('chinhphu');
      hanoi = await env.services.portals.require('hanoi');
      // the system acting in Hanoi (no account): the central chief has no role there
      const hanoiChief: Actor = { accountId: null, roles: ['admin'] };
      const { content } = env.services;

      // oldest first: publication order is date order
      await publish(central, 'section-old', { tags: ['thời tiết'] });
      await publish(central, 'two-shared', { tags: ['giao thông', 'đô thị', 'khác'], section: 'van-ban' });
      await publish(central, 'one-shared-older', { tags: ['giao thông'], section: null, type: 'directive' });
      await publish(central, 'withdrawn-shared', { tags: ['giao thông', 'đô thị'] }); // unpublished below
      await publish(central, 'section-1', { tags: [] });
      await publish(central, 'section-2', { tags: ['y tế'] });
      await publish(central, 'one-shared-newer', { tags: ['quy hoạch'], section: 'van-ban' });
      await publish(central, 'english-shared', { tags: ['giao thông', 'đô thị', 'quy hoạch'], lang: 'en' });
      const other = await content.create(hanoi, actingAs(hanoiChief), { type: 'news', lang: 'vi', title: 'Tin Hà Nội', summary: 'Tóm tắt.', body: '<p>Nội dung.</p>', section: 'tin-tuc', tags: ['giao thông', 'đô thị', 'quy hoạch'] });
      items['other-portal'] = await content.act(other, actingAs(hanoiChief), { action: 'publish' });
      await content.create(central, actingAs(chief), { type: 'news', lang: 'vi', title: 'Tin draft', summary: 'Tóm tắt.', body: '<p>Nội dung.</p>', section: 'tin-tuc', tags: ['giao thông', 'đô thị', 'quy hoạch'] });
      await publish(central, 'article', { tags: ['giao thông', 'đô thị', 'quy hoạch'] });
      await publish(central, 'article-en', { tags: ['giao thông', 'đô thị', 'quy hoạch'], lang: 'en', translationOf: items.article.id });
      await content.act(await content.getForMember(items['withdrawn-shared'].id), actingAs(chief), { action: 'unpublish', note: 'Rút lại.' });
      sectionIds = (await env.services.portals.sections(central.id)).filter((s) => s.slug === 'tin-tuc').map((s) => s.id);
    });
    after(() => env?.close());

    test('items sharing the most tags come first, then the newest of the section; nothing unrelated', async () => {
      const r = await env.get(CENTRAL, pathOf(items.article));
      assert.equal(r.status, 200);
      // two shared tags beat one, however old; among one shared tag the newer first; then the section, newest first
      assert.deepEqual(relatedTitles(r.text), ['Tin two-shared', 'Tin one-shared-newer', 'Tin one-shared-older', 'Tin section-2', 'Tin section-1']);
      for (const absent of ['Tin article', 'Tin article-en', 'Tin english-shared', 'Tin Hà Nội', 'Tin withdrawn-shared', 'Tin draft', 'Tin section-old']) {
        assert.ok(!relatedTitles(r.text).includes(absent), `${absent} is not related`);
      }
      // the page names every item it shows, so a change to any of them drops it from caches
      const keys = String(r.headers['surrogate-key']).split(' ');
      for (const name of ['two-shared', 'one-shared-newer', 'one-shared-older', 'section-2', 'section-1']) assert.ok(keys.includes(surrogateKeys.item(items[name].id)), `key of ${name}`);
    });

    test('without shared tags: the section, then the type; the item itself and its translations never', async () => {
      const { content } = env.services;
      const article = await content.publicItemBySlug(central, 'vi', items['section-1'].slug);
      const related = await content.relatedPublished(central, article!, sectionIds, 5);
      // tin-tuc's other published items, newest first, then the newest news outside it
      assert.deepEqual(
        related.map((i) => i.title),
        ['Tin article', 'Tin section-2', 'Tin section-old', 'Tin one-shared-newer', 'Tin two-shared'],
      );
      const directive = await content.publicItemBySlug(central, 'vi', items['one-shared-older'].slug);
      // a directive without a section and with one tag: its tag's items first, then other directives (none here)
      assert.deepEqual(
        (await content.relatedPublished(central, directive!, [], 5)).map((i) => i.title),
        ['Tin article', 'Tin two-shared'],
      );
      const en = await content.publicItemBySlug(central, 'en', items['article-en'].slug);
      assert.deepEqual(
        (await content.relatedPublished(central, en!, sectionIds, 5)).map((i) => i.title),
        ['Tin english-shared'],
      );
    });

    test('tag pages and their counts come from item_tags: published items of the portal and language only, newest first, paged', async () => {
      const { content } = env.services;
      const titles = async (limit: number, offset = 0, excludeIds?: number[]) => (await content.listPublished(central, { lang: 'vi', tag: 'giao thông', excludeIds }, { limit, offset })).map((i) => i.title);
      assert.deepEqual(await titles(10), ['Tin article', 'Tin one-shared-older', 'Tin two-shared']);
      assert.deepEqual(await titles(2), ['Tin article', 'Tin one-shared-older']);
      assert.deepEqual(await titles(2, 2), ['Tin two-shared']);
      assert.deepEqual(await titles(10, 0, [items.article.id]), ['Tin one-shared-older', 'Tin two-shared']);
      assert.equal(await content.countPublished(central, { lang: 'vi', tag: 'giao thông' }), 3);
      assert.equal(await content.countPublished(central, { lang: 'vi', tag: ' giao thông ' }), 3, 'the name is trimmed like a saved tag');
      assert.equal(await content.countPublished(central, { lang: 'vi', tag: 'giao' }), 0, 'a whole tag, not a part of one');
      assert.equal(await content.countPublished(central, { lang: 'en', tag: 'giao thông' }), 2);

      const page = await env.get(CENTRAL, `/tag/${encodeURIComponent('giao thông')}`);
      assert.equal(page.status, 200);
      for (const shown of ['Tin article', 'Tin one-shared-older', 'Tin two-shared']) assert.ok(page.text.includes(shown), `${shown} on the tag page`);
      for (const absent of ['Tin withdrawn-shared', 'Tin draft', 'Tin Hà Nội', 'Tin english-shared', 'Tin section-1']) assert.ok(!page.text.includes(absent), `${absent} not on the tag page`);
      const en = await env.get(CENTRAL, `/en/tag/${encodeURIComponent('giao thông')}`);
      assert.ok(en.text.includes('Tin english-shared') && en.text.includes('Tin article-en') && !en.text.includes('Tin one-shared-older'));
    });

    test('tag edits and withdrawals are seen at once (item_tags follows every write)', async () => {
      const { content } = env.services;
      const article = (await content.publicItemBySlug(central, 'vi', items.article.slug))!;
      const titles = async () => (await content.relatedPublished(central, article, sectionIds, 5)).map((i) => i.title);
      // section-old gains all three tags: it now shares the most
      const old = await content.getForMember(items['section-old'].id);
      await content.update(old, actingAs(chief), { version: old.version, tags: ['thời tiết', 'giao thông', 'đô thị', 'quy hoạch'], changeNote: 'Bổ sung chủ đề.' });
      assert.equal((await titles())[0], 'Tin section-old');
      // two-shared loses its tags, and one-shared-newer is withdrawn
      const two = await content.getForMember(items['two-shared'].id);
      await content.update(two, actingAs(chief), { version: two.version, tags: [], changeNote: 'Bỏ chủ đề.' });
      await content.act(await content.getForMember(items['one-shared-newer'].id), actingAs(chief), { action: 'unpublish', note: 'Rút lại.' });
      // then the section, and when it runs out the newest news: two-shared, now without tags
      assert.deepEqual(await titles(), ['Tin section-old', 'Tin one-shared-older', 'Tin section-2', 'Tin section-1', 'Tin two-shared']);
    });

    test('an edit to an item in the box shows on the cached article page at the next request', async () => {
      const { content } = env.services;
      const path = pathOf(items.article);
      await env.get(CENTRAL, path);
      assert.equal((await env.get(CENTRAL, path)).headers['x-cache'], 'HIT');
      const shown = await content.getForMember(items['section-2'].id);
      await content.update(shown, actingAs(chief), { version: shown.version, title: 'Tin section-2 (sửa)', changeNote: 'Sửa tiêu đề.' });
      await pageAfterChange(env, CENTRAL, path, (r) => relatedTitles(r.text).includes('Tin section-2 (sửa)'));
    });

    test('with the page cache off, the box follows publications at once (its cached lists drop with the pages)', async () => {
      const { content, pagecache } = env.services;
      const settings = pagecache.settings as { enabled: boolean };
      settings.enabled = false;
      try {
        const path = pathOf(items.article);
        const page = async () => {
          const r = await env.get(CENTRAL, path);
          assert.equal(r.headers['x-cache'], 'BYPASS');
          return relatedTitles(r.text);
        };
        const before = await page();
        assert.deepEqual(await page(), before);
        await publish(central, 'fresh-shared', { tags: ['giao thông', 'đô thị', 'quy hoạch'] });
        await pagecache.settled();
        assert.deepEqual(await page(), ['Tin fresh-shared', ...before.slice(0, 4)]);
        await content.act(await content.getForMember(items['fresh-shared'].id), actingAs(chief), { action: 'unpublish', note: 'Rút lại.' });
        await pagecache.settled();
        assert.deepEqual(await page(), before);
      } finally {
        settings.enabled = true;
      }
    });
  });
}
