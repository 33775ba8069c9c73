import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actingAs, createTestEnv, startServer, type TestEnv, type TestServer } from './helpers.ts';
import { PASSWORD, portOf, seedAdminNetwork, type AdminNetwork } from './admin-helpers.ts';
import { totpNow } from '../src/modules/sessions/mfa.ts';

// The admin in headless Chromium, with its real CSP in force: a writer signs
// in, writes a news item with a heading, a list and an uploaded picture in
// the rich-text editor and submits it; the editor-in-chief (with two-factor
// authentication) sends it back with a comment; the writer fixes it; the
// chief publishes it; it is then on the public site with the picture's
// responsive variants. Then axe-core over the admin pages: zero violations.
// Screenshots go to test-output/. SQLite only: the engines are covered by
// the HTTP-level admin suites; this one is about the browser.

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): admin browser tests skipped`;
const OUT = path.resolve('test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('admin in a browser', { skip }, () => {
  let env: TestEnv;
  let server: TestServer;
  let net: AdminNetwork;
  let browser: Browser;
  let base: string;
  let axeSource: string;
  let chiefSecret: string;
  let itemId = 0;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const { chromium } = await import('playwright-core');
    env = await createTestEnv('sqlite');
    net = await seedAdminNetwork(env.services);
    server = await startServer(env.services);
    base = `http://chinhphu.localhost:${portOf(server.url)}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    // the chief's authenticator: enrolled with the previous time step's code, so the current one is still unused
    const { secret } = await env.services.sessions.mfa.startEnrolment(net.accountIds['editor-in-chief'], net.emails['editor-in-chief']);
    assert.ok(await env.services.sessions.mfa.confirmEnrolment(net.accountIds['editor-in-chief'], totpNow(secret, new Date(Date.now() - 30_000))));
    chiefSecret = secret;
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await env?.close();
  });

  async function newPage(opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: opts.bypassCSP ?? false });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `admin-${name}.png`), fullPage: true });

  async function signIn(page: Page, email: string, code?: () => string) {
    await page.goto(`${base}/admin/login`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', PASSWORD);
    await page.click('button:has-text("Đăng nhập")');
    if (code) {
      await page.waitForURL(/\/admin\/login\/2fa/);
      await page.fill('#f-code', code());
      await page.click('button:has-text("Xác nhận")');
    }
    await page.waitForURL(`${base}/admin`);
  }

  test('writer writes, chief with 2FA sends back, writer fixes, chief publishes, readers see it', async () => {
    const writer = await newPage();
    await signIn(writer, net.emails.writer);
    await shot(writer, '01-dashboard-writer');

    // a picture into the library first
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer();
    await writer.goto(`${base}/admin/media`);
    await writer.setInputFiles('#f-file', { name: 'hoi-nghi.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await writer.fill('#f-alt', 'Toàn cảnh hội nghị chuyển đổi số');
    await writer.fill('#f-credit', 'Nhật Bắc');
    await writer.click('button:has-text("Tải lên")');
    await writer.waitForURL(/\/admin\/media\/\d+/);

    await writer.goto(`${base}/admin/items/new?type=news`);
    await writer.waitForSelector('.rich-editor .ProseMirror');
    assert.equal(await writer.isHidden('#f-body'), true, 'the textarea gives way to the rich editor');
    await writer.fill('#f-title', 'Hội nghị toàn quốc về chuyển đổi số');
    await writer.fill('#f-summary', 'Hội nghị bàn giải pháp đẩy mạnh chuyển đổi số.');
    await writer.selectOption('#f-section', 'tin-tuc');
    const editor = writer.locator('.rich-editor .ProseMirror');
    await editor.click();
    // a toolbar button hands the focus back to the editor a moment later: type only once it is there
    const editorFocused = () => writer.waitForFunction(() => Boolean(document.activeElement?.closest('.ProseMirror')));
    await writer.click('.rich-toolbar button:has-text("Tiêu đề 2")');
    await writer.waitForSelector('.rich-editor .ProseMirror h2');
    await editorFocused();
    await writer.keyboard.type('Những điểm chính');
    await writer.keyboard.press('Enter');
    await writer.click('.rich-toolbar button:has-text("Danh sách")');
    await writer.waitForSelector('.rich-editor .ProseMirror ul');
    await editorFocused();
    await writer.keyboard.type('Hạ tầng số');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Dữ liệu số');
    await writer.keyboard.press('Enter');
    await writer.keyboard.press('Enter');
    await writer.click('.rich-toolbar button:has-text("Chèn ảnh")');
    await writer.click('dialog .picker button');
    await writer.waitForSelector('.rich-editor img');
    await shot(writer, '02-editor');
    await writer.click('#item-form button:has-text("Lưu")');
    await writer.waitForURL(/\/admin\/items\/\d+\?notice=created/);
    itemId = Number(/\/admin\/items\/(\d+)/.exec(writer.url())![1]);
    const stored = await env.services.content.find(itemId);
    assert.match(stored!.body, /<h2>Những điểm chính<\/h2>/);
    assert.match(stored!.body, /<ul>\s*<li>\s*<p>Hạ tầng số<\/p>\s*<\/li>/);
    assert.match(stored!.body, /<img[^>]+srcset="[^"]*\.webp 480w/);
    await writer.click('button:has-text("Gửi duyệt")');
    await writer.waitForURL(/notice=submitted/);
    assert.equal((await env.services.content.find(itemId))?.status, 'submitted');

    const chief = await newPage();
    await signIn(chief, net.emails['editor-in-chief'], () => totpNow(chiefSecret));
    await chief.click(`a[href="/admin/items/${itemId}"]`);
    await chief.click('summary:has-text("Trả lại")');
    await chief.fill('#f-note', 'Cần ghi rõ thời gian và địa điểm hội nghị.');
    await shot(chief, '03-send-back');
    await chief.click('form[action$="/workflow"] button:has-text("Trả lại")');
    await chief.waitForURL(/notice=sent-back/);
    assert.equal((await env.services.content.find(itemId))?.status, 'draft');

    await writer.goto(`${base}/admin`);
    assert.match((await writer.textContent('main')) ?? '', /Cần ghi rõ thời gian và địa điểm hội nghị\./);
    await shot(writer, '04-sent-back');
    await writer.click(`section[aria-labelledby="h-back"] a[href="/admin/items/${itemId}"]`);
    await writer.waitForSelector('.rich-editor .ProseMirror');
    await writer.locator('.rich-editor .ProseMirror p').last().click();
    await writer.keyboard.type('Hội nghị diễn ra sáng 2/3 tại Hà Nội.');
    await writer.click('#item-form button:has-text("Lưu")');
    await writer.waitForURL(/notice=saved/);
    await writer.click('button:has-text("Gửi duyệt")');
    await writer.waitForURL(/notice=submitted/);

    await chief.goto(`${base}/admin/items/${itemId}`);
    await chief.click('form[action$="/workflow"] button:has-text("Xuất bản")');
    await chief.waitForURL(/notice=published/);
    const item = await env.services.content.find(itemId);
    assert.equal(item?.status, 'published');

    const reader = await newPage();
    await reader.goto(`${base}${new URL(item.url).pathname}`);
    assert.equal(await reader.textContent('h1'), 'Hội nghị toàn quốc về chuyển đổi số');
    assert.match(await reader.content(), /Hội nghị diễn ra sáng 2\/3 tại Hà Nội\./);
    const img = reader.locator('article img, main img').first();
    assert.match((await img.getAttribute('srcset')) ?? '', /\.webp 960w/);
    // the picture is lazy: bring it into view and wait for it to load (or fail) rather than look at once
    await img.scrollIntoViewIfNeeded();
    const loaded = await img.evaluate((el: HTMLImageElement) =>
      el.complete && el.naturalWidth > 0
        ? true
        : new Promise<boolean>((resolve) => {
            el.addEventListener('load', () => resolve(el.naturalWidth > 0), { once: true });
            el.addEventListener('error', () => resolve(false), { once: true });
            setTimeout(() => resolve(el.complete && el.naturalWidth > 0), 10_000);
          }),
    );
    assert.equal(loaded, true, 'the picture loads');
    await shot(reader, '05-public-page');
    assert.deepEqual(pageErrors, [], 'no script errors and no CSP violations');
  });

  test('autosave, a cover from the library and an embedded video; a conflict stops autosave; Save works without JavaScript', async () => {
    const portal = await env.services.portals.require('chinhphu');
    const writerActor = { accountId: net.accountIds.writer, roles: ['writer' as const] };
    const draft = await env.services.content.create(portal, actingAs(writerActor), { type: 'news', lang: 'vi', title: 'Bài tự động lưu', body: '<p>Mở đầu.</p>' });
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
    const picture = await env.services.media.upload(portal, actingAs(net.accountIds.writer), { filename: 'bia.png', mime: 'image/png', data: png, alt: 'Ảnh bìa thử' });
    const page = await newPage();
    // the embedded player must not reach the internet from a test: answer for YouTube here
    await page.context().route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
    await signIn(page, net.emails.writer);
    await page.goto(`${base}/admin/items/${draft.id}`);
    await page.waitForSelector('.rich-editor .ProseMirror');
    await page.locator('.rich-editor .ProseMirror p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Câu viết thêm.');
    await page.waitForFunction(() => /Đã tự động lưu lúc \d{2}:\d{2}/.test(document.querySelector('.autosave-status')?.textContent ?? ''), undefined, { timeout: 15_000 });
    let stored = (await env.services.content.find(draft.id))!;
    assert.match(stored.body, /Mở đầu\. Câu viết thêm\./);
    assert.equal(stored.version, draft.version + 1);
    assert.equal(await page.inputValue('#item-form input[name="version"]'), String(stored.version), 'the form now carries the saved version');

    // a video from YouTube through the toolbar, and a cover from the library's picker
    page.once('dialog', (d) => void d.accept('https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    await page.click('.rich-toolbar button:has-text("Video")');
    await page.waitForSelector('.rich-editor iframe[src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]');
    await page.click('.cover-field button:has-text("Chọn ảnh từ thư viện")');
    await page.click(`dialog .picker img[alt="Ảnh bìa thử"]`);
    assert.equal(await page.inputValue('#f-cover'), String(picture.id));
    await page.fill('#f-socialText', 'Lời giới thiệu ngắn cho mạng xã hội.');
    await page.waitForFunction((v) => (document.querySelector<HTMLInputElement>('#item-form input[name="version"]')?.value ?? '') > String(v), stored.version, { timeout: 15_000 });
    await shot(page, '06-autosave-video-cover');
    // the deliberate Save right after is not refused as stale
    await page.click('#item-form button:has-text("Lưu")');
    await page.waitForURL(/notice=saved/);
    stored = (await env.services.content.find(draft.id))!;
    assert.match(stored.body, /<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"[^>]* sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"/);
    assert.equal((stored.meta.cover as { mediaId: number }).mediaId, picture.id);
    assert.equal(stored.meta.socialText, 'Lời giới thiệu ngắn cho mạng xã hội.');

    // someone saves in another tab: the next autosave is a conflict, said so, and autosave stops
    await page.waitForSelector('.rich-editor .ProseMirror');
    await env.services.content.update(stored, actingAs(writerActor), { version: stored.version, title: 'Sửa ở nơi khác' });
    await page.locator('.rich-editor .ProseMirror p').first().click();
    await page.keyboard.type('Xung đột ');
    await page.waitForFunction(() => /người khác sửa/.test(document.querySelector('.autosave-status')?.textContent ?? ''), undefined, { timeout: 15_000 });
    const after = (await env.services.content.find(draft.id))!;
    assert.equal(after.title, 'Sửa ở nơi khác');
    assert.doesNotMatch(after.body, /Xung đột/);
    assert.deepEqual(pageErrors, [], 'no script errors and no CSP violations');

    // without JavaScript: a plain textarea and the Save button
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const plain = await context.newPage();
    await plain.goto(`${base}/admin/login`);
    await plain.fill('#f-email', net.emails.writer);
    await plain.fill('#f-password', PASSWORD);
    await plain.click('button:has-text("Đăng nhập")');
    await plain.waitForURL(`${base}/admin`);
    await plain.goto(`${base}/admin/items/${draft.id}`);
    assert.equal(await plain.isVisible('#f-body'), true);
    await plain.fill('#f-body', '<p>Viết không cần JavaScript.</p>');
    await plain.click('#item-form button:has-text("Lưu")');
    await plain.waitForURL(/notice=saved/);
    assert.equal((await env.services.content.find(draft.id))!.body, '<p>Viết không cần JavaScript.</p>');
  });

  test('axe-core finds no accessibility violations on the admin pages', async () => {
    const pages: [string, string][] = [
      ['login', '/admin/login'],
      ['dashboard', '/admin'],
      ['items', '/admin/items'],
      ['new-chooser', '/admin/items/new'],
      ['editor-new', '/admin/items/new?type=legal-document'],
      ['editor', `/admin/items/${itemId}`],
      ['history', `/admin/items/${itemId}/history`],
      ['media', '/admin/media'],
      ['account', '/admin/account'],
      ['audit', '/admin/audit'],
      ['users', '/admin/users'],
      ['tokens', '/admin/tokens'],
      ['settings', '/admin/settings'],
      ['sections', '/admin/sections'],
      ['section-edit', '/admin/sections/tin-tuc'],
      ['channels', '/admin/channels'],
      ['feedback', '/admin/feedback'],
      ['federation', '/admin/federation'],
      ['analytics', '/admin/analytics'],
      ['network', '/admin/network'],
      ['uptime', '/admin/uptime'],
      ['reset', '/admin/reset'],
    ];
    const page = await newPage({ bypassCSP: true }); // axe is injected as a script
    const failures: string[] = [];
    for (const [name, target] of pages) {
      if (name === 'dashboard') await signIn(page, net.emails.admin);
      await page.goto(`${base}${target}`);
      if (target.startsWith('/admin/items/new?') || name === 'editor') await page.waitForSelector('.rich-editor .ProseMirror');
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as {
        violations: { id: string; nodes: { target: string[] }[] }[];
      };
      for (const v of result.violations) failures.push(`${name}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await shot(page, `axe-${name}`);
    }
    assert.deepEqual(failures, []);
  });
});
