import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { actingAs, client, createTestEnv, engines, postgresSkip, sampleLegalDocument, seedNetwork, startServer, type Network, type TestEnv, type TestServer } from './helpers.ts';
import { exactWord, foldWord, htmlToText, stemEnglish, tokenize } from '../src/modules/search/analysis.ts';
import { parseQuery } from '../src/modules/search/query.ts';
import { findNumberInQuery, matchNumber, parseLegalNumber } from '../src/modules/search/legal-number.ts';
import { editsOf } from '../src/modules/search/spelling.ts';
import { matchExpression } from '../src/modules/search/sqlite.ts';
import { ContentService, type Item, type NewItem } from '../src/modules/content/index.ts';
import { OutboxWorker } from '../src/modules/outbox/outbox.ts';
import type { Actor } from '../src/modules/workflow/rules.ts';
import type { Portal } from '../src/modules/portals/service.ts';

// Search: text analysis, the query language, legal numbers, and — on each
// engine — an index that follows the workflow, ranking, filters, paging,
// snippets, suggestions, spelling correction, the HTTP API and bad input.

describe('text analysis', () => {
  it('folds diacritics and đ, and keeps an exact form with the tone as a digit', () => {
    assert.equal(foldWord('Chính phủ ĐẦU TƯ'), 'chinh phu dau tu');
    assert.equal(exactWord('bản'), 'ban3');
    assert.equal(exactWord('bán'), 'ban1');
    assert.equal(exactWord('bàn'), 'ban2');
    assert.equal(exactWord('ban'), 'ban0');
    assert.equal(exactWord('đường'), 'đương2');
    // old and new tone placement are one word
    assert.equal(exactWord('hoà'), exactWord('hòa'));
    assert.equal(exactWord('thuỷ'), exactWord('thủy'));
  });

  it('normalises to NFC: decomposed input gives the same tokens', () => {
    const composed = tokenize('Nghị định về đầu tư');
    const decomposed = tokenize('Nghị định về đầu tư'.normalize('NFD').normalize('NFC'));
    assert.deepEqual(
      decomposed.map((t) => t.exact),
      composed.map((t) => t.exact),
    );
    assert.deepEqual(
      tokenize('Nghị'.normalize('NFD').normalize('NFC')).map((t) => t.folded),
      ['nghi'],
    );
  });

  it('cuts Chinese into overlapping bigrams plus the last character', () => {
    assert.deepEqual(
      tokenize('越南政府').map((t) => t.folded),
      ['越南', '南政', '政府', '府'],
    );
    assert.deepEqual(
      tokenize('第42号议定').map((t) => t.folded),
      ['第', '42', '号议', '议定', '定'],
    );
  });

  it('stems English lightly and leaves Vietnamese syllables alone', () => {
    for (const [word, stem] of [
      ['decrees', 'decree'],
      ['decreed', 'decree'],
      ['ministries', 'ministry'],
      ['provinces', 'province'],
      ['planning', 'plan'],
      ['investing', 'invest'],
      ['taxes', 'tax'],
      ['status', 'status'],
      ['process', 'process'],
    ]) {
      assert.equal(stemEnglish(word), stem, word);
    }
    for (const w of ['nghieng', 'truong', 'thong', 'nguoi', 'chinh']) assert.equal(stemEnglish(w), w);
  });

  it('turns sanitized HTML into text', () => {
    assert.equal(htmlToText('<p>Một &amp; hai</p><ul><li>ba&nbsp;bốn</li></ul>'), 'Một & hai\nba bốn');
  });
});

describe('query language', () => {
  it('reads words, quoted phrases and exclusions', () => {
    const q = parseQuery('đầu tư "công nghệ thông tin" -vốn -"nhà ở"');
    assert.deepEqual(
      q.required.map((c) => [c.phrase, c.terms.map((t) => t.folded).join(' ')]),
      [
        [false, 'dau'],
        [false, 'tu'],
        [true, 'cong nghe thong tin'],
      ],
    );
    assert.deepEqual(
      q.excluded.map((c) => c.terms.map((t) => t.folded).join(' ')),
      ['von', 'nha o'],
    );
    assert.equal(q.withDiacritics, true);
  });

  it('treats a hyphen inside a word, or alone, as punctuation, not an exclusion', () => {
    const q = parseQuery('42/2022/NĐ-CP kinh tế - xã hội');
    assert.equal(q.excluded.length, 0);
    assert.deepEqual(
      q.required[0].terms.map((t) => t.folded),
      ['42', '2022', 'nd', 'cp'],
    );
    assert.equal(q.required[0].phrase, true);
  });

  it('survives unbalanced quotes, syntax characters, control characters and huge input', () => {
    assert.deepEqual(
      parseQuery('"chính phủ').required.map((c) => c.terms.length),
      [2],
    );
    assert.equal(
      parseQuery('" * : NEAR \' \\ ( ) AND OR NOT')
        .terms.map((t) => t.folded)
        .join(' '),
      'near and or not',
    );
    assert.equal(parseQuery('\u0000\u0007\u001b').empty, true);
    assert.equal(parseQuery('').empty, true);
    assert.equal(parseQuery('---').empty, true);
    const huge = parseQuery('thuế '.repeat(2500));
    assert.ok(huge.terms.length <= 16);
    // every term reaches FTS5 as a quoted string: nothing typed is syntax
    assert.equal(matchExpression(parseQuery('a OR b* NEAR:c -"d')), '{title head body} : ("a" AND "or" AND "b" AND "near" + "c") NOT {title head body} : ("d")');
  });

  it('finds legal numbers however they are typed', () => {
    const decree = parseLegalNumber('42/2022/NĐ-CP')!;
    assert.deepEqual(decree, { seq: 42, year: 2022, code: 'nd-cp' });
    for (const q of ['42/2022/NĐ-CP', '42/2022/ND-CP', 'nd 42/2022', 'Nghị định 42/2022', 'nghi dinh so 42/2022', 'decree 42/2022', '42/2022']) {
      const n = findNumberInQuery(q);
      assert.ok(n, q);
      assert.ok(matchNumber(n, decree), q);
    }
    assert.equal(matchNumber(findNumberInQuery('nd 42/2022')!, decree), 'type');
    assert.equal(matchNumber(findNumberInQuery('42/2022/ND-CP')!, decree), 'exact');
    assert.equal(matchNumber(findNumberInQuery('42/2022/TT-BTC')!, decree), undefined);
    assert.equal(matchNumber(findNumberInQuery('43/2022')!, decree), undefined);
    assert.deepEqual(parseLegalNumber('1234/QĐ-TTg'), { seq: 1234, year: null, code: 'qd-ttg' });
    assert.equal(findNumberInQuery('ngày 24/6/2022'), undefined, 'a date is not a number');
    assert.equal(findNumberInQuery('tháng 12/2024'), undefined, 'neither is a month');
  });

  it('lists one-edit neighbours for spelling correction', () => {
    const edits = editsOf('phuu');
    for (const w of ['phu', 'puhu', 'phua']) assert.ok(edits.includes(w), w);
    assert.ok(!edits.includes('phuu'));
  });
});

describe('lantoa reindex', () => {
  it('rebuilds the index from the command line, with help and one-line errors', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-reindex-'));
    const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('bin/lantoa.js'), ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 });
    try {
      const help = run('reindex', '--help');
      assert.equal(help.status, 0);
      assert.match(help.stdout, /rebuild the search index/);
      const done = run('reindex');
      assert.equal(done.status, 0, done.stderr);
      assert.match(done.stdout, /search index: 0 items indexed, 0 stale entries removed/);
      const bad = run('reindex', '--batch', 'lots');
      assert.equal(bad.status, 1);
      assert.equal(bad.stderr.trim().split('\n').length, 1);
      assert.match(bad.stderr, /--batch must be a whole number/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

if (postgresSkip) describe('search on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`search on ${engine}`, () => {
    let env: TestEnv;
    let net: Network;
    let server: TestServer;
    let central: Portal;
    let province: Portal;
    let chief: Actor;
    let provinceChief: Actor;
    let api: ReturnType<typeof client>;
    const ids: Record<string, number> = {};

    const publish = async (portal: Portal, input: NewItem, actor = portal.slug === 'hanoi' ? provinceChief : chief): Promise<Item> => {
      const draft = await env.services.content.create(portal, actingAs(actor), input);
      return env.services.content.act(draft, actingAs(actor), { action: 'publish' });
    };
    const search = (q: string, extra: Record<string, unknown> = {}) => env.services.search.search({ q, ...extra });
    const topIds = async (q: string, extra: Record<string, unknown> = {}) => (await search(q, extra)).items.map((i) => i.id);

    before(async () => {
      env = await createTestEnv(engine);
      net = await seedNetwork(env.services);
      central = await env.services.portals.require('chinhphu');
      province = await env.services.portals.require('hanoi');
      chief = { accountId: net.accountIds['editor-in-chief'], roles: ['editor-in-chief'] };
      const hanoiChief = await env.services.accounts.addUser({ email: 'chief@hanoi.test.gov.vn', portalId: province.id, role: 'editor-in-chief' });
      provinceChief = { accountId: hanoiChief.id, roles: ['editor-in-chief'] };
      server = await startServer(env.services);
      api = client(server.url);

      ids.decree = (await publish(central, sampleLegalDocument)).id;
      ids.decreeEn = (
        await publish(central, {
          ...sampleLegalDocument,
          lang: 'en',
          title: 'Decree on the provision of information and online public services',
          summary: 'State agencies publish information on their portals.',
          translationOf: ids.decree,
          meta: { ...sampleLegalDocument.meta, documentType: 'Decree', issuingBody: 'The Government' },
        })
      ).id;
      ids.oldDecree = (
        await publish(central, {
          ...sampleLegalDocument,
          title: 'Nghị định về cung cấp thông tin trên trang thông tin điện tử',
          summary: 'Văn bản đã hết hiệu lực, được thay thế bởi Nghị định số 42/2022/NĐ-CP.',
          meta: { ...sampleLegalDocument.meta, number: '43/2011/NĐ-CP', issuedDate: '2011-06-13', effectiveDate: '2011-08-01', effectStatus: 'expired' },
        })
      ).id;
      ids.circular = (
        await publish(central, {
          ...sampleLegalDocument,
          title: 'Thông tư hướng dẫn quản lý thuế',
          summary: 'Hướng dẫn thi hành Luật Quản lý thuế.',
          meta: { ...sampleLegalDocument.meta, number: '80/2021/TT-BTC', documentType: 'Thông tư', issuingBody: 'Bộ Tài chính', issuedDate: '2021-09-29', effectStatus: 'in-force', field: 'Thuế' },
        })
      ).id;
      ids.newsAboutDecree = (
        await publish(central, {
          type: 'news',
          lang: 'vi',
          section: 'tin-tuc',
          title: 'Các bộ triển khai cổng thông tin theo quy định mới',
          summary: 'Nhiều bộ đã cập nhật cổng thông tin điện tử theo Nghị định số 42/2022/NĐ-CP của Chính phủ.',
          body: '<p>Theo Nghị định số 42/2022/NĐ-CP, cổng thông tin phải có chức năng tìm kiếm.</p>',
        })
      ).id;
      // three spellings of "ban": a copy (bản), to sell (bán), a board (ban)
      ids.banCopy = (await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Công bố bản đồ quy hoạch mới', summary: 'Bản đồ được công bố rộng rãi.' })).id;
      ids.banSell = (await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Quy định mới về bán hàng trực tuyến', summary: 'Người bán phải đăng ký.' })).id;
      ids.banBoard = (await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Ban chỉ đạo họp phiên thứ nhất', summary: 'Ban chỉ đạo đánh giá tiến độ.' })).id;
      // the same syllables, together and scattered
      ids.itTogether = (await publish(central, { type: 'news', lang: 'vi', section: 'chuyen-doi-so', title: 'Ứng dụng công nghệ thông tin trong cơ quan nhà nước', summary: 'Đẩy mạnh chuyển đổi số.' })).id;
      ids.itScattered = (await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Thông tin về công tác đổi mới công nghệ sản xuất', summary: 'Báo cáo tình hình.' })).id;
      ids.zh = (await publish(central, { type: 'news', lang: 'zh', section: 'tin-tuc', title: '越南政府召开例行会议', summary: '会议讨论经济社会形势。' })).id;
      ids.en = (await publish(central, { type: 'news', lang: 'en', section: 'tin-tuc', title: 'Government reviews public investment disbursement', summary: 'Ministries were asked to speed up investments.' })).id;
      ids.hanoi = (await publish(province, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Hà Nội đẩy mạnh giải ngân vốn đầu tư công', summary: 'Thành phố đặt mục tiêu giải ngân hết vốn.' })).id;
      ids.escaped = (await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Hướng dẫn thẻ <script> & "dấu ngoặc"', summary: 'Ký tự đặc biệt <b>không</b> phải là thẻ.' })).id;
    });
    after(async () => {
      await server?.close();
      await env?.close();
    });

    it('finds a published item at once, follows edits, and forgets it when unpublished', async () => {
      const item = await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Khánh thành cầu Vĩnh Tuy giai đoạn hai', summary: 'Cây cầu mới.' });
      assert.deepEqual(await topIds('vinh tuy'), [item.id]);
      const edited = await env.services.content.update(item, actingAs(chief), { version: item.version, title: 'Khánh thành cầu Thăng Long mở rộng', changeNote: 'Sửa tên cầu' });
      assert.deepEqual(await topIds('thang long'), [item.id]);
      assert.ok(!(await topIds('vinh tuy')).includes(item.id));
      await env.services.content.act(edited, actingAs(chief), { action: 'unpublish', note: 'Đăng nhầm' });
      assert.ok(!(await topIds('thang long')).includes(item.id));
      assert.ok(!(await topIds('khanh thanh cau', { sort: 'newest' })).includes(item.id));
      // a draft is never findable
      const draft = await env.services.content.create(central, actingAs(chief), { type: 'news', lang: 'vi', title: 'Bản nháp bí mật về cầu Nhật Tân' });
      assert.ok(!(await topIds('nhat tan')).includes(draft.id));
      assert.equal(draft.status, 'draft');
    });

    it('indexes a scheduled publication when the worker publishes it', async () => {
      let now = Date.now();
      const content = env.services.content;
      const draft = await content.create(central, actingAs(chief), { type: 'news', lang: 'vi', title: 'Lễ hội hoa ban Điện Biên', summary: 'Mùa hoa ban.' });
      await content.act(draft, actingAs(chief), { action: 'schedule', at: new Date(now + 60_000).toISOString() });
      assert.ok(!(await topIds('dien bien')).includes(draft.id));
      now += 120_000;
      const worker = new OutboxWorker(env.services.store, env.services.outbox, { clock: () => new Date(now) });
      while ((await worker.runOnce()) > 0);
      assert.deepEqual(await topIds('dien bien'), [draft.id]);
    });

    it('catches up through the outbox with items published by a content service without the indexer', async () => {
      const bare = new ContentService(env.services.store, env.services.portals, env.services.outbox, env.services.audit);
      const draft = await bare.create(central, actingAs(chief), { type: 'news', lang: 'vi', title: 'Hội nghị xúc tiến du lịch Sa Pa', summary: 'Quảng bá du lịch.' });
      await bare.act(draft, actingAs(chief), { action: 'publish' });
      assert.ok(!(await topIds('sa pa')).includes(draft.id));
      // one pass of the worker is enough: the indexing job is due at once
      const worker = new OutboxWorker(env.services.store, env.services.outbox, { pollMs: 20 });
      while ((await worker.runOnce()) > 0);
      assert.ok((await topIds('sa pa')).includes(draft.id), 'findable once the outbox has run');
    });

    it('finds every spelling without diacritics, and the exact one first with them', async () => {
      const spellings = [ids.banCopy, ids.banSell, ids.banBoard];
      const folded = await topIds('ban', { type: 'news' });
      for (const id of spellings) assert.ok(folded.includes(id));
      assert.equal((await topIds('bản'))[0], ids.banCopy);
      assert.equal((await topIds('bán'))[0], ids.banSell);
      assert.equal((await topIds('ban chỉ đạo'))[0], ids.banBoard);
      assert.equal((await topIds('Chính phủ')).length, (await topIds('chinh phu')).length, 'diacritics never narrow the matches');
    });

    it('ranks adjacent syllables (a multi-syllable word) above the same syllables scattered', async () => {
      const r = await topIds('công nghệ thông tin');
      assert.ok(r.includes(ids.itScattered));
      assert.ok(r.indexOf(ids.itTogether) < r.indexOf(ids.itScattered));
      assert.deepEqual(await topIds('"cong nghe thong tin"', { type: 'news' }), [ids.itTogether]);
    });

    it('finds an old phrase behind many newer items holding its words apart', async () => {
      const old = await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Cờ đỏ sao vàng tung bay', summary: 'Ngày hội.' });
      for (let i = 0; i < 6; i++) await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: `Sao mai số ${i} trên nền đỏ`, summary: 'Tin ngắn.' });
      // a cap of 1 makes the engine look past the newest rows holding the words
      const found = await env.services.search.backend.candidates(parseQuery('"đỏ sao"'), {}, 1);
      assert.deepEqual(
        found.map((c) => c.id),
        [old.id],
      );
      assert.equal((await topIds('"do sao vang"'))[0], old.id);
    });

    it('excludes words and phrases', async () => {
      const r = await topIds('cong nghe -san');
      assert.ok(r.includes(ids.itTogether));
      assert.ok(!r.includes(ids.itScattered));
      assert.ok(!(await topIds('cong nghe -"san xuat"')).includes(ids.itScattered));
    });

    it('searches Chinese by bigrams, and English with stemming', async () => {
      assert.deepEqual(await topIds('政府'), [ids.zh]);
      assert.deepEqual(await topIds('例行会议'), [ids.zh]);
      assert.deepEqual(await topIds('议'), [ids.zh], 'one character finds the bigrams it starts');
      assert.ok((await topIds('investment disbursements')).includes(ids.en));
      assert.ok((await topIds('decrees')).includes(ids.decreeEn));
    });

    it('puts a legal document first whichever way its number is typed', async () => {
      for (const q of ['42/2022/NĐ-CP', '42/2022/ND-CP', 'nd 42/2022', '42/2022', 'Nghị định 42/2022', 'nghi dinh so 42/2022/nd-cp']) {
        const r = await search(q);
        assert.equal(r.items[0]?.id, ids.decree, q);
        assert.equal(r.items[0].numberMatch, true, q);
        assert.equal(r.items[0].meta.number, '42/2022/NĐ-CP');
      }
      // a news item citing the number follows the document itself
      const cited = await topIds('42/2022/NĐ-CP');
      assert.ok(cited.indexOf(ids.newsAboutDecree) > cited.indexOf(ids.decree));
      assert.equal((await topIds('decree 42/2022'))[0], ids.decreeEn, 'an English query prefers the English version');
      assert.equal((await topIds('43/2011'))[0], ids.oldDecree);
      assert.equal((await topIds('80/2021/TT-BTC'))[0], ids.circular);
      assert.ok(!(await topIds('42/2022/TT-BTC')).includes(ids.circular));
    });

    it('filters by portal, language, type, section, dates and legal-document fields', async () => {
      const hanoi = await search('giai ngan', { portal: 'hanoi' });
      assert.deepEqual(
        hanoi.items.map((i) => i.id),
        [ids.hanoi],
      );
      assert.equal(hanoi.items[0].portal, 'hanoi');
      assert.ok((await topIds('giai ngan')).includes(ids.hanoi), 'no portal: the whole network');
      assert.deepEqual(await topIds('decree', { lang: 'en', type: 'legal-document' }), [ids.decreeEn]);
      assert.deepEqual(await topIds('cong nghe', { portal: 'chinhphu', section: 'chuyen-doi-so' }), [ids.itTogether]);
      const legal = (q: string, f: Record<string, unknown>) => topIds(q, { type: 'legal-document', lang: 'vi', ...f });
      assert.deepEqual(await legal('', { effectStatus: 'expired' }), [ids.oldDecree]);
      assert.deepEqual(await legal('', { documentType: 'thong tu' }), [ids.circular]);
      assert.deepEqual(await legal('', { issuingBody: 'Bộ Tài chính' }), [ids.circular]);
      assert.deepEqual((await legal('', { year: 2022 })).sort(), [ids.decree].sort());
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      assert.ok((await topIds('ban', { from: today, to: today })).length >= 3);
      assert.deepEqual(await topIds('ban', { to: '2000-01-01' }), []);
      assert.deepEqual(await topIds('ban', { type: 'news,press-release', portal: 'hanoi' }), []);
    });

    it('sorts by date and pages with cursors without gaps or repeats', async () => {
      for (const sort of ['newest', 'oldest', 'relevance'] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const r = await env.services.search.search({ q: 'thong tin', sort, limit: 2, cursor });
          seen.push(...r.items.map((i) => i.id));
          cursor = r.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 50);
        const all = await env.services.search.search({ q: 'thong tin', sort, limit: 100 });
        assert.deepEqual(
          seen,
          all.items.map((i) => i.id),
          sort,
        );
        assert.equal(new Set(seen).size, seen.length);
        assert.equal(all.total, seen.length);
        if (sort !== 'relevance') {
          const dates = all.items.map((i) => i.publishedAt);
          assert.deepEqual(
            dates,
            [...dates].sort((a, b) => (sort === 'newest' ? b.localeCompare(a) : a.localeCompare(b))),
          );
        }
      }
      await assert.rejects(env.services.search.search({ q: 'thong tin', cursor: 'bm9wZQ' }), /fields are invalid/);
      const first = await env.services.search.search({ q: 'thong tin', limit: 1 });
      await assert.rejects(env.services.search.search({ q: 'chinh phu', cursor: first.nextCursor! }), /fields are invalid/, 'a cursor belongs to its own query');
    });

    it('highlights matches in titles and snippets, and escapes everything else', async () => {
      const r = await search('chinh phu', { type: 'news' });
      const hit = r.items.find((i) => i.id === ids.newsAboutDecree)!;
      assert.match(hit.highlight.snippet, /<mark>Chính<\/mark> <mark>phủ<\/mark>/);
      const tricky = (await search('dau ngoac')).items[0];
      assert.equal(tricky.id, ids.escaped);
      assert.equal(tricky.highlight.title, 'Hướng dẫn thẻ &lt;script&gt; &amp; &quot;<mark>dấu</mark> <mark>ngoặc</mark>&quot;');
      assert.ok(!/<(?!\/?mark>)/.test(tricky.highlight.snippet), 'no tag but <mark>');
    });

    it('corrects a one-letter typo when nothing matches', async () => {
      const r = await search('chinh phuu');
      assert.ok(r.items.length > 0);
      assert.equal(r.query.corrected, 'chinh phu');
      assert.equal((await search('giai ngna von')).items[0]?.id, ids.hanoi);
      assert.equal((await search('chinh phu')).query.corrected, null);
      assert.deepEqual((await search('xyzzyq')).items, []);
    });

    it('suggests titles as you type', async () => {
      const s = await env.services.search.suggest({ q: 'cong nghe th' });
      assert.equal(s[0]?.id, ids.itTogether);
      assert.match(s[0].highlight, /<mark>công<\/mark> <mark>nghệ<\/mark> <mark>th/i);
      assert.ok((await env.services.search.suggest({ q: 'Hà N', portal: 'hanoi' })).some((x) => x.id === ids.hanoi));
      assert.deepEqual(await env.services.search.suggest({ q: 'Hà N', portal: 'hanoi', lang: 'en' }), []);
      assert.deepEqual(await env.services.search.suggest({ q: '' }), []);
      assert.deepEqual(
        (await env.services.search.suggest({ q: '越' })).map((x) => x.id),
        [ids.zh],
      );
      assert.ok(
        (await env.services.search.suggest({ q: 'cong nghe ' })).some((x) => x.id === ids.itTogether),
        'a trailing space ends the last word',
      );
    });

    it('rebuilds the index in place: lost entries come back, stale ones go', async () => {
      const { backend } = env.services.search;
      await env.services.store.db.transaction().execute((trx) => backend.remove(trx, ids.hanoi));
      await env.services.store.db.transaction().execute((trx) => backend.upsert(trx, { ...fakeDocument(999_999), tokens: { title: tokenize('bóng ma'), head: [], body: [] } }));
      assert.deepEqual(await topIds('giai ngan', { portal: 'hanoi' }), []);
      assert.deepEqual(await topIds('bong ma'), [999_999]);
      const progress: number[] = [];
      const report = await env.services.search.reindex({ batchSize: 3, onProgress: (done) => progress.push(done) });
      assert.ok(report.indexed >= 15);
      assert.equal(report.removed, 1);
      assert.deepEqual(await topIds('giai ngan', { portal: 'hanoi' }), [ids.hanoi]);
      assert.deepEqual(await topIds('bong ma'), []);
      assert.equal(progress[progress.length - 1], report.indexed);
    });

    it('keeps searching while a rebuild runs, and never resurrects an item unpublished meanwhile', async () => {
      const victim = await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Tin sắp bị gỡ về hồ Tây', summary: 'Hồ Tây.' });
      const rebuild = env.services.search.reindex({ batchSize: 2 });
      const during = await topIds('ho tay');
      await env.services.content.act(victim, actingAs(chief), { action: 'unpublish', note: 'Gỡ' });
      await rebuild;
      assert.deepEqual(during, [victim.id]);
      assert.deepEqual(await topIds('ho tay'), []);
    });

    it('on PostgreSQL, a rebuild that wrote over entries leaves a freshly built GIN index, and searches go on', { skip: engine !== 'postgres' }, async () => {
      const { db } = env.services.store;
      const indexOid = async () => (await sql<{ oid: number }>`select 'search_documents_fts'::regclass::oid as oid`.execute(db)).rows[0].oid;
      const before = await indexOid();
      const report = await env.services.search.reindex({ batchSize: 500 });
      assert.ok(report.indexed > 0);
      assert.notEqual(await indexOid(), before, 'the index was built again (REINDEX CONCURRENTLY gives it a new oid)');
      assert.deepEqual(await topIds('giai ngan', { portal: 'hanoi' }), [ids.hanoi]);
    });

    it('on PostgreSQL, a batch read ahead of its write keeps nothing that changed in between', { skip: engine !== 'postgres' }, async () => {
      const { search, content } = env.services;
      const gone = await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Tin về bản Pù Luông sẽ gỡ', summary: 'Pù Luông.' });
      const edited = await publish(central, { type: 'news', lang: 'vi', section: 'tin-tuc', title: 'Tin về đèo Tà Xùa', summary: 'Đèo.' });
      const backend = search.backend as { prepare?: (docs: { itemId: number }[]) => void | Promise<void> };
      const original = backend.prepare!.bind(backend);
      let struck = false;
      // between reading a batch and writing it: one of its items is withdrawn, another corrected
      backend.prepare = async (docs) => {
        await original(docs);
        if (struck || !docs.some((d) => d.itemId === gone.id)) return;
        struck = true;
        await content.act(await content.getForMember(gone.id), actingAs(chief), { action: 'unpublish', note: 'Gỡ' });
        const current = await content.getForMember(edited.id);
        await content.update(current, actingAs(chief), { version: current.version, title: 'Tin về cao nguyên Sìn Hồ', changeNote: 'Sửa tiêu đề.' });
      };
      try {
        await search.reindex({ batchSize: 500 });
      } finally {
        backend.prepare = original;
      }
      assert.ok(struck, 'the change came between the read and the write');
      assert.ok(!(await topIds('pu luong')).includes(gone.id), 'the withdrawn item was not written back');
      assert.ok((await topIds('sin ho')).includes(edited.id), 'the corrected item is indexed at its new version');
      assert.ok(!(await topIds('ta xua')).includes(edited.id), 'and not at the one read before');
    });

    describe('over HTTP', () => {
      it('answers GET /api/v1/search as the contract says', async () => {
        const r = await api.get(`/api/v1/search?q=${encodeURIComponent('nd 42/2022')}&portal=chinhphu&lang=vi`);
        assert.equal(r.status, 200);
        assert.equal(r.json.items[0].id, ids.decree);
        assert.equal(r.json.items[0].url, `${central.url}/van-ban/${(await env.services.content.getPublic(ids.decree)).slug}`);
        assert.equal(typeof r.json.nextCursor === 'string' || r.json.nextCursor === null, true);
        assert.equal(r.json.query.text, 'nd 42/2022');
        const s = await api.get(`/api/v1/search/suggest?q=${encodeURIComponent('nghi d')}`);
        assert.equal(s.status, 200);
        assert.ok(s.json.items.some((x: { id: number }) => x.id === ids.decree));
      });

      it('returns results or an empty list for any text, never a 500', async () => {
        const nasty = [
          '',
          ' ',
          'a'.repeat(10 * 1024),
          'thuế '.repeat(2000),
          '\u0000\u0001\u0002 chinh phu \u001f\u007f',
          '\u0001\u0002 chinh phu \u001f\u007f',
          '"chinh phu',
          'chinh phu"',
          '"""',
          '"',
          '*',
          'chinh*',
          ':',
          'title:chinh',
          '{title}: x',
          'NEAR',
          'NEAR(chinh phu, 2)',
          'chinh NEAR phu',
          "'",
          "'; drop table search_documents; --",
          '\\',
          '\\x00',
          'a AND OR NOT b',
          '(((',
          ')',
          '^chinh',
          '-',
          '--',
          '-chinh',
          '- -',
          '!@#$%^&*()_+=[]{}|;<>?,./`~',
          '42/',
          '/2022',
          '99999/9999/X',
          '🇻🇳 🙂',
          '𰀀𰀁',
          'e\u0301\u0301\u0301',
          '\u0301',
        ];
        for (const q of nasty) {
          for (const path of ['/api/v1/search', '/api/v1/search/suggest']) {
            const r = await api.get(`${path}?q=${encodeURIComponent(q)}`);
            // NUL is refused at the edge for every route (a 400 problem, never a store error); other control characters are dropped
            if (q.includes('\u0000')) {
              assert.equal(r.status, 400, `${path} ${JSON.stringify(q.slice(0, 40))}: ${r.text.slice(0, 200)}`);
              assert.equal(r.json.status, 400);
              continue;
            }
            assert.equal(r.status, 200, `${path} ${JSON.stringify(q.slice(0, 40))}: ${r.text.slice(0, 200)}`);
            assert.ok(Array.isArray(r.json.items));
          }
        }
        const found = await api.get(`/api/v1/search?q=${encodeURIComponent('\u0001chinh\u0007 phu')}`);
        assert.ok(found.json.items.length > 0, 'control characters are dropped, the words still count');
      });

      it('rejects bad filters with 422 problems', async () => {
        for (const qs of [
          'limit=0',
          'limit=101',
          'lang=fr',
          'type=blog',
          'sort=random',
          'from=2024-13-01',
          'to=yesterday',
          'effectStatus=maybe',
          'year=12',
          'cursor=%%%',
          'portal=atlantis',
          'section=tin-tuc',
          'portal=chinhphu&section=nowhere',
          'unknown=1',
        ]) {
          const r = await api.get(`/api/v1/search?q=x&${qs}`);
          assert.equal(r.status, 422, qs);
          assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
          assert.ok(r.json.errors?.length, qs);
        }
      });

      it('documents both endpoints in the OpenAPI document', async () => {
        const doc = (await api.get('/api/v1/openapi.json')).json;
        assert.ok(doc.paths['/api/v1/search'].get);
        assert.ok(doc.paths['/api/v1/search/suggest'].get);
        const params = doc.paths['/api/v1/search'].get.parameters.map((p: { name: string }) => p.name);
        for (const p of ['q', 'portal', 'lang', 'type', 'section', 'from', 'to', 'documentType', 'issuingBody', 'effectStatus', 'year', 'sort', 'limit', 'cursor']) assert.ok(params.includes(p), p);
      });
    });
  });
}

function fakeDocument(id: number) {
  return {
    itemId: id,
    portalId: 1,
    lang: 'vi',
    type: 'news',
    sectionId: null,
    slug: `ghost-${id}`,
    version: 1,
    publishedAt: new Date().toISOString(),
    title: 'Bóng ma',
    summary: '',
    bodyText: '',
    meta: '{}',
    docType: null,
    issuingBody: null,
    effectStatus: null,
    issuedYear: null,
    numberSeq: null,
    numberYear: null,
    numberCode: null,
  };
}
