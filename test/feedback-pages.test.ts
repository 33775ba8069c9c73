import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import { engines, postgresSkip } from './helpers.ts';
import { CENTRAL, mainOf, PROVINCE, type Response, type SiteEnv, startSite } from './site-helpers.ts';
import { systemContext } from '../src/lib/request-context.ts';

// The public citizen-feedback pages over real HTTP: the form in each
// language with the portal's fields and its one script (the only page whose
// CSP lets a script run), a submission with a solved proof of work, the form
// coming back with errors and the typed values (escaped), tracking that
// answers a wrong contact like an unknown code, and the published answers
// showing initials but none of the submitter's contact details.

function post(port: number, host: string, path: string, form: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (postgresSkip) describe('feedback pages on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`feedback pages on ${engine}`, () => {
    let env: SiteEnv;

    before(async () => {
      env = await startSite(engine);
    });
    after(async () => {
      await env?.close();
    });

    async function altcha(): Promise<string> {
      const r = await env.get(CENTRAL, '/api/v1/feedback/challenge');
      assert.equal(r.status, 200);
      const c = JSON.parse(r.text) as PowChallenge;
      return encodeSolution(c, solveChallenge(c).number);
    }

    let seq = 0;
    const form = async (over: Record<string, string> = {}) => {
      seq++;
      return {
        kind: 'question',
        field: 'Đất đai, xây dựng',
        title: `Hỏi về thủ tục cấp sổ đỏ lần đầu số ${seq}`,
        content: `Gia đình tôi muốn hỏi hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì? (${seq})`,
        submitterType: 'citizen',
        name: 'Trần Thị Bích',
        email: `bich.tran${seq}@example.vn`,
        phone: `0987 654 ${String(seq).padStart(3, '0')}`,
        address: 'Số 7 ngõ 15 phố Lý Nam Đế, Hoàn Kiếm, Hà Nội',
        consent: 'yes',
        altcha: await altcha(),
        ...over,
      };
    };

    it('renders the form in vi and en with the fields from settings, its script and a CSP allowing only own scripts', async () => {
      const { fields } = await env.services.feedback.settings((await env.services.portals.require('chinhphu')).id);
      const central = await env.services.portals.require('chinhphu');
      for (const [path, lang, send] of [
        ['/phan-anh', 'vi', 'Gửi'],
        ['/en/phan-anh', 'en', 'Send'],
        ['/zh/phan-anh', 'zh', '提交'],
      ]) {
        const r = await env.get(CENTRAL, path);
        assert.equal(r.status, 200, path);
        assert.match(r.text, new RegExp(`<html lang="${lang}">`), path);
        assert.equal(r.headers['x-cache'], 'BYPASS', 'never from the page cache');
        assert.equal(r.headers['cache-control'], 'private, no-store');
        const main = mainOf(r.text);
        for (const f of fields) assert.ok(main.includes(`<option value="${f.replace(/,/g, ',')}"`), `${path}: field ${f}`);
        for (const name of ['kind', 'field', 'title', 'content', 'submitterType', 'name', 'email', 'phone', 'address', 'consent', 'altcha']) assert.match(main, new RegExp(`name="${name}"`), `${path}: ${name}`);
        assert.match(main, new RegExp(`<button type="submit" class="button">${send}</button>`));
        assert.match(r.text, /<script src="\/assets\/pow\.js" defer><\/script>/);
        assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
        assert.doesNotMatch(String(r.headers['content-security-policy']), /script-src 'none'/);
        // without JavaScript the page gives the portal's own contact instead
        assert.ok(main.includes('<noscript>') && main.includes(central.contact.email), path);
      }
      const en = await env.get(CENTRAL, '/en/phan-anh');
      assert.match(mainOf(en.text), /Send a question, feedback or a petition/);
      for (const path of ['/', '/hoi-dap', '/phan-anh/tra-cuu', '/search?q=x']) {
        const other = await env.get(CENTRAL, path);
        // other pages run only the analytics beacon, from this origin
        assert.match(String(other.headers['content-security-policy']), /script-src 'self';/, path);
        assert.doesNotMatch(other.text, /pow\.js/, path);
      }
      assert.equal((await env.get(PROVINCE, '/zh/phan-anh')).status, 404, 'only in the portal’s languages');
    });

    it('links to the form and the answers from every page’s footer, translated', async () => {
      const vi = await env.get(CENTRAL, '/');
      assert.match(vi.text, /<a href="\/phan-anh">Gửi phản ánh, kiến nghị<\/a>/);
      assert.match(vi.text, /<a href="\/hoi-dap">Hỏi đáp<\/a>/);
      const en = await env.get(CENTRAL, '/en/');
      assert.match(en.text, /<a href="\/en\/phan-anh">Send a question or feedback<\/a>/);
      assert.match(en.text, /<a href="\/en\/hoi-dap">Questions and answers<\/a>/);
    });

    it('serves the proof-of-work script as JavaScript', async () => {
      const r = await env.get(CENTRAL, '/assets/pow.js');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^text\/javascript/);
      assert.match(r.text, /crypto\.subtle\.digest\('SHA-256'/);
      assert.match(r.text, /\/api\/v1\/feedback\/challenge/);
    });

    let tracked: { code: string; email: string; phone: string };

    it('takes a submission with a solved proof of work and shows the tracking code and due date', async () => {
      const values = await form();
      const r = await post(env.port, CENTRAL, '/phan-anh', values);
      assert.equal(r.status, 201, mainOf(r.text));
      assert.equal(r.headers['cache-control'], 'private, no-store');
      const code = /<strong class="tracking-code"[^>]*>(PAKN\.\d{8}\.\d{4})<\/strong>/.exec(r.text)?.[1];
      assert.ok(code, 'the receipt shows the code');
      // the copy button is progressive enhancement: hidden until the same-origin script the receipt's policy lets run shows it
      const script = /<script src="(\/assets\/copy-[0-9a-f]{12}\.js)" defer><\/script>/.exec(r.text)?.[1];
      assert.ok(script, 'the receipt loads the copy script');
      assert.match(
        r.text,
        /<strong class="tracking-code" id="tracking-code">PAKN[^<]+<\/strong> <button type="button" class="copy-code" data-copy="tracking-code" data-status="copy-status" data-done="Đã chép" hidden>Chép mã số<\/button><span class="copy-status" id="copy-status" role="status"><\/span>/,
      );
      const js = await env.get(CENTRAL, script);
      assert.equal(js.status, 200);
      assert.match(String(js.headers['content-type']), /^text\/javascript/);
      assert.match(js.text, /navigator\.clipboard\.writeText/);
      assert.match(js.text, /data-status/);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /(^|; )script-src 'self'(;|$)/);
      assert.match(csp, /(^|; )connect-src 'none'(;|$)/);
      assert.match(mainOf(r.text), /Hạn trả lời/);
      assert.ok(mainOf(r.text).includes(`/phan-anh/tra-cuu?ma=${encodeURIComponent(code)}`));
      tracked = { code, email: values.email, phone: values.phone };

      const replay = await post(env.port, CENTRAL, '/phan-anh', { ...(await form()), altcha: values.altcha });
      assert.equal(replay.status, 400, 'a spent proof is refused');
      assert.match(mainOf(replay.text), /chống thư rác đã hết hạn hoặc đã được dùng/);

      const again = await post(env.port, CENTRAL, '/phan-anh', { ...values, altcha: await altcha() });
      assert.equal(again.status, 409, 'the same text again');
      assert.ok(mainOf(again.text).includes(code), 'names the code it was received under');
    });

    it('refuses too many submissions from one contact with 429 and Retry-After', async () => {
      const email = 'many@example.vn';
      for (let i = 0; i < 3; i++) assert.equal((await post(env.port, PROVINCE, '/phan-anh', await form({ email, phone: '' }))).status, 201);
      const r = await post(env.port, PROVINCE, '/phan-anh', await form({ email, phone: '' }));
      assert.equal(r.status, 429);
      assert.ok(Number(r.headers['retry-after']) > 0);
      assert.match(mainOf(r.text), /quá nhiều lần/);
    });

    it('re-renders the form with 422, the messages next to the fields and the typed values escaped', async () => {
      const title = 'Hi <script>alert(1)</script> & "quotes"';
      const r = await post(env.port, CENTRAL, '/en/phan-anh', { kind: 'question', title, content: 'short', name: '', email: '', phone: '', altcha: '' });
      assert.equal(r.status, 422);
      assert.match(r.text, /<html lang="en">/);
      const main = mainOf(r.text);
      assert.doesNotMatch(main, /<script>alert/);
      assert.ok(main.includes('value="Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"'), 'the title comes back, escaped');
      assert.match(main, /<p class="field-error" id="fb-content-error">The message needs 20 to 20,000 characters\.<\/p>/);
      assert.match(main, /<p class="field-error" id="fb-name-error">/);
      assert.match(main, /<p class="field-error" id="fb-field-error">Choose a field\.<\/p>/);
      assert.match(main, /id="fb-content"[^>]*aria-invalid="true"/);
      assert.match(main, /The anti-spam check did not run/);
      assert.match(main, /<input type="hidden" name="altcha" value="">/);
    });

    it('tracks with the right contact; a wrong contact reads like an unknown code (404)', async () => {
      const ok = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: tracked.email });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['cache-control'], 'private, no-store');
      assert.match(mainOf(ok.text), /Đã tiếp nhận/);
      assert.ok(mainOf(ok.text).includes(tracked.code));
      const byPhone = await post(env.port, CENTRAL, '/en/phan-anh/tra-cuu', { ma: tracked.code, lh: tracked.phone });
      assert.equal(byPhone.status, 200);
      assert.match(byPhone.text, /<html lang="en">/);
      assert.match(mainOf(byPhone.text), /Received/);

      const wrong = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: 'someone@example.vn' });
      const unknown = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: 'PAKN.20000101.9999', lh: tracked.email });
      assert.equal(wrong.status, 404);
      assert.equal(unknown.status, 404);
      const message = (r: Response) => /<p class="notice notice-error" role="alert">([^<]*)<\/p>/.exec(r.text)?.[1];
      assert.ok(message(wrong));
      assert.equal(message(wrong), message(unknown));
      assert.ok(!mainOf(wrong.text).includes('sổ đỏ'), 'nothing of the case shows');
      const empty = await env.get(CENTRAL, '/phan-anh/tra-cuu');
      assert.equal(empty.status, 200, 'the bare form');
    });

    it('lets the submitter add what an officer asked for, from the tracking page', async () => {
      const central = await env.services.portals.require('chinhphu');
      const officer = await env.services.accounts.byEmail('feedback-officer@test.gov.vn');
      const actor = { accountId: officer!.id, roles: ['feedback-officer', 'admin'] as ('feedback-officer' | 'admin')[] };
      const [row] = (await env.services.feedback.inbox(central, { limit: 200 })).filter((c) => c.trackingCode === tracked.code);
      await env.services.feedback.act(systemContext(central.id), central, row.id, actor, { action: 'request-info', note: 'Xin gửi số thửa đất.' });
      const page = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: tracked.email });
      assert.match(page.text, /name="text"/, 'the reply form shows while information is awaited');
      const empty = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: tracked.email, text: '' });
      assert.equal(empty.status, 422);
      const stranger = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: 'someone@example.vn', text: 'Thửa số 12' });
      assert.equal(stranger.status, 404);
      const sent = await post(env.port, CENTRAL, '/phan-anh/tra-cuu', { ma: tracked.code, lh: tracked.email, text: 'Thửa đất số 12, tờ bản đồ số 5.' });
      assert.equal(sent.status, 200, sent.text.slice(0, 300));
      assert.doesNotMatch(sent.text, /name="text"/, 'no form once the case goes on');
      const detail = await env.services.feedback.detail(central, row.id, { roles: ['feedback-officer'] });
      assert.equal(detail.status, 'in-progress');
      assert.ok(detail.history.some((h) => h.action === 'reply' && h.note?.includes('tờ bản đồ số 5')));
    });

    it('lists a published answer on /hoi-dap with initials and no contact details, and searches it', async () => {
      const central = await env.services.portals.require('chinhphu');
      const officer = await env.services.accounts.byEmail('feedback-officer@test.gov.vn');
      assert.ok(officer);
      const actor = { accountId: officer.id, roles: ['feedback-officer', 'admin'] as const };
      const [row] = (await env.services.feedback.inbox(central, { limit: 200 })).filter((c) => c.trackingCode === tracked.code);
      await env.services.feedback.act(systemContext(central.id), central, row.id, { ...actor, roles: [...actor.roles] }, { action: 'answer', answer: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.\n\nNộp tại bộ phận một cửa.' });
      await env.services.feedback.act(systemContext(central.id), central, row.id, { ...actor, roles: [...actor.roles] }, { action: 'publish' });

      for (const [path, lang] of [
        ['/hoi-dap', 'vi'],
        ['/en/hoi-dap', 'en'],
        ['/zh/hoi-dap', 'zh'],
      ]) {
        const r = await env.get(CENTRAL, path);
        assert.equal(r.status, 200, path);
        assert.equal(r.headers['x-cache'], 'BYPASS');
        assert.match(r.text, new RegExp(`<html lang="${lang}">`));
        const main = mainOf(r.text);
        assert.ok(main.includes('Hỏi về thủ tục cấp sổ đỏ lần đầu số 1'), path);
        assert.ok(main.includes('Nộp tại bộ phận một cửa.'), path);
        assert.ok(main.includes('T. T. B.'), 'initials');
        for (const secret of [tracked.email, tracked.phone, '0987654', 'Lý Nam Đế', 'Trần Thị Bích', 'Bích']) assert.ok(!r.text.includes(secret), `${path} shows ${secret}`);
      }
      const hit = await env.get(CENTRAL, `/hoi-dap?q=${encodeURIComponent('so do')}`);
      assert.ok(mainOf(hit.text).includes('sổ đỏ lần đầu số 1'), 'a folded query finds it');
      const miss = await env.get(CENTRAL, `/hoi-dap?q=${encodeURIComponent('<b>không có</b>')}`);
      assert.ok(!mainOf(miss.text).includes('sổ đỏ lần đầu số 1'));
      assert.ok(mainOf(miss.text).includes('&lt;b&gt;không có&lt;/b&gt;'), 'the query is escaped');
      const far = await env.get(CENTRAL, '/hoi-dap?page=5');
      assert.equal(far.status, 200);
      assert.match(mainOf(far.text), /Trang trước/);
    });
  });
}
