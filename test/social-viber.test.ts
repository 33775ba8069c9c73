import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SocialEmulator } from '../src/dev/social-emulator/server.ts';
import { viberEmulator } from '../src/dev/social-emulator/viber.ts';
import { formatViber, viberConnector } from '../src/modules/social/connectors/viber.ts';
import { ConnectorError, type ChannelRuntime, type SocialPost } from '../src/modules/social/types.ts';

// The Viber connector against the Viber emulator: what is posted, how every
// refusal is sorted, and why an unconfirmed post is never sent a second time.

const post = (over: Partial<SocialPost> = {}): SocialPost => ({
  itemId: 7,
  type: 'news',
  lang: 'vi',
  title: 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng Mười một',
  summary: 'Chính phủ thảo luận tình hình kinh tế - xã hội và giải ngân vốn đầu tư công.',
  bodyHtml: '<p>Nội dung phiên họp.</p>',
  url: 'http://chinhphu.localhost:3000/tin-tuc/thu-tuong-chu-tri-phien-hop',
  tags: ['kinh tế'],
  portalName: 'Cổng Thông tin điện tử Chính phủ',
  ...over,
});

async function expectClass(p: Promise<unknown>, cls: ConnectorError['errorClass']): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ConnectorError, `a ConnectorError, not ${(err as Error).name}: ${(err as Error).message}`);
    assert.equal(err.errorClass, cls, err.message);
    return err;
  }
  assert.fail(`expected a ${cls} error`);
}

describe('Viber connector', () => {
  const emulator = new SocialEmulator([viberEmulator]);
  let channel: ChannelRuntime;
  before(async () => {
    await emulator.listen();
    const acc = emulator.account('viber');
    channel = { id: 1, platform: 'viber', apiBaseUrl: acc.apiBaseUrl, credentials: acc.credentials };
  });
  after(() => emulator.close());

  it('posts the title, summary and link as the superadmin member', async () => {
    const state = {};
    const res = await viberConnector.publish(channel, post(), state);
    assert.match(res.remoteId, /^\d+$/);
    const [remote] = emulator.state('viber').postsFor(post().url);
    assert.ok(remote.text.startsWith('Thủ tướng chủ trì'));
    assert.ok(remote.text.endsWith(post().url));
    assert.equal(remote.data.type, 'text');
  });

  it('a picture post keeps its caption under 768 characters with the link whole', () => {
    const m = formatViber(post({ imageUrl: 'http://chinhphu.localhost:3000/media/a.jpg', title: 'Dài '.repeat(400) }));
    assert.equal(m.type, 'picture');
    assert.ok([...m.text].length <= 768);
    assert.ok(m.text.endsWith(post().url));
    const long = formatViber(post({ summary: 'chữ '.repeat(5000) }));
    assert.ok([...long.text].length <= 7000);
    assert.ok(long.text.endsWith(post().url));
  });

  it('sorts refusals: throttling waits, a bad token disconnects, an outage retries', async () => {
    emulator.inject('viber', { kind: 'rate-limit', retryAfterSeconds: 7 });
    const throttled = await expectClass(viberConnector.publish(channel, post({ url: 'http://x.localhost/a' }), {}), 'retry-later');
    assert.equal(throttled.details.retryAfterMs, 7000);
    emulator.inject('viber', { kind: 'expired-token' });
    await expectClass(viberConnector.publish(channel, post({ url: 'http://x.localhost/b' }), {}), 'disconnected');
    const fresh = emulator.account('viber');
    channel = { ...channel, credentials: fresh.credentials };
    emulator.inject('viber', { kind: 'server-error' });
    await expectClass(viberConnector.publish(channel, post({ url: 'http://x.localhost/c' }), {}), 'retry-later');
    emulator.inject('viber', { kind: 'html-error' });
    await expectClass(viberConnector.publish(channel, post({ url: 'http://x.localhost/d' }), {}), 'retry-later');
    emulator.inject('viber', { kind: 'truncated-json' });
    await expectClass(viberConnector.publish(channel, post({ url: 'http://x.localhost/e' }), {}), 'retry-later');
    const wrongToken = { ...channel, credentials: { authToken: 'not-a-token' } };
    await expectClass(viberConnector.publish(wrongToken, post({ url: 'http://x.localhost/f' }), {}), 'disconnected');
  });

  it('after a lost answer it refuses to post again rather than risk a double; a retry by hand clears that', async () => {
    const p = post({ url: 'http://chinhphu.localhost:3000/tin-tuc/mat-ket-noi' });
    const state: Record<string, unknown> = {};
    emulator.inject('viber', { kind: 'lost-response' });
    const lost = await expectClass(viberConnector.publish(channel, p, state), 'retry-later');
    assert.equal(lost.details.ambiguous, true);
    assert.equal(emulator.state('viber').postsFor(p.url).length, 1, 'the post was made although the answer was lost');
    await expectClass(viberConnector.publish(channel, p, state), 'bad-content');
    assert.equal(emulator.state('viber').postsFor(p.url).length, 1, 'and it was not made twice');
    // a clear refusal, by contrast, leaves the way open for another attempt
    const q = post({ url: 'http://chinhphu.localhost:3000/tin-tuc/tu-choi-ro-rang' });
    const s2: Record<string, unknown> = {};
    emulator.inject('viber', { kind: 'rate-limit', retryAfterSeconds: 1 });
    await expectClass(viberConnector.publish(channel, q, s2), 'retry-later');
    await viberConnector.publish(channel, q, s2);
    assert.equal(emulator.state('viber').postsFor(q.url).length, 1);
  });

  it('reads the follower count', async () => {
    emulator.state('viber').followers = 4321;
    assert.deepEqual(await viberConnector.channelMetrics!(channel), { followers: 4321 });
  });
});
