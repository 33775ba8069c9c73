import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { encodeSolution, solveChallenge, type PowChallenge } from '../src/modules/feedback/pow.ts';
import { MAX_ATTACHMENT_BYTES } from '../src/modules/feedback/model.ts';
import { engines, postgresSkip } from './helpers.ts';
import { CENTRAL, mainOf, PROVINCE, startSite, type Response, type SiteEnv } from './site-helpers.ts';

// The HTML form at /phan-anh with files: sent as multipart/form-data, each
// file checked by the same rules as the API (count, size, type proved by its
// bytes), and the API's per-address limit (FEEDBACK_IP_LIMIT) counted across
// the form and the API together. Every refusal is the form again, in the
// reader's language, with the reason — and no case is created.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(64)]);

interface FilePart {
  filename: string;
  type: string;
  data: Buffer;
}

/** Posts a multipart form as a browser does (a file input left empty sends an empty part). */
function postMultipart(port: number, host: string, path: string, fields: Record<string, string>, files: FilePart[], opts: { emptyFileInput?: boolean } = {}): Promise<Response> {
  const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  if (opts.emptyFileInput) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { host, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(parts);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (postgresSkip) describe('feedback form on postgres', { skip: postgresSkip }, () => {});

for (const engine of engines()) {
  describe(`the feedback form with files, and the per-address limit (${engine})`, () => {
    let env: SiteEnv;

    before(async () => {
      // five submissions every ten minutes from one address
      env = await startSite(engine, { env: { FEEDBACK_IP_LIMIT: '5' } });
    });
    after(async () => {
      await env?.close();
    });

    async function altcha(): Promise<string> {
      const r = await env.get(CENTRAL, '/api/v1/feedback/challenge');
      const c = JSON.parse(r.text) as PowChallenge;
      return encodeSolution(c, solveChallenge(c).number);
    }
    let seq = 0;
    const form = async (over: Record<string, string> = {}) => ({
      kind: 'feedback',
      field: 'Môi trường',
      title: `Phản ánh rác thải tại bãi đất trống số ${++seq}`,
      content: `Bãi đất trống cạnh chợ bị đổ rác thải nhiều ngày, gây ô nhiễm; xin cơ quan xử lý (${seq}).`,
      submitterType: 'citizen',
      name: 'Hoàng Văn Bình',
      email: `binh.hoang${seq}@example.vn`,
      phone: '',
      address: '',
      consent: 'yes',
      altcha: await altcha(),
      ...over,
    });
    const cases = async () =>
      Number(
        (
          await (env.services.store.db as any)
            .selectFrom('feedback_cases')
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const files = async () =>
      Number(
        (
          await (env.services.store.db as any)
            .selectFrom('feedback_attachments')
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('offers a file input for PDF and pictures, in a multipart form', async () => {
      const r = await env.get(CENTRAL, '/en/phan-anh');
      const main = mainOf(r.text);
      assert.match(main, /<form class="feedback-form" method="post" action="\/en\/phan-anh" enctype="multipart\/form-data"/);
      assert.match(main, /<input id="fb-attachments" name="attachments" type="file" multiple accept="application\/pdf,image\/jpeg,image\/png,image\/webp"/);
      assert.match(main, /Up to 3 PDF files or JPEG, PNG or WebP pictures, 5 MB each at most\./);
    });

    it('takes a submission with a PDF and a picture; the officers find both files, byte for byte', async () => {
      const values = await form();
      const r = await postMultipart(
        env.port,
        PROVINCE,
        '/phan-anh',
        values,
        [
          { filename: 'ảnh hiện trường.png', type: 'image/png', data: PNG },
          { filename: 'don.pdf', type: 'application/pdf', data: PDF },
        ],
        { emptyFileInput: true },
      );
      assert.equal(r.status, 201, mainOf(r.text));
      const code = /<strong class="tracking-code"[^>]*>(PAKN\.\d{8}\.\d{4})<\/strong>/.exec(r.text)![1];
      const hanoi = await env.services.portals.require('hanoi');
      const row = (await env.services.feedback.inbox(hanoi, { limit: 50 })).find((c) => c.trackingCode === code)!;
      const detail = await env.services.feedback.detail(hanoi, row.id, { roles: ['feedback-officer'] });
      assert.deepEqual(
        detail.attachments.map((a) => [a.filename, a.mime, a.size]),
        [
          ['ảnh hiện trường.png', 'image/png', PNG.length],
          ['don.pdf', 'application/pdf', PDF.length],
        ],
      );
      const stored = await env.services.feedback.attachment(hanoi, row.id, detail.attachments[1].id, { roles: ['feedback-officer'] });
      assert.deepEqual(Buffer.from(stored.data), PDF);
      // a form without files (and the old urlencoded posts) still works: covered by feedback-pages.test.ts
    });

    it('refuses a file that is not what it claims (415), one too large, and too many (422): the form comes back with the reason, nothing is kept', async () => {
      const before = { cases: await cases(), files: await files() };
      const fake = await postMultipart(env.port, PROVINCE, '/en/phan-anh', await form(), [{ filename: 'don.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
      assert.equal(fake.status, 415, mainOf(fake.text));
      assert.match(fake.text, /<html lang="en">/);
      assert.match(mainOf(fake.text), /<p class="field-error" id="fb-attachments-error">An attachment was not accepted/);
      assert.match(mainOf(fake.text), /id="fb-attachments"[^>]*aria-invalid="true"/);
      assert.ok(mainOf(fake.text).includes('value="Phản ánh rác thải tại bãi đất trống số'), 'the typed title comes back');

      const exe = await postMultipart(env.port, PROVINCE, '/phan-anh', await form(), [{ filename: 'setup.exe', type: 'application/x-msdownload', data: Buffer.from('MZ\x90\x00') }]);
      assert.equal(exe.status, 415);
      assert.match(mainOf(exe.text), /Tệp đính kèm chưa hợp lệ/);

      const big = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(MAX_ATTACHMENT_BYTES), Buffer.from('\n%%EOF\n')]);
      const tooLarge = await postMultipart(env.port, PROVINCE, '/zh/phan-anh', await form(), [{ filename: 'lon.pdf', type: 'application/pdf', data: big }]);
      assert.equal(tooLarge.status, 404, 'the province has no Chinese pages');
      const tooLargeVi = await postMultipart(env.port, PROVINCE, '/phan-anh', await form(), [{ filename: 'lon.pdf', type: 'application/pdf', data: big }]);
      assert.equal(tooLargeVi.status, 422, mainOf(tooLargeVi.text));
      assert.match(mainOf(tooLargeVi.text), /id="fb-attachments-error"/);

      const four = await postMultipart(
        env.port,
        CENTRAL,
        '/zh/phan-anh',
        await form(),
        [1, 2, 3, 4].map((i) => ({ filename: `don-${i}.pdf`, type: 'application/pdf', data: PDF })),
      );
      assert.equal(four.status, 422);
      assert.match(four.text, /<html lang="zh">/);
      assert.match(mainOf(four.text), /附件不符合要求/);
      assert.deepEqual({ cases: await cases(), files: await files() }, before, 'no case and no file kept');
    });

    it('counts the form and the API against one per-address limit: the sixth is refused with a localized 429 page and Retry-After, and nothing is created', async () => {
      // the tests above made five submissions from this address (127.0.0.1), refused ones included; the
      // province's Chinese form answered 404 before counting. The limit is five: the next one is the sixth.
      const before = await cases();
      const r = await postMultipart(env.port, CENTRAL, '/en/phan-anh', await form({ title: 'Phản ánh gửi quá giới hạn địa chỉ mạng' }), []);
      assert.equal(r.status, 429, mainOf(r.text));
      assert.ok(Number(r.headers['retry-after']) > 0, 'Retry-After');
      assert.equal(r.headers['cache-control'], 'private, no-store');
      assert.match(r.text, /<html lang="en">/);
      assert.match(mainOf(r.text), /Too many submissions from this network address\. Please try again in about \d+ minutes?\./);
      assert.ok(mainOf(r.text).includes('value="Phản ánh gửi quá giới hạn địa chỉ mạng"'), 'the typed text comes back');
      const vi = await postMultipart(env.port, CENTRAL, '/phan-anh', await form(), []);
      assert.equal(vi.status, 429);
      assert.match(mainOf(vi.text), /Có quá nhiều lượt gửi từ cùng một địa chỉ mạng/);
      // the API shares the count
      const c = JSON.parse((await env.get(CENTRAL, '/api/v1/feedback/challenge')).text) as PowChallenge;
      const api = await fetch(`http://127.0.0.1:${env.port}/api/v1/portals/chinhphu/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'question',
          field: 'Khác',
          title: 'Câu hỏi qua giao diện lập trình',
          content: 'Nội dung câu hỏi gửi qua giao diện lập trình.',
          submitterType: 'citizen',
          name: 'Bình',
          email: 'api.binh@example.vn',
          consentToPublish: false,
          altcha: encodeSolution(c, solveChallenge(c).number),
        }),
      });
      assert.equal(api.status, 429);
      assert.match(String(api.headers.get('content-type')), /application\/problem\+json/);
      assert.ok(Number(api.headers.get('retry-after')) > 0);
      assert.equal(await cases(), before, 'no case created');
      // reading and tracking are not submissions: still open
      assert.equal((await env.get(CENTRAL, '/phan-anh')).status, 200);
      assert.equal((await env.get(CENTRAL, '/hoi-dap')).status, 200);
    });
  });
}
