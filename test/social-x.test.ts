import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { xEmulator } from '../src/dev/social-emulator/x.ts';
import { classifyX, formatX, weightedLength, xConnector } from '../src/modules/social/connectors/x.ts';
import { ConnectorError, type ChannelRuntime, type DeliveryState, type SocialPost } from '../src/modules/social/types.ts';
import { nextItemId, response, samplePost as sharedPost } from './social-helpers.ts';

const xc = xConnector;
let emulator: SocialEmulator;
let pictures: http.Server;
let picturesUrl = '';
/** X's sample: a shorter summary and a third tag (the tweet tests count characters). */
const samplePost = (over: Partial<SocialPost> = {}) => sharedPost({ summary: 'Chính phủ thảo luận tình hình kinh tế – xã hội.', tags: ['kinh tế số', 'đầu tư công', 'chuyển đổi số'], ...over });

/** a valid 1×1 PNG */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

before(async () => {
  emulator = new SocialEmulator([xEmulator]);
  await emulator.listen(0);
  pictures = http.createServer((req, res) => {
    if (req.url === '/anh-bia.png') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) });
      res.end(PNG);
    } else if (req.url === '/not-a-picture.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('<html>login required</html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => pictures.listen(0, '127.0.0.1', resolve));
  picturesUrl = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
});
after(async () => {
  await emulator.close();
  pictures.closeAllConnections();
  await new Promise((resolve) => pictures.close(resolve));
});

const state = () => emulator.state('x');

function channel(): ChannelRuntime {
  const { apiBaseUrl, credentials } = emulator.account('x');
  return { id: 2, platform: 'x', apiBaseUrl, credentials };
}

async function refusal(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ConnectorError, `expected a ConnectorError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

const requests = (pattern: RegExp) => state().received.filter((r) => pattern.test(`${r.method} ${r.path}`)).length;

test('a post goes out with the title, two hashtags and the link', async () => {
  const ch = channel();
  const post = samplePost();
  const st: DeliveryState = {};
  const result = await xc.publish(ch, post, st);
  const [stored] = state().postsFor(post.url);
  assert.ok(stored, 'the emulator holds the post');
  assert.equal(result.remoteId, stored.id);
  assert.equal(result.remoteUrl, `https://x.com/i/web/status/${stored.id}`);
  assert.equal(stored.text, `${post.title}\n\n#kinhtếsố #đầutưcông\n${post.url}`);
  assert.deepEqual(stored.data.mediaIds, []);
  assert.equal(xc.update, undefined, 'X offers no edit on this tier');
});

test('X counts links as 23 and Vietnamese letters with two marks as 2', () => {
  assert.equal(weightedLength('abc'), 3);
  assert.equal(weightedLength('ế'), 2);
  assert.equal(weightedLength('e\u0302\u0301'), 2, 'decomposed text is counted after NFC');
  assert.equal(weightedLength('ă'), 1);
  assert.equal(weightedLength('中文'), 4);
  assert.equal(weightedLength('xem https://chinhphu.vn/a/very/long/path/that/is/longer/than/twenty-three'), 4 + 23);
  assert.equal(weightedLength('xem chinhphu.vn'), 4 + 23);
});

test('a very long title is cut to fit 280 as X counts; the link stays whole', async () => {
  const url = `http://chinhphu.localhost:3000/tin-tuc/${'nghi-dinh-moi-'.repeat(15)}${nextItemId()}`;
  const post = samplePost({ url, title: 'Nghị định quy định chi tiết một số điều của Luật Đất đai về thu hồi đất, bồi thường, hỗ trợ, tái định cư '.repeat(8) });
  const text = formatX(post);
  assert.ok(weightedLength(text) <= 280, `weighted length ${weightedLength(text)}`);
  assert.ok(weightedLength(text) > 240, 'the room is used');
  assert.ok(text.endsWith(`\n${url}`));
  assert.ok(text.includes('…'));
  // the emulator counts on its own and takes it
  const ch = channel();
  await xc.publish(ch, post, {});
  assert.equal(state().postsFor(url).length, 1);

  // wide characters: every one of them counts twice
  const wide = formatX(samplePost({ title: '中华人民共和国和越南社会主义共和国联合声明'.repeat(20), tags: [] }));
  assert.ok(weightedLength(wide) <= 280, `weighted length ${weightedLength(wide)}`);
  // a short title keeps all of it
  assert.ok(formatX(samplePost({ title: 'Thông báo ngắn' })).startsWith('Thông báo ngắn\n\n#'));
});

test('the emulator refuses an over-long post with a 400 problem', async () => {
  const ch = channel();
  for (const text of ['a'.repeat(281), 'ế'.repeat(141)]) {
    const res = await fetch(`${ch.apiBaseUrl}/tweets`, { method: 'POST', headers: { authorization: `Bearer ${ch.credentials.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.title, 'Invalid Request');
    assert.match(body.errors[0].message, /too long/);
  }
  const ok = await fetch(`${ch.apiBaseUrl}/tweets`, { method: 'POST', headers: { authorization: `Bearer ${ch.credentials.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'ế'.repeat(140) }) });
  assert.equal(ok.status, 201);
  const anonymous = await fetch(`${ch.apiBaseUrl}/users/me`);
  assert.equal(anonymous.status, 401);
  assert.deepEqual(await anonymous.json(), { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
});

test('a cover picture is uploaded in chunks and attached; a missing one leaves the post without it', async () => {
  const ch = channel();
  const post = samplePost({ imageUrl: `${picturesUrl}/anh-bia.png` });
  const st: DeliveryState = {};
  const before = { init: requests(/initialize$/), append: requests(/append$/), finalize: requests(/finalize$/) };
  await xc.publish(ch, post, st);
  const [stored] = state().postsFor(post.url);
  assert.equal((stored.data.mediaIds as string[]).length, 1);
  assert.equal(st.mediaId, (stored.data.mediaIds as string[])[0]);
  assert.equal(requests(/initialize$/), before.init + 1);
  assert.equal(requests(/append$/), before.append + 1);
  assert.equal(requests(/finalize$/), before.finalize + 1);

  // a later attempt of the same delivery uses the upload it already made
  const next = samplePost({ imageUrl: `${picturesUrl}/anh-bia.png` });
  await xc.publish(ch, next, { mediaId: st.mediaId, mediaExpiresAt: st.mediaExpiresAt, mediaReady: true });
  assert.deepEqual(state().postsFor(next.url)[0].data.mediaIds, stored.data.mediaIds);
  assert.equal(requests(/initialize$/), before.init + 1, 'no second upload');

  for (const broken of ['/missing.png', '/not-a-picture.png']) {
    const p = samplePost({ imageUrl: `${picturesUrl}${broken}` });
    await xc.publish(ch, p, {});
    assert.deepEqual(state().postsFor(p.url)[0].data.mediaIds, [], broken);
  }
  assert.equal(requests(/initialize$/), before.init + 1);
});

test('an upload X reports as processing is polled with STATUS until it succeeds', async () => {
  const ch = channel();
  state().extra.set('mediaProcessingPolls', 2);
  try {
    const post = samplePost({ imageUrl: `${picturesUrl}/anh-bia.png` });
    const polls = requests(/^GET \/2\/media\/upload$/);
    await xc.publish(ch, post, {});
    assert.equal(requests(/^GET \/2\/media\/upload$/), polls + 2);
    assert.equal((state().postsFor(post.url)[0].data.mediaIds as string[]).length, 1);
  } finally {
    state().extra.delete('mediaProcessingPolls');
  }
});

test('remove deletes the post; removing it again is no error', async () => {
  const ch = channel();
  const post = samplePost();
  const { remoteId } = await xc.publish(ch, post, {});
  await xc.remove!(ch, remoteId);
  assert.equal(state().posts.get(remoteId)!.deleted, true);
  await xc.remove!(ch, remoteId);
  await xc.remove!(ch, '1234567890');
});

test('account and post metrics', async () => {
  const ch = channel();
  state().followers = 2024;
  assert.deepEqual(await xc.channelMetrics!(ch), { followers: 2024 });
  const { remoteId } = await xc.publish(ch, samplePost(), {});
  Object.assign(state().posts.get(remoteId)!.data.metrics as object, { impression_count: 900, like_count: 40, retweet_count: 7, reply_count: 3 });
  assert.deepEqual(await xc.postMetrics!(ch, remoteId), { views: 900, likes: 40, shares: 7, comments: 3 });
  await xc.remove!(ch, remoteId);
  assert.equal((await refusal(xc.postMetrics!(ch, remoteId))).errorClass, 'bad-content');
});

test('throttling is retry-later with the wait X gave', async () => {
  const ch = channel();
  const post = samplePost();
  emulator.inject('x', { kind: 'rate-limit', retryAfterSeconds: 5 });
  const err = await refusal(xc.publish(ch, post, {}));
  assert.equal(err.errorClass, 'retry-later');
  assert.equal(err.details.retryAfterMs, 5000);
  assert.equal(err.details.status, 429);
  await xc.publish(ch, post, {});
  assert.equal(state().postsFor(post.url).length, 1);
});

test('server errors, proxy pages and cut-off JSON are retry-later', async () => {
  const ch = channel();
  for (const kind of ['server-error', 'html-error', 'truncated-json'] as const) {
    emulator.inject('x', { kind });
    const err = await refusal(xc.publish(ch, samplePost(), {}));
    assert.equal(err.errorClass, 'retry-later', kind);
    assert.ok(!err.message.includes(ch.credentials.accessToken));
  }
  // the same during a picture upload
  emulator.inject('x', { kind: 'html-error' });
  const err = await refusal(xc.publish(ch, samplePost({ imageUrl: `${picturesUrl}/anh-bia.png` }), {}));
  assert.equal(err.errorClass, 'retry-later');
});

test('an expired token asks for a refresh; the new pair works and the old refresh token is dead', async () => {
  const ch = channel();
  const post = samplePost();
  emulator.inject('x', { kind: 'expired-token' });
  const err = await refusal(xc.publish(ch, post, {}));
  assert.equal(err.errorClass, 'refresh-token');
  assert.equal((await refusal(xc.channelMetrics!(ch))).errorClass, 'refresh-token', 'the old access token stays dead');

  const fresh = await xc.refresh!(ch);
  assert.notEqual(fresh.accessToken, ch.credentials.accessToken);
  assert.notEqual(fresh.refreshToken, ch.credentials.refreshToken);
  assert.equal(fresh.clientId, ch.credentials.clientId);
  const renewed = { ...ch, credentials: fresh };
  await xc.publish(renewed, post, {});
  assert.equal(state().postsFor(post.url).length, 1);

  const reused = await refusal(xc.refresh!(ch));
  assert.equal(reused.errorClass, 'disconnected');
  assert.equal(reused.details.status, 400);
  const wrongClient = await refusal(xc.refresh!({ ...renewed, credentials: { ...fresh, clientId: 'someone-else' } }));
  assert.equal(wrongClient.errorClass, 'disconnected');

  // a confidential client sends Basic auth, and the emulator takes it
  const confidential = await xc.refresh!({ ...renewed, credentials: { ...fresh, clientSecret: 's3cret' } });
  assert.equal(confidential.clientSecret, 's3cret');
  await xc.channelMetrics!({ ...renewed, credentials: confidential });
});

test('the refresh request has the documented form and Basic auth for a confidential client', async () => {
  let seen: { auth?: string; body: string; path?: string } = { body: '' };
  const capture = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen = { auth: req.headers.authorization, body, path: req.url };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'bearer', access_token: 'new-at', refresh_token: 'new-rt', expires_in: 7200 }));
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(capture.address() as AddressInfo).port}/2`;
    const creds = { accessToken: 'at', refreshToken: 'rt', clientId: 'cid', clientSecret: 'sec', extra: 'kept' };
    const fresh = await xc.refresh!({ id: 3, platform: 'x', apiBaseUrl: base, credentials: creds });
    assert.deepEqual(fresh, { ...creds, accessToken: 'new-at', refreshToken: 'new-rt' });
    assert.equal(seen.path, '/2/oauth2/token');
    assert.equal(seen.auth, `Basic ${Buffer.from('cid:sec').toString('base64')}`);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(seen.body)), { grant_type: 'refresh_token', refresh_token: 'rt', client_id: 'cid' });
    await xc.refresh!({ id: 3, platform: 'x', apiBaseUrl: base, credentials: { accessToken: 'at', refreshToken: 'rt', clientId: 'cid' } });
    assert.equal(seen.auth, undefined, 'a public client sends no Authorization');
  } finally {
    capture.closeAllConnections();
    await new Promise((resolve) => capture.close(resolve));
  }
});

test('duplicate content is bad-content', async () => {
  const ch = channel();
  emulator.inject('x', { kind: 'duplicate' });
  const injected = await refusal(xc.publish(ch, samplePost(), {}));
  assert.equal(injected.errorClass, 'bad-content');
  assert.equal(injected.details.status, 403);

  const post = samplePost();
  await xc.publish(ch, post, {});
  const st: DeliveryState = {};
  const repeat = await refusal(xc.publish(ch, post, st));
  assert.equal(repeat.errorClass, 'bad-content');
  assert.match(repeat.message, /duplicate content/);
  assert.equal(st.attemptedAt, undefined);
  assert.equal(state().postsFor(post.url).length, 1);
});

test('an answer lost after posting: the next attempt finds the post instead of posting twice', async () => {
  const ch = channel();
  const post = samplePost();
  const st: DeliveryState = {};
  emulator.inject('x', { kind: 'lost-response' });
  const err = await refusal(xc.publish(ch, post, st));
  assert.equal(err.errorClass, 'retry-later');
  assert.equal(err.details.ambiguous, true);
  assert.equal(state().postsFor(post.url).length, 1);
  const creates = requests(/^POST \/2\/tweets$/);
  const result = await xc.publish(ch, post, st);
  assert.equal(state().postsFor(post.url).length, 1, 'no second post');
  assert.equal(result.remoteId, state().postsFor(post.url)[0].id);
  assert.equal(requests(/^POST \/2\/tweets$/), creates);
  assert.equal(await xc.findExisting!(ch, samplePost(), {}), undefined);
});

test('classifyX sorts X answers', () => {
  assert.equal(classifyX(response(401, { title: 'Unauthorized', status: 401 })).errorClass, 'refresh-token');
  assert.equal(classifyX(response(403, { detail: 'Your account is suspended and is not permitted to access this feature' })).errorClass, 'disconnected');
  assert.equal(classifyX(response(403, { detail: 'You are not permitted to perform this action.' })).errorClass, 'disconnected');
  assert.equal(classifyX(response(403, { title: 'Client Forbidden', reason: 'client-not-enrolled' })).errorClass, 'disconnected');
  assert.equal(classifyX(response(403, { detail: 'You are not allowed to create a Tweet with duplicate content.' })).details.code, 'duplicate-content');
  assert.equal(classifyX(response(403, { detail: 'You are not allowed to post a link to this site.' })).errorClass, 'bad-content');
  assert.equal(classifyX(response(400, { title: 'Invalid Request' })).errorClass, 'bad-content');
  const now = Date.now();
  const reset = classifyX(response(429, { title: 'Too Many Requests' }, { 'x-rate-limit-reset': String(Math.floor(now / 1000) + 120) }));
  assert.equal(reset.errorClass, 'retry-later');
  assert.ok(reset.details.retryAfterMs! > 110_000 && reset.details.retryAfterMs! <= 120_000, String(reset.details.retryAfterMs));
  const daily = classifyX(response(429, {}, { 'x-rate-limit-reset': String(Math.floor(now / 1000) + 60), 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(Math.floor(now / 1000) + 3600 * 5) }));
  assert.ok(daily.details.retryAfterMs! > 3600 * 5 * 1000 - 10_000, 'the exhausted daily cap decides');
  assert.equal(classifyX(response(429, {})).details.retryAfterMs, 60_000);
  assert.equal(classifyX(response(503, { title: 'Service Unavailable' })).errorClass, 'retry-later');
  assert.equal(classifyX({ status: 502, headers: new Headers(), text: '<html>', json: undefined }).errorClass, 'retry-later');
  const cut = classifyX({ status: 201, headers: new Headers(), text: '{"data":{"i', json: undefined });
  assert.equal(cut.errorClass, 'retry-later');
  assert.equal(cut.details.ambiguous, true);
});

test('hostile answers end in a ConnectorError or a sane result, never anything else', async () => {
  let answer: { status: number; body: string | Buffer; headers?: Record<string, string> } = { status: 200, body: '' };
  const hostile = http.createServer((req, res) => {
    req.resume();
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  const ch: ChannelRuntime = { id: 9, platform: 'x', apiBaseUrl: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/2`, credentials: { accessToken: 'xat-secret', refreshToken: 'xrt-secret', clientId: 'c' } };
  const answers = [
    { status: 200, body: '<html><body>Hello</body></html>' },
    { status: 200, body: 'null' },
    { status: 200, body: '[]' },
    { status: 201, body: '"text"' },
    { status: 201, body: '{"data":{"id":{"nested":true},"deleted":"maybe","public_metrics":{"like_count":"many","impression_count":-1}}}' },
    { status: 200, body: '{"data":[null,5,{"id":{}},{"id":"12","text":7,"entities":{"urls":"x"}}],"access_token":5}' },
    { status: 200, body: '{"data":{"id":"123","processing_info":{"state":"failed"}},"access_token":"a"}' },
    { status: 400, body: '{"errors":"x","detail":{"a":1}}' },
    { status: 403, body: '' },
    { status: 500, body: '' },
    { status: 302, body: '', headers: { location: 'http://169.254.169.254/' } },
    { status: 200, body: Buffer.alloc(2 * 1024 * 1024 + 10, 0x20) },
  ];
  const post = samplePost({ imageUrl: `${picturesUrl}/anh-bia.png` });
  try {
    for (const a of answers) {
      answer = a;
      const calls: [string, () => Promise<unknown>][] = [
        ['publish', () => xc.publish(ch, post, {})],
        ['publish again', () => xc.publish(ch, post, { attemptedAt: new Date().toISOString() })],
        ['remove', () => xc.remove!(ch, '12')],
        ['refresh', () => xc.refresh!(ch)],
        ['findExisting', () => xc.findExisting!(ch, post, {})],
        ['channelMetrics', () => xc.channelMetrics!(ch)],
        ['postMetrics', () => xc.postMetrics!(ch, '12')],
      ];
      for (const [name, run] of calls) {
        let result: unknown;
        try {
          result = await run();
        } catch (err) {
          assert.ok(err instanceof ConnectorError, `${name} on ${a.status} ${String(a.body).slice(0, 40)} threw ${String(err)}`);
          assert.ok(!/xat-secret|xrt-secret/.test(err.message), 'no token in the message');
          continue;
        }
        if (name.startsWith('publish')) assert.match((result as { remoteId: string }).remoteId, /^\d+$/);
        if (name === 'refresh') assert.equal(typeof (result as Record<string, string>).accessToken, 'string');
        if (name.endsWith('Metrics')) for (const v of Object.values(result as object)) assert.ok(v === undefined || (Number.isFinite(v) && v >= 0), `${name}: ${v}`);
      }
    }
  } finally {
    hostile.closeAllConnections();
    await new Promise((resolve) => hostile.close(resolve));
  }
});
