import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, checkContentDigest, sha256Field } from '../src/modules/federation/canonical.ts';
import { OutgoingHttpError, request } from '../src/modules/federation/http.ts';
import { parseSignatureHeaders, signatureBase, signRequest, signResponse, verifyEd25519 } from '../src/modules/federation/signatures.ts';
import { absolutize } from '../src/modules/federation/log.ts';
import { freePort } from './federation-helpers.ts';

// The pieces of federation that need no store: canonical JSON, digests,
// HTTP Message Signatures, and the outgoing HTTP client's rules.

describe('canonical JSON and Content-Digest', () => {
  test('keys sorted, no whitespace, undefined left out, strings escaped as JSON does', () => {
    assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, é: 'Nghị định "42"' }), '{"a":[true,null,"x"],"b":1,"é":"Nghị định \\"42\\""}');
    assert.equal(canonicalJson({ z: { y: 2, x: 1 } }), '{"z":{"x":1,"y":2}}');
    assert.throws(() => canonicalJson({ n: NaN }));
  });

  test('Content-Digest (RFC 9530): matches, mismatches, unknown algorithms', () => {
    const body = Buffer.from('{"hello": "world"}');
    assert.equal(sha256Field(body), 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:', 'the RFC 9530 example');
    assert.equal(checkContentDigest(sha256Field(body), body), 'ok');
    assert.equal(checkContentDigest(sha256Field('other'), body), 'mismatch');
    assert.equal(checkContentDigest(undefined, body), 'missing');
    assert.equal(checkContentDigest('md5=:AAAA:', body), 'unsupported');
    assert.equal(checkContentDigest(`md5=:AAAA:, ${sha256Field(body)}`, body), 'ok');
  });
});

describe('HTTP Message Signatures (RFC 9421, ed25519)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  const key = { keyId: 'http://chinhphu.localhost:3000#k1', privateKey };

  test('a signed request verifies over its signature base; any change breaks it', () => {
    const url = 'http://hanoi.localhost:3000/federation/v1/inbox';
    const headers = signRequest(key, { method: 'POST', url, body: '{"a":1}' }, new Date(1_700_000_000_000));
    assert.equal(headers['signature-input'], 'sig1=("@method" "@target-uri" "content-digest");created=1700000000;keyid="http://chinhphu.localhost:3000#k1";alg="ed25519"');
    const parsed = parseSignatureHeaders(headers['signature-input'], headers.signature);
    assert.deepEqual(parsed.components, ['@method', '@target-uri', 'content-digest']);
    assert.equal(parsed.params.created, 1_700_000_000);
    const values: Record<string, string> = { '@method': 'POST', '@target-uri': url, 'content-digest': headers['content-digest'] };
    const base = signatureBase(parsed.components, (c) => values[c], parsed.paramsText);
    assert.equal(base.split('\n')[0], '"@method": POST');
    assert.ok(verifyEd25519(raw, base, parsed.signature));
    values['@target-uri'] = 'http://danang.localhost:3000/federation/v1/inbox';
    assert.ok(
      !verifyEd25519(
        raw,
        signatureBase(parsed.components, (c) => values[c], parsed.paramsText),
        parsed.signature,
      ),
    );
  });

  test('parses dictionaries with several labels and spacing, and refuses malformed ones', () => {
    const res = signResponse(key, { status: 200, body: '{}' }, new Date());
    const parsed = parseSignatureHeaders(`other=("@status");created=1, ${res['signature-input']}`, `${res.signature},  other=:AAAA:`);
    assert.equal(parsed.label, 'other', 'the first label present in both');
    assert.throws(() => parseSignatureHeaders('sig1=("@method"', 'sig1=:AAAA:'));
    assert.throws(() => parseSignatureHeaders('sig1=("@method");created=1', 'sig1=AAAA'));
    assert.throws(() => parseSignatureHeaders(undefined, undefined), /not signed/);
  });
});

describe('outgoing HTTP', () => {
  let server: http.Server;
  let port: number;
  let seenHosts: string[] = [];

  before(async () => {
    port = await freePort();
    server = http.createServer((req, res) => {
      seenHosts.push(req.headers.host ?? '');
      if (req.url === '/redirect-same') return void res.writeHead(302, { location: '/ok' }).end();
      if (req.url === '/redirect-away') return void res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end();
      if (req.url === '/big') return void res.end(Buffer.alloc(2048, 0x61));
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('*.localhost resolves to loopback without DNS, and the Host header keeps the name', async () => {
    seenHosts = [];
    const res = await request({ url: `http://hanoi.localhost:${port}/ok` });
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), 'ok');
    assert.deepEqual(seenHosts, [`hanoi.localhost:${port}`]);
  });

  test('redirects: followed within the same origin, refused to another host', async () => {
    const same = await request({ url: `http://hanoi.localhost:${port}/redirect-same` });
    assert.equal(same.status, 200);
    assert.equal(same.url, `http://hanoi.localhost:${port}/ok`);
    await assert.rejects(request({ url: `http://hanoi.localhost:${port}/redirect-away` }), (err: OutgoingHttpError) => err.code === 'redirect-refused');
  });

  test('size limit and timeout', async () => {
    await assert.rejects(request({ url: `http://x.localhost:${port}/big`, maxBytes: 1024 }), (err: OutgoingHttpError) => err.code === 'too-large');
    await assert.rejects(request({ url: `http://x.localhost:${port}/slow`, timeoutMs: 200 }), (err: OutgoingHttpError) => err.code === 'timeout');
    await assert.rejects(request({ url: 'file:///etc/passwd' }), (err: OutgoingHttpError) => err.code === 'bad-url');
  });
});

describe('shared items', () => {
  test('relative links and media become absolute against the origin portal, and are listed', () => {
    const out = absolutize(
      {
        body: '<p><a href="/tin-tuc/a">a</a> <img src="/media/a.jpg" srcset="/media/a-480.avif 480w, /media/a-960.avif 960w"> <a href="https://x.vn/">x</a></p>',
        meta: { images: [{ src: '/media/g.jpg' }], poster: 'https://cdn.vn/p.jpg', note: '/not-a-link' },
      },
      'http://chinhphu.localhost:3000',
    );
    assert.match(out.body, /href="http:\/\/chinhphu\.localhost:3000\/tin-tuc\/a"/);
    assert.match(out.body, /srcset="http:\/\/chinhphu\.localhost:3000\/media\/a-480\.avif 480w, http:\/\/chinhphu\.localhost:3000\/media\/a-960\.avif 960w"/);
    assert.deepEqual((out.meta.images as { src: string }[])[0].src, 'http://chinhphu.localhost:3000/media/g.jpg');
    assert.equal(out.meta.note, '/not-a-link');
    assert.deepEqual(out.media, [
      'http://chinhphu.localhost:3000/media/a-480.avif',
      'http://chinhphu.localhost:3000/media/a-960.avif',
      'http://chinhphu.localhost:3000/media/a.jpg',
      'http://chinhphu.localhost:3000/media/g.jpg',
      'https://cdn.vn/p.jpg',
    ]);
  });
});
