import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '../src/lib/lang.ts';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import { CENTRAL, pathOf, startSite, type SiteEnv } from './site-helpers.ts';
import { actingAs } from './helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// Every public page kind, in vi, en and zh, at 320, 390, 768 and 1366 px in
// headless Chromium: none may be wider than the screen (no sideways
// scrolling), including an article whose body carries a wide table, a long
// URL and an unbroken number. The phone header stays within 15% of a
// 390×844 first screen. Screenshots land in test-output/layout/.

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): browser tests skipped`;
const OUT = path.resolve('test-output', 'layout');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [320, 390, 768, 1366];
const LANGS: Lang[] = ['vi', 'en', 'zh'];

function postForm(port: number, host: string, pathname: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'POST', agent: false, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('public pages fit the screen', { skip }, () => {
  let env: SiteEnv;
  let browser: Browser;
  /** page name → URL, per language */
  const pages = new Map<Lang, [string, string][]>();
  /** receipt HTML per language (a POST answer, served to the browser by interception) */
  const receipts = new Map<Lang, string>();

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const { chromium } = await import('playwright-core');
    [env, browser] = await Promise.all([startSite('sqlite'), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
    const s = env.seed;
    const { content, portals, feedback } = env.services;
    const central = await portals.require('chinhphu');
    const publish = async (input: Parameters<typeof content.create>[2]) => content.act(await content.create(central, actingAs(s.chief), input), actingAs(s.chief), { action: 'publish' });

    // the hard cases an editor pastes: a wide table, a long link, an unbroken number, a long word
    const wideBody = (lang: string) =>
      `<p>${lang}: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.001548&amp;tham_so_rat_dai=khong_co_khoang_trang_nao_ca</p>` +
      `<p>Số tài khoản 0123456789012345678901234567890123456789 và từ Donaudampfschifffahrtsgesellschaftskapitänswitwe.</p>` +
      `<table><thead><tr>${['Chỉ tiêu', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Kế hoạch 2025', 'Ghi chú chi tiết'].map((h) => `<th>${h}</th>`).join('')}</tr></thead>` +
      `<tbody>${[1, 2, 3].map((r) => `<tr><td>Tổng sản phẩm trong nước dòng ${r}</td><td>2.587.000.000.000</td><td>2.950.000.000.000</td><td>3.120.000.000.000</td><td>3.400.000.000.000</td><td>3.700.000.000.000</td><td>Số liệu ước tính của Tổng cục Thống kê</td></tr>`).join('')}</tbody></table>`;
    const wide = await publish({ type: 'news', lang: 'vi', title: 'Bảng số liệu tăng trưởng kinh tế giai đoạn 2021–2025', summary: 'Số liệu chi tiết.', body: wideBody('vi'), section: 'tin-tuc', tags: ['cải cách'] });
    const wideEn = await publish({ type: 'news', lang: 'en', title: 'Economic growth figures 2021–2025', summary: 'Detailed figures.', body: wideBody('en'), section: 'tin-tuc', translationOf: wide.id, tags: ['reform'] });
    const wideZh = await publish({ type: 'news', lang: 'zh', title: '2021–2025年经济增长数据', summary: '详细数据。', body: wideBody('zh'), section: 'tin-tuc', translationOf: wide.id, tags: ['改革'] });
    const videoEn = await publish({
      type: 'video',
      lang: 'en',
      title: 'Video: national digital transformation this year',
      summary: 'Highlights.',
      body: '<p>Video report.</p>',
      section: 'chuyen-doi-so',
      translationOf: s.video.id,
      meta: s.video.meta,
    });
    const videoZh = await publish({ type: 'video', lang: 'zh', title: '视频：今年国家数字化转型全景', summary: '亮点。', body: '<p>视频报道。</p>', section: 'chuyen-doi-so', translationOf: s.video.id, meta: s.video.meta });
    const galleryEn = await publish({
      type: 'gallery',
      lang: 'en',
      title: 'Photos: online conference of the Government with localities',
      summary: 'Pictures.',
      body: '',
      section: 'chuyen-doi-so',
      translationOf: s.gallery.id,
      meta: s.gallery.meta,
    });
    const galleryZh = await publish({ type: 'gallery', lang: 'zh', title: '图片：政府与地方视频会议', summary: '图片。', body: '', section: 'chuyen-doi-so', translationOf: s.gallery.id, meta: s.gallery.meta });

    // one question per language, answered and published; its receipt kept for the browser
    const officer = await env.services.accounts.byEmail('feedback-officer@test.gov.vn');
    assert.ok(officer);
    const actor = { accountId: officer.id, roles: ['feedback-officer' as const, 'admin' as const] };
    const codes = new Map<Lang, string>();
    for (const lang of LANGS) {
      const challenge = JSON.parse((await env.get(CENTRAL, '/api/v1/feedback/challenge')).text) as PowChallenge;
      const prefix = lang === 'vi' ? '' : `/${lang}`;
      const r = await postForm(env.port, CENTRAL, `${prefix}/phan-anh`, {
        kind: 'question',
        field: 'Đất đai, xây dựng',
        title: `Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu (${lang})`,
        content: 'Gia đình tôi muốn hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì? https://example.vn/mot/duong/dan/rat/dai/khong/co/cho/ngat/dong/nao/ca/0123456789',
        submitterType: 'citizen',
        name: 'Trần Thị Bích',
        email: `bich.${lang}@example.vn`,
        phone: '0987 654 321',
        address: 'Số 7 ngõ 15 phố Lý Nam Đế, Hoàn Kiếm, Hà Nội',
        consent: 'yes',
        altcha: encodeSolution(challenge, solveChallenge(challenge).number),
      });
      assert.equal(r.status, 201, `${lang} receipt`);
      receipts.set(lang, r.text);
      const code = /class="tracking-code"[^>]*>(PAKN\.\d{8}\.\d{4})</.exec(r.text)?.[1];
      assert.ok(code, `${lang} receipt shows the code`);
      codes.set(lang, code);
      const [row] = (await feedback.inbox(central, { limit: 50 })).filter((c) => c.trackingCode === code);
      await feedback.act(systemContext(central.id), central, row.id, actor, { action: 'answer', answer: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.\n\nNộp tại bộ phận một cửa.' });
      await feedback.act(systemContext(central.id), central, row.id, actor, { action: 'publish' });
    }
    await env.services.pagecache.settled();

    const base = `http://chinhphu.localhost:${env.port}`;
    const network = `http://localhost:${env.port}`;
    const items: Record<Lang, Record<string, { url: string }>> = {
      vi: { article: s.news, 'article-table': wide, legal: s.legal, procedure: s.procedure, video: s.video, gallery: s.gallery },
      en: { article: s.newsEn, 'article-table': wideEn, legal: s.legalEn, procedure: s.procedureEn, video: videoEn, gallery: galleryEn },
      zh: { article: s.newsZh, 'article-table': wideZh, legal: s.legalZh, procedure: s.procedureZh, video: videoZh, gallery: galleryZh },
    };
    for (const lang of LANGS) {
      const p = lang === 'vi' ? '' : `/${lang}`;
      const code = codes.get(lang)!;
      pages.set(lang, [
        ['network', `${network}${p}/`],
        ['home', `${base}${p}/`],
        ['section', `${base}${p}/tin-tuc`],
        ['subsite', `${base}${p}/chuyen-doi-so`],
        ['tag', `${base}${p}/tag/${encodeURIComponent('cải cách')}`],
        ...Object.entries(items[lang]).map(([name, item]): [string, string] => [name, `${base}${pathOf(item)}`]),
        ['search', `${base}${p}/search?q=${encodeURIComponent('hộ chiếu')}`],
        ['feeds', `${base}${p}/feeds`],
        ['sitemap', `${base}${p}/sitemap`],
        ['feedback-form', `${base}${p}/phan-anh`],
        ['receipt', `${base}${p}/__receipt`],
        ['tracking', `${base}${p}/phan-anh/tra-cuu?ma=${encodeURIComponent(code)}`],
        ['answers', `${base}${p}/hoi-dap`],
        ['answer', `${base}${p}/hoi-dap/${encodeURIComponent(code)}`],
        ['404', `${base}${p}/khong-co-trang-nay`],
        ['410', `${base}${pathOf(s.gone)}`],
      ]);
    }
  });
  after(async () => {
    await browser?.close();
    await env?.close();
  });

  async function openAt(width: number, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    // the receipt answers a POST; the browser is handed the HTML the server sent
    await page.route('**/__receipt', (route) => {
      const lang = (/\/(en|zh)\/__receipt/.exec(route.request().url())?.[1] ?? 'vi') as Lang;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: receipts.get(lang) });
    });
    return page;
  }

  test('no page kind is wider than the screen at 320, 390, 768 and 1366 px, in vi, en and zh', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const widest = new Map<string, number>();
    await Promise.all(
      WIDTHS.map(async (width) => {
        const page = await openAt(width);
        for (const lang of LANGS) {
          for (const [name, url] of pages.get(lang)!) {
            const r = await page.goto(url);
            assert.ok(r, url);
            if (name !== '404' && name !== '410') assert.ok(r.status() < 400, `${url} answered ${r.status()}`);
            assert.equal(await page.getAttribute('html', 'lang'), name === '410' ? 'vi' : lang, url);
            const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
            widest.set(`${name}|${lang}|${width}`, scroll);
            if (scroll > inner) failures.push(`${name} (${lang}) at ${width}px is ${scroll}px wide: ${url}`);
            await page.screenshot({ path: path.join(OUT, `${width}-${lang}-${name}.png`), fullPage: width === 390 });
          }
        }
        await page.context().close();
      }),
    );
    if (process.env.LAYOUT_REPORT)
      console.log(
        [...widest]
          .filter(([k, v]) => v > Number(k.split('|')[2]))
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
    assert.deepEqual(failures, []);
  });

  test("the receipt's copy button puts the tracking code on the clipboard and says so, in vi, en and zh", async () => {
    const base = `http://chinhphu.localhost:${env.port}`;
    const said: Record<Lang, string> = { vi: 'Đã chép', en: 'Copied', zh: '已复制' };
    for (const lang of LANGS) {
      const page = await openAt(320);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await page.goto(`${base}${lang === 'vi' ? '' : `/${lang}`}/__receipt`);
      const code = (await page.textContent('.tracking-code'))!.trim();
      await page.click('button.copy-code');
      await page.waitForFunction((text) => document.querySelector('.copy-status')?.textContent === text, said[lang]);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, lang);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      assert.ok(scroll <= inner, `${lang} receipt with its button is ${scroll}px wide at 320`);
      await page.context().close();
    }
  });

  test('on a 390×844 phone the header takes at most 15% of the first screen, and the menu opens without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const name of ['home', 'article', 'subsite']) {
        const url = pages.get(lang)!.find(([n]) => n === name)![1];
        await page.goto(url);
        const height = await page.evaluate(() => document.querySelector('header.masthead')!.getBoundingClientRect().height);
        assert.ok(height <= 844 * 0.15, `${name} (${lang}): header ${height}px > ${844 * 0.15}px`);
        assert.equal(await page.isVisible('nav.mainnav a[href$="/tin-tuc"]'), false, 'the sections wait behind the menu button');
        await page.click('.menu summary');
        assert.equal(await page.isVisible('nav.mainnav a[href$="/tin-tuc"]'), true, `${name} (${lang}): the menu opens`);
        assert.equal(await page.isVisible('nav.langs'), true, 'language links are on the phone header');
        await page.screenshot({ path: path.join(OUT, `header-open-${lang}-${name}.png`) });
      }
    }
    // keyboard: skip link first, then every focused control stays on screen
    await page.goto(pages.get('vi')![1][1]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const box = await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width, tag: document.activeElement!.tagName };
      });
      assert.ok(box.width > 0 && box.left >= 0 && box.right <= 390, `focused ${box.tag} is on screen (${JSON.stringify(box)})`);
    }
    await context.close();
  });

  test('a translated legal document or procedure says it is unofficial and links the Vietnamese original; the original does not', async () => {
    const s = env.seed;
    for (const [item, original] of [
      [s.legalEn, s.legal],
      [s.legalZh, s.legal],
      [s.procedureEn, s.procedure],
      [s.procedureZh, s.procedure],
    ]) {
      const r = await env.get(CENTRAL, pathOf(item));
      const notice = /<div class="notice translation-notice" role="note">([\s\S]*?)<\/div>/.exec(r.text)?.[1];
      assert.ok(notice, `${pathOf(item)} carries the notice`);
      assert.match(notice, item.lang === 'en' ? /Unofficial translation/ : /非官方译文/);
      assert.ok(notice.includes(`href="${pathOf(original)}" hreflang="vi" lang="vi"`), 'links the Vietnamese original');
    }
    for (const item of [s.legal, s.procedure, s.newsEn]) assert.ok(!(await env.get(CENTRAL, pathOf(item))).text.includes('translation-notice'), `${pathOf(item)}: no notice`);
    const form = await env.get(CENTRAL, '/phan-anh');
    assert.match(form.text, /<textarea id="fb-address" name="address" rows="2" maxlength="500" autocomplete="street-address">/, 'street-address only on a multi-line field');
    assert.doesNotMatch(form.text, /<input[^>]*autocomplete="street-address"/);
  });
});
