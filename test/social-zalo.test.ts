import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SocialEmulator, type Fault } from '../src/dev/social-emulator/server.ts';
import { zaloEmulator } from '../src/dev/social-emulator/zalo.ts';
import { classifyZalo, formatZalo, htmlToZaloBody, zaloConnector, zaloOAuthBase } from '../src/modules/social/connectors/zalo.ts';
import { ConnectorError, type ChannelRuntime, type DeliveryState, type SocialPost } from '../src/modules/social/types.ts';
import { response, samplePost as sharedPost } from './social-helpers.ts';

// Zalo OA against the local emulator: articles (bài viết) created, verified,
// edited, removed and broadcast, every error class, token refresh with
// single-use refresh tokens, and exactly one article after a lost answer.

let emulator: SocialEmulator;
let channelIds = 0;
/** Zalo's sample: a body with a figure and a cover picture (the article tests turn both into Zalo's blocks). */
const samplePost = (overrides: Partial<SocialPost> = {}): SocialPost =>
  sharedPost({
    summary: 'Chính phủ thảo luận tình hình kinh tế - xã hội, giải ngân vốn đầu tư công và chuyển đổi số quốc gia.',
    bodyHtml:
      '<p>Sáng nay, tại trụ sở Chính phủ, Thủ tướng chủ trì phiên họp.</p><figure><img src="/media/phien-hop.jpg" alt="Toàn cảnh"><figcaption>Toàn cảnh phiên họp</figcaption></figure><p>Các thành viên Chính phủ thảo luận nhiều nội dung quan trọng.</p>',
    tags: ['chính phủ', 'kinh tế số'],
    imageUrl: 'http://chinhphu.localhost:3000/media/phien-hop.jpg',
    ...overrides,
  });

function zaloChannel(extra: Record<string, string> = {}): ChannelRuntime {
  const { apiBaseUrl, credentials } = emulator.account('zalo');
  return { id: ++channelIds, platform: 'zalo', apiBaseUrl, credentials: { ...credentials, ...extra } };
}

const zaloState = () => emulator.state('zalo');

async function rejectsWith(promise: Promise<unknown>, errorClass: ConnectorError['errorClass']): Promise<ConnectorError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ConnectorError, `expected a ConnectorError, got ${String(err)}`);
    assert.equal(err.errorClass, errorClass, err.message);
    return err;
  }
  assert.fail(`expected a ${errorClass} failure`);
}

/**
 * Puts a fault on the n-th faultable request from now (queued faults would
 * hit the first ones). Returns the function that takes the hook away again.
 */
function faultOnDraw(n: number, fault: Fault): () => void {
  const queue = zaloState().queued;
  const shift = queue.shift;
  let drawn = 0;
  queue.shift = function (this: Fault[]) {
    return ++drawn === n ? fault : shift.call(this);
  };
  return () => {
    queue.shift = shift;
  };
}

before(async () => {
  emulator = new SocialEmulator([zaloEmulator]);
  await emulator.listen(0);
});

after(() => emulator.close());

describe('Zalo formatting', () => {
  it('cuts title, author and description to Zalo limits and ends the body with a link to the portal', () => {
    const post = samplePost({
      title: 'Nghị định quy định chi tiết một số điều của Luật Giao dịch điện tử '.repeat(4),
      portalName: 'Cổng Thông tin điện tử Ủy ban nhân dân thành phố Hà Nội và các quận huyện',
      summary: 'Tóm tắt nội dung văn bản. '.repeat(30),
    });
    const a = formatZalo(post);
    assert.equal(a.type, 'normal');
    assert.ok([...a.title].length <= 150 && a.title.endsWith('…'));
    assert.ok([...a.author].length <= 50 && a.author.endsWith('…'));
    assert.ok([...a.description].length <= 300 && a.description.endsWith('…'));
    assert.deepEqual(a.cover, { cover_type: 'photo', photo_url: post.imageUrl, status: 'show' });
    assert.equal(a.status, 'show');
    assert.equal(a.comment, 'show');
    const last = a.body.at(-1)!;
    assert.equal(last.type, 'text');
    assert.equal(last.content, `<p>Xem bài gốc tại: <a href="${post.url}">${post.url}</a></p>`);
  });

  it('sends no cover when the item has no picture, and falls back to the body text for the description', () => {
    const a = formatZalo(samplePost({ imageUrl: undefined, summary: '', lang: 'en' }));
    assert.equal(a.cover, undefined);
    assert.match(a.description, /^Sáng nay, tại trụ sở Chính phủ/);
    assert.match(a.body.at(-1)!.content!, /^<p>Read the original at: /);
  });

  it('turns sanitized HTML into text and image blocks, resolving relative addresses against the item', () => {
    const html = [
      '<h2>Kết quả <em>nổi bật</em></h2>',
      '<p>Xem <a href="/van-ban/42-2022" title="x">Nghị định 42</a> và <a href="javascript:alert(1)">đây</a>.</p>',
      '<figure><img src="/media/a.jpg" alt="Ảnh A"><figcaption>Lễ ký kết &amp; trao đổi</figcaption></figure>',
      '<ul><li>Một</li><li><strong>Hai</strong></li></ul>',
      '<p>Trước ảnh <img src="https://cdn.example.vn/b.png" alt="Ảnh B"> sau ảnh</p>',
      '<p><img src="data:image/png;base64,AAAA" alt="nhúng"></p>',
      '<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>GDP</td><td>7%</td></tr></table>',
      '<figure><blockquote><p>Trích dẫn</p></blockquote><figcaption>Nguồn</figcaption></figure>',
    ].join('');
    const blocks = htmlToZaloBody(html, 'http://chinhphu.localhost:3000');
    assert.deepEqual(blocks, [
      {
        type: 'text',
        content: '<p><strong>Kết quả <em>nổi bật</em></strong></p><p>Xem <a href="http://chinhphu.localhost:3000/van-ban/42-2022">Nghị định 42</a> và đây.</p>',
      },
      { type: 'image', url: 'http://chinhphu.localhost:3000/media/a.jpg', caption: 'Lễ ký kết & trao đổi' },
      { type: 'text', content: '<ul><li>Một</li><li><strong>Hai</strong></li></ul><p>Trước ảnh </p>' },
      { type: 'image', url: 'https://cdn.example.vn/b.png', caption: 'Ảnh B' },
      { type: 'text', content: '<p> sau ảnh</p><p>Chỉ tiêu Kết quả <br>GDP 7%</p><p>Trích dẫn</p><p><em>Nguồn</em></p>' },
    ]);
  });

  it('drops pictures it cannot address and keeps the alt text as a caption when there is no figcaption', () => {
    assert.deepEqual(htmlToZaloBody('<img src="relative.jpg" alt="x">'), []);
    assert.deepEqual(htmlToZaloBody('<figure><img src="/a.jpg" alt="Bản đồ"></figure>', 'https://hanoi.gov.vn'), [{ type: 'image', url: 'https://hanoi.gov.vn/a.jpg', caption: 'Bản đồ' }]);
    assert.deepEqual(htmlToZaloBody('<p> </p><p><br></p>'), []);
  });

  it('finds OAuth on Zalo’s own host only for the documented API base', () => {
    assert.equal(zaloOAuthBase('https://openapi.zalo.me'), 'https://oauth.zaloapp.com');
    assert.equal(zaloOAuthBase('https://openapi.zalo.me/'), 'https://oauth.zaloapp.com');
    assert.equal(zaloOAuthBase('http://127.0.0.1:4100/zalo'), 'http://127.0.0.1:4100/zalo/oauth');
  });

  it('classifies Zalo answers', () => {
    assert.equal(classifyZalo(response(200, { error: -216, message: 'Access token is invalid' })).errorClass, 'refresh-token');
    const throttled = classifyZalo(response(200, { error: -32, message: 'exceeded rate limit' }, { 'retry-after': '3' }));
    assert.equal(throttled.errorClass, 'retry-later');
    assert.equal(throttled.details.retryAfterMs, 3000);
    assert.equal(classifyZalo(response(200, { error: -201, message: 'Parameter invalid' })).errorClass, 'bad-content');
    assert.equal(classifyZalo(response(500, 'Internal Server Error')).errorClass, 'retry-later');
    const cut = classifyZalo(response(200, '{"error":0,"da'));
    assert.equal(cut.errorClass, 'retry-later');
    assert.equal(cut.details.ambiguous, true);
  });
});

describe('Zalo OA on the emulator', () => {
  it('publishes an article, reads its metrics and the follower count', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const result = await zaloConnector.publish(channel, post, state);
    const [article] = zaloState().postsFor(post.url);
    assert.ok(article, 'the article carries the item address');
    assert.equal(result.remoteId, article.id);
    assert.equal(state.articleId, article.id);
    assert.equal(typeof state.articleToken, 'string');
    assert.equal(article.data.title, post.title);
    assert.equal(article.data.author, post.portalName);
    const body = article.data.body as { type: string; url?: string; caption?: string }[];
    assert.deepEqual(body[1], { type: 'image', url: 'http://chinhphu.localhost:3000/media/phien-hop.jpg', caption: 'Toàn cảnh phiên họp' });
    assert.equal(article.data.broadcasts, undefined, 'no broadcast unless the channel asks');

    article.data.total_view = 321;
    article.data.total_share = 12;
    assert.deepEqual(await zaloConnector.postMetrics!(channel, result.remoteId), { views: 321, shares: 12 });
    zaloState().followers = 4567;
    assert.deepEqual(await zaloConnector.channelMetrics!(channel), { followers: 4567 });

    // a delivery that already has its article does not create another
    assert.deepEqual(await zaloConnector.publish(channel, post, state), result);
    assert.equal(zaloState().postsFor(post.url).length, 1);
  });

  it('broadcasts to followers once when the channel asks, even when publish runs again', async () => {
    const channel = zaloChannel({ broadcast: 'true' });
    const post = samplePost();
    const state: DeliveryState = {};
    await zaloConnector.publish(channel, post, state);
    await zaloConnector.publish(channel, post, state);
    const [article] = zaloState().postsFor(post.url);
    assert.equal(article.data.broadcasts, 1);
    assert.equal(state.broadcast, true);
  });

  it('a throttled broadcast is retried without creating the article again', async () => {
    const channel = zaloChannel({ broadcast: 'true' });
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnDraw(3, { kind: 'rate-limit' }); // create, verify, then the broadcast
    try {
      await rejectsWith(zaloConnector.publish(channel, post, state), 'retry-later');
    } finally {
      restore();
    }
    assert.equal(typeof state.articleId, 'string');
    assert.equal(state.broadcast, undefined);
    const creates = zaloState().received.filter((r) => r.path === '/v2.0/article/create').length;
    await zaloConnector.publish(channel, post, state);
    assert.equal(zaloState().received.filter((r) => r.path === '/v2.0/article/create').length, creates);
    const [article] = zaloState().postsFor(post.url);
    assert.equal(article.data.broadcasts, 1);
    assert.equal(state.broadcast, true);
  });

  it('edits and removes an article', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const { remoteId } = await zaloConnector.publish(channel, post, {});
    await zaloConnector.update!(channel, remoteId, { ...post, title: `${post.title} (đính chính)` });
    const article = zaloState().posts.get(remoteId)!;
    assert.equal(article.edits, 1);
    assert.equal(article.data.title, `${post.title} (đính chính)`);
    await zaloConnector.remove!(channel, remoteId);
    assert.equal(article.deleted, true);
    assert.equal(await zaloConnector.findExisting!(channel, post, {}), undefined);
  });

  for (const [kind, errorClass] of [
    ['rate-limit', 'retry-later'],
    ['server-error', 'retry-later'],
    ['html-error', 'retry-later'],
    ['truncated-json', 'retry-later'],
    ['expired-token', 'refresh-token'],
    ['duplicate', 'bad-content'],
  ] as const) {
    it(`${kind} on create is a ${errorClass} ConnectorError, and a later attempt makes exactly one article`, async () => {
      let channel = zaloChannel();
      const post = samplePost();
      const state: DeliveryState = {};
      emulator.inject('zalo', { kind, retryAfterSeconds: 2 });
      const err = await rejectsWith(zaloConnector.publish(channel, post, state), errorClass);
      if (kind === 'rate-limit') assert.equal(err.details.retryAfterMs, 2000);
      assert.equal(zaloState().postsFor(post.url).length, 0);
      if (kind === 'expired-token') channel = { ...channel, credentials: await zaloConnector.refresh!(channel) };
      await zaloConnector.publish(channel, post, state);
      assert.equal(zaloState().postsFor(post.url).length, 1);
    });
  }

  it('refreshes an expired token; the refresh token it used is refused afterwards', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    emulator.inject('zalo', { kind: 'expired-token' });
    await rejectsWith(zaloConnector.publish(channel, post, state), 'refresh-token');
    // the token stays dead without a refresh
    await rejectsWith(zaloConnector.publish(channel, post, state), 'refresh-token');

    const renewed = await zaloConnector.refresh!(channel);
    assert.notEqual(renewed.accessToken, channel.credentials.accessToken);
    assert.notEqual(renewed.refreshToken, channel.credentials.refreshToken);
    assert.equal(renewed.appId, channel.credentials.appId);
    assert.equal(renewed.appSecret, channel.credentials.appSecret);
    const fresh = { ...channel, credentials: renewed };
    await zaloConnector.publish(fresh, post, state);
    assert.equal(zaloState().postsFor(post.url).length, 1);

    const reused = await rejectsWith(zaloConnector.refresh!(channel), 'disconnected');
    assert.equal(reused.details.code, -14014);
    // the new refresh token works once more
    assert.ok((await zaloConnector.refresh!(fresh)).accessToken);
  });

  it('a wrong app secret makes the refresh fail as disconnected', async () => {
    const channel = zaloChannel();
    await rejectsWith(zaloConnector.refresh!({ ...channel, credentials: { ...channel.credentials, appSecret: 'wrong' } }), 'disconnected');
  });

  it('a lost answer to create does not make a second article', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    emulator.inject('zalo', { kind: 'lost-response' });
    const err = await rejectsWith(zaloConnector.publish(channel, post, state), 'retry-later');
    assert.equal(err.details.ambiguous, true);
    assert.equal(state.articleToken, undefined, 'the token never arrived');
    assert.equal(zaloState().postsFor(post.url).length, 1, 'Zalo created the article anyway');

    const found = await zaloConnector.findExisting!(channel, post, state);
    const result = await zaloConnector.publish(channel, post, state);
    assert.deepEqual(found, { remoteId: result.remoteId });
    assert.equal(zaloState().postsFor(post.url).length, 1);
    assert.equal(zaloState().postsFor(post.url)[0].id, result.remoteId);
  });

  it('a lost answer to verify is finished by verifying the same token', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnDraw(2, { kind: 'lost-response' }); // the create passes, the verify's answer is lost
    try {
      await rejectsWith(zaloConnector.publish(channel, post, state), 'retry-later');
    } finally {
      restore();
    }
    const token = state.articleToken;
    assert.equal(typeof token, 'string');
    const result = await zaloConnector.publish(channel, post, state);
    assert.equal(state.articleToken, token);
    assert.equal(zaloState().postsFor(post.url).length, 1);
    assert.equal(zaloState().postsFor(post.url)[0].id, result.remoteId);
  });

  it('a refused verification is taken as "still processing" a few times, then as a refusal', async () => {
    const channel = zaloChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnDraw(2, { kind: 'duplicate' }); // any refusal code on the verify
    try {
      const err = await rejectsWith(zaloConnector.publish(channel, post, state), 'retry-later');
      assert.equal(err.details.retryAfterMs, 30_000);
    } finally {
      restore();
    }
    const result = await zaloConnector.publish(channel, post, state);
    assert.equal(zaloState().postsFor(post.url)[0].id, result.remoteId);

    const stuck: DeliveryState = { articleToken: 'zart-unknown' };
    for (let i = 1; i < 5; i++) await rejectsWith(zaloConnector.publish(channel, samplePost(), stuck), 'retry-later');
    await rejectsWith(zaloConnector.publish(channel, samplePost(), stuck), 'bad-content');
    assert.equal(stuck.verifyRefusals, 5);
  });

  it('an older article with the same title is not mistaken for this attempt', async () => {
    const channel = zaloChannel();
    const post = samplePost({ title: 'Thông cáo báo chí phiên họp Chính phủ thường kỳ' });
    const older = await zaloConnector.publish(channel, { ...post, url: 'http://chinhphu.localhost:3000/tin-tuc/thong-cao-thang-truoc' }, {});
    const olderPost = zaloState().posts.get(older.remoteId)!;
    olderPost.createdAt = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();

    const state: DeliveryState = { createSentAt: new Date().toISOString() };
    assert.equal(await zaloConnector.findExisting!(channel, post, state), undefined);
    const result = await zaloConnector.publish(channel, post, state);
    assert.notEqual(result.remoteId, older.remoteId);
    assert.equal(zaloState().postsFor(post.url).length, 1);
  });

  it('a refused article clears the attempt mark, so the next try creates without looking', async () => {
    const channel = zaloChannel();
    const post = samplePost({ imageUrl: 'anh-bia.jpg' });
    const state: DeliveryState = {};
    const err = await rejectsWith(zaloConnector.publish(channel, post, state), 'bad-content');
    assert.match(err.message, /cover/);
    assert.equal(state.createSentAt, undefined);
    assert.equal(zaloState().postsFor(post.url).length, 0);
  });
});
