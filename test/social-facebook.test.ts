import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { facebookEmulator } from '../src/dev/social-emulator/facebook.ts';
import { classifyFacebook, facebookConnector, formatFacebook, videoBase } from '../src/modules/social/connectors/facebook.ts';
import { ConnectorError, type ChannelRuntime, type DeliveryState } from '../src/modules/social/types.ts';
import { nextItemId, response, samplePost } from './social-helpers.ts';

const fb = facebookConnector;
let emulator: SocialEmulator;

before(async () => {
  emulator = new SocialEmulator([facebookEmulator]);
  await emulator.listen(0);
});
after(() => emulator.close());

const state = () => emulator.state('facebook');

function channel(): ChannelRuntime {
  const { apiBaseUrl, credentials } = emulator.account('facebook');
  return { id: 1, platform: 'facebook', apiBaseUrl, credentials };
}

/** The ConnectorError a call ends with; anything else fails the test. */
async function refusal(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ConnectorError, `expected a ConnectorError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

test('a link post lands on the page with the link, the title, the summary and hashtags', async () => {
  const ch = channel();
  const post = samplePost();
  const st: DeliveryState = {};
  const result = await fb.publish(ch, post, st);
  const [stored] = state().postsFor(post.url);
  assert.ok(stored, 'the emulator holds the post');
  assert.equal(result.remoteId, stored.id);
  assert.match(result.remoteId, new RegExp(`^${ch.credentials.pageId}_\\d+$`));
  assert.equal(result.remoteUrl, `https://www.facebook.com/${result.remoteId}`);
  assert.ok(stored.text.startsWith(post.title));
  assert.ok(stored.text.includes(post.summary));
  assert.ok(stored.text.includes('#kinhtếsố #đầutưcông'));
  assert.equal(stored.data.kind, 'link');
  assert.equal(typeof st.attemptedAt, 'string');
});

test('an item with a cover picture becomes a photo post whose caption ends with the link', async () => {
  const ch = channel();
  const post = samplePost({ imageUrl: 'http://chinhphu.localhost:3000/media/anh-bia.jpg' });
  const result = await fb.publish(ch, post, {});
  const [stored] = state().postsFor(post.url);
  assert.equal(stored.data.kind, 'photo');
  assert.equal(stored.data.imageUrl, post.imageUrl);
  assert.ok(stored.text.endsWith(`\n\n${post.url}`));
  // the feed post's id, not the photo's
  assert.equal(result.remoteId, stored.id);
  assert.notEqual(result.remoteId, stored.data.photoId);
  // the feed shows Facebook's own photo link: the connector finds it by its text
  const found = await fb.findExisting!(ch, post, {});
  assert.equal(found?.remoteId, result.remoteId);
});

test('a video item with a file becomes a video post with title and description', async () => {
  const ch = channel();
  const post = samplePost({ type: 'video', videoUrl: 'http://chinhphu.localhost:3000/media/hop-bao.mp4', imageUrl: 'http://chinhphu.localhost:3000/media/poster.jpg' });
  const result = await fb.publish(ch, post, {});
  const [stored] = state().postsFor(post.url);
  assert.equal(stored.data.kind, 'video');
  assert.equal(stored.data.fileUrl, post.videoUrl);
  assert.equal(stored.data.title, post.title);
  assert.equal(result.remoteId, stored.id);
  assert.ok(state().received.some((r) => r.method === 'POST' && r.path.endsWith('/videos')));

  await fb.update!(ch, result.remoteId, { ...post, title: 'Họp báo Chính phủ (cập nhật)' });
  assert.equal(stored.edits, 1);
  assert.equal(stored.data.title, 'Họp báo Chính phủ (cập nhật)');
  assert.ok(stored.text.endsWith(post.url));
  const metrics = await fb.postMetrics!(ch, result.remoteId);
  assert.deepEqual(metrics, { likes: 0, comments: 0 });
});

test('video uploads go to the graph-video host on the real API and stay on any other base', () => {
  assert.equal(videoBase('https://graph.facebook.com/v21.0'), 'https://graph-video.facebook.com/v21.0');
  assert.equal(videoBase('https://graph.facebook.com/v23.0/'), 'https://graph-video.facebook.com/v23.0');
  assert.equal(videoBase('http://127.0.0.1:4100/facebook/v21.0'), 'http://127.0.0.1:4100/facebook/v21.0');
});

test('long titles and summaries are cut; the link never is', async () => {
  const url = `http://chinhphu.localhost:3000/tin-tuc/${'van-ban-moi-'.repeat(20)}${nextItemId()}`;
  const post = samplePost({ url, title: 'Nghị định quy định chi tiết '.repeat(80), summary: 'Tóm tắt nội dung văn bản pháp luật mới ban hành. '.repeat(600) });
  const text = formatFacebook(post);
  assert.ok([...text.message].length <= 5000, `message is ${[...text.message].length} characters`);
  assert.ok([...text.caption].length <= 5000, `caption is ${[...text.caption].length} characters`);
  assert.ok(text.caption.endsWith(`\n\n${url}`));
  assert.ok([...text.title].length <= 255);
  assert.ok(text.message.includes('…'));
  assert.ok(text.message.endsWith('#kinhtếsố #đầutưcông'));
  // the summary falls back to the body's text
  assert.ok(formatFacebook(samplePost({ summary: '', bodyHtml: '<p>Đoạn một.</p><p>Đoạn &amp; hai.</p>' })).message.includes('Đoạn một.\n\nĐoạn & hai.'));

  const ch = channel();
  await fb.publish(ch, post, {});
  const [stored] = state().postsFor(url);
  assert.equal(stored.data.linkParam, url);
  await fb.publish(ch, { ...post, url: `${url}-anh`, imageUrl: 'http://chinhphu.localhost:3000/media/a.png' }, {});
  assert.ok(state().postsFor(`${url}-anh`)[0].text.endsWith(`${url}-anh`));
});

test('update edits the message, remove deletes the post and a second remove is no error', async () => {
  const ch = channel();
  const post = samplePost();
  const { remoteId } = await fb.publish(ch, post, {});
  const stored = state().posts.get(remoteId)!;
  await fb.update!(ch, remoteId, { ...post, title: 'Đính chính: phiên họp lùi sang chiều' });
  assert.equal(stored.edits, 1);
  assert.ok(stored.text.startsWith('Đính chính: phiên họp lùi sang chiều'));
  assert.equal(stored.link, post.url);

  const photo = samplePost({ imageUrl: 'http://chinhphu.localhost:3000/media/b.jpg' });
  const photoResult = await fb.publish(ch, photo, {});
  await fb.update!(ch, photoResult.remoteId, { ...photo, summary: 'Tóm tắt đã sửa.' });
  const storedPhoto = state().posts.get(photoResult.remoteId)!;
  assert.ok(storedPhoto.text.includes('Tóm tắt đã sửa.'));
  assert.ok(storedPhoto.text.endsWith(photo.url), 'the edited caption keeps the link');

  await fb.remove!(ch, remoteId);
  assert.equal(stored.deleted, true);
  assert.equal(state().postsFor(post.url).length, 0);
  await fb.remove!(ch, remoteId);
});

test('page and post metrics', async () => {
  const ch = channel();
  state().followers = 4321;
  assert.deepEqual(await fb.channelMetrics!(ch), { followers: 4321 });
  const { remoteId } = await fb.publish(ch, samplePost(), {});
  assert.deepEqual(await fb.postMetrics!(ch, remoteId), { likes: 0, comments: 0, shares: 0 });
  Object.assign(state().posts.get(remoteId)!.data, { reactions: 12, comments: 3, shares: 5 });
  assert.deepEqual(await fb.postMetrics!(ch, remoteId), { likes: 12, comments: 3, shares: 5 });
});

test('throttling is retry-later with the wait Graph asked for', async () => {
  const ch = channel();
  const post = samplePost();
  emulator.inject('facebook', { kind: 'rate-limit', retryAfterSeconds: 7 });
  const err = await refusal(fb.publish(ch, post, {}));
  assert.equal(err.errorClass, 'retry-later');
  assert.equal(err.details.retryAfterMs, 7000);
  assert.equal(err.details.code, 4);
  assert.equal(state().postsFor(post.url).length, 0);
  // and the next attempt goes through
  await fb.publish(ch, post, {});
  assert.equal(state().postsFor(post.url).length, 1);
});

test('server errors, proxy pages and cut-off JSON are retry-later', async () => {
  const ch = channel();
  for (const kind of ['server-error', 'html-error', 'truncated-json'] as const) {
    emulator.inject('facebook', { kind });
    const err = await refusal(fb.publish(ch, samplePost(), {}));
    assert.equal(err.errorClass, 'retry-later', kind);
    assert.ok(!err.message.includes(ch.credentials.pageAccessToken), 'no token in the message');
  }
  emulator.inject('facebook', { kind: 'truncated-json' });
  const st: DeliveryState = {};
  const err = await refusal(fb.publish(ch, samplePost(), st));
  assert.equal(err.details.ambiguous, true, 'a 200 with broken JSON may have posted');
  assert.equal(typeof st.attemptedAt, 'string');
});

test('an expired or revoked page token disconnects the channel (page tokens do not refresh)', async () => {
  const ch = channel();
  emulator.inject('facebook', { kind: 'expired-token' });
  const err = await refusal(fb.publish(ch, samplePost(), {}));
  assert.equal(err.errorClass, 'disconnected');
  assert.equal(err.details.code, 190);
  assert.equal(fb.refresh, undefined);
  // the token stays dead
  const again = await refusal(fb.channelMetrics!(ch));
  assert.equal(again.errorClass, 'disconnected');
  const wrong = await refusal(fb.publish({ ...ch, credentials: { ...ch.credentials, pageAccessToken: 'EAAGnot-a-token' } }, samplePost(), {}));
  assert.equal(wrong.errorClass, 'disconnected');
  const missing = await refusal(fb.publish({ ...ch, credentials: { pageId: ch.credentials.pageId } }, samplePost(), {}));
  assert.equal(missing.errorClass, 'disconnected');
});

test('a duplicate post is bad-content', async () => {
  const ch = channel();
  emulator.inject('facebook', { kind: 'duplicate' });
  const injected = await refusal(fb.publish(ch, samplePost(), {}));
  assert.equal(injected.errorClass, 'bad-content');
  assert.equal(injected.details.code, 506);

  // Graph's own refusal of a repeat, with no earlier attempt on record
  const post = samplePost();
  await fb.publish(ch, post, {});
  const st: DeliveryState = {};
  const repeat = await refusal(fb.publish(ch, post, st));
  assert.equal(repeat.errorClass, 'bad-content');
  assert.equal(repeat.details.code, 506);
  assert.equal(st.attemptedAt, undefined, 'a clear refusal leaves no attempt to look for');
  assert.equal(state().postsFor(post.url).length, 1);
});

test('an answer lost after posting: the next attempt finds the post instead of posting twice', async () => {
  const ch = channel();
  for (const post of [samplePost(), samplePost({ imageUrl: 'http://chinhphu.localhost:3000/media/c.jpg' })]) {
    const st: DeliveryState = {};
    emulator.inject('facebook', { kind: 'lost-response' });
    const err = await refusal(fb.publish(ch, post, st));
    assert.equal(err.errorClass, 'retry-later');
    assert.equal(err.details.ambiguous, true);
    assert.equal(state().postsFor(post.url).length, 1, 'the post was made although the answer was lost');
    const posts = state().received.filter((r) => r.method === 'POST').length;
    const result = await fb.publish(ch, post, st);
    assert.equal(state().postsFor(post.url).length, 1, 'no second post');
    assert.equal(result.remoteId, state().postsFor(post.url)[0].id);
    assert.equal(state().received.filter((r) => r.method === 'POST').length, posts, 'nothing posted again');
  }
  assert.equal(await fb.findExisting!(ch, samplePost(), {}), undefined);
});

test('the emulator answers in Graph’s error shape', async () => {
  const ch = channel();
  const page = `${ch.apiBaseUrl}/${ch.credentials.pageId}`;
  const empty = await fetch(`${page}/feed`, { method: 'POST', body: new URLSearchParams({ access_token: ch.credentials.pageAccessToken }) });
  assert.equal(empty.status, 400);
  const e1 = (await empty.json()).error;
  assert.equal(e1.code, 100);
  assert.equal(e1.type, 'OAuthException');
  assert.match(e1.message, /Invalid parameter/);
  assert.equal(typeof e1.fbtrace_id, 'string');

  const anonymous = await fetch(`${page}?fields=followers_count`);
  const e2 = (await anonymous.json()).error;
  assert.equal(anonymous.status, 400);
  assert.equal(e2.code, 190);
  assert.equal(e2.error_subcode, 463);

  const other = channel();
  const foreign = await fetch(`${page}/feed`, { method: 'POST', body: new URLSearchParams({ access_token: other.credentials.pageAccessToken, message: 'x' }) });
  assert.equal((await foreign.json()).error.code, 200);
  assert.equal(classifyFacebook(response(403, { error: { code: 200, message: '(#200) permission' } })).errorClass, 'disconnected');
});

test('classifyFacebook sorts Graph codes and throttling headers', () => {
  const err = (code: number, more: Record<string, unknown> = {}, status = 400, headers: Record<string, string> = {}) => classifyFacebook(response(status, { error: { message: 'm', type: 'OAuthException', code, ...more } }, headers));
  for (const sub of [458, 459, 460, 463, 467, undefined]) assert.equal(err(190, { error_subcode: sub }).errorClass, 'disconnected');
  assert.equal(err(1).errorClass, 'retry-later');
  assert.equal(err(2, {}, 500).errorClass, 'retry-later');
  for (const code of [4, 17, 32, 613, 341]) {
    const e = err(code);
    assert.equal(e.errorClass, 'retry-later', String(code));
    assert.equal(e.details.retryAfterMs, 60_000);
  }
  assert.equal(err(613, {}, 400, { 'retry-after': '30' }).details.retryAfterMs, 30_000);
  assert.equal(err(4, {}, 400, { 'x-app-usage': '{"call_count":100,"total_cputime":3,"total_time":4}' }).details.retryAfterMs, 600_000);
  assert.equal(err(32, {}, 400, { 'x-page-usage': '{"call_count":45,"total_cputime":101,"total_time":4}' }).details.retryAfterMs, 600_000);
  assert.equal(err(80001, {}, 400, { 'x-business-use-case-usage': '{"123":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":7}]}' }).details.retryAfterMs, 420_000);
  assert.equal(err(17, {}, 400, { 'x-app-usage': 'not json' }).details.retryAfterMs, 60_000);
  for (const code of [10, 200, 250, 299]) assert.equal(err(code).errorClass, 'disconnected', String(code));
  for (const code of [368, 506, 1609005, 100]) assert.equal(err(code).errorClass, 'bad-content', String(code));
  assert.equal(err(9999, { is_transient: true }).errorClass, 'retry-later');
  assert.equal(err(9999, {}, 503).errorClass, 'retry-later');

  const html = { status: 502, headers: new Headers(), text: '<html>Bad Gateway</html>', json: undefined };
  assert.equal(classifyFacebook(html).errorClass, 'retry-later');
  assert.equal(classifyFacebook({ ...html, status: 404 }).errorClass, 'retry-later');
  const cut = classifyFacebook({ status: 200, headers: new Headers(), text: '{"id":"1', json: undefined });
  assert.equal(cut.errorClass, 'retry-later');
  assert.equal(cut.details.ambiguous, true);
  assert.equal(classifyFacebook(response(400, { message: 'no error object' })).errorClass, 'bad-content');
});

test('hostile answers end in a ConnectorError or a sane result, never anything else', async () => {
  let answer: { status: number; body: string | Buffer; headers?: Record<string, string> } = { status: 200, body: '' };
  const hostile = http.createServer((_req, res) => {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  const ch: ChannelRuntime = { id: 9, platform: 'facebook', apiBaseUrl: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/v21.0`, credentials: { pageId: '1', pageAccessToken: 'EAAGsecret' } };
  const answers = [
    { status: 200, body: '<html><body>Hello</body></html>' },
    { status: 200, body: 'null' },
    { status: 200, body: '[]' },
    { status: 200, body: '"text"' },
    { status: 200, body: '{"id":{"nested":true},"post_id":[1],"success":"maybe"}' },
    { status: 200, body: '{"error":"text"}' },
    { status: 200, body: '{"data":[null,5,{"id":{}},{"id":"1_2","link":5,"message":["x"]}],"followers_count":"lots","reactions":{"summary":{"total_count":-5}},"shares":{"count":"x"}}' },
    { status: 200, body: '{"data":"not a list"}' },
    { status: 400, body: '{"error":{"code":"abc","message":{"x":1}}}' },
    { status: 500, body: '' },
    { status: 302, body: '', headers: { location: 'http://169.254.169.254/' } },
    { status: 200, body: Buffer.alloc(2 * 1024 * 1024 + 10, 0x20) },
  ];
  const post = samplePost({ imageUrl: 'http://chinhphu.localhost:3000/media/d.jpg' });
  try {
    for (const a of answers) {
      answer = a;
      const calls: [string, () => Promise<unknown>][] = [
        ['publish', () => fb.publish(ch, post, {})],
        ['publish again', () => fb.publish(ch, post, { attemptedAt: new Date().toISOString() })],
        ['update', () => fb.update!(ch, '1_2', post)],
        ['remove', () => fb.remove!(ch, '1_2')],
        ['findExisting', () => fb.findExisting!(ch, post, {})],
        ['channelMetrics', () => fb.channelMetrics!(ch)],
        ['postMetrics', () => fb.postMetrics!(ch, '1_2')],
      ];
      for (const [name, run] of calls) {
        let result: unknown;
        try {
          result = await run();
        } catch (err) {
          assert.ok(err instanceof ConnectorError, `${name} on ${a.status} ${String(a.body).slice(0, 40)} threw ${String(err)}`);
          assert.ok(!err.message.includes('EAAGsecret'), 'no token in the message');
          continue;
        }
        if (name.startsWith('publish')) assert.match((result as { remoteId: string }).remoteId, /^[\w.-]+$/);
        if (name.endsWith('Metrics')) for (const v of Object.values(result as object)) assert.ok(v === undefined || (Number.isFinite(v) && v >= 0), `${name}: ${v}`);
      }
    }
  } finally {
    hostile.closeAllConnections();
    await new Promise((resolve) => hostile.close(resolve));
  }
});
