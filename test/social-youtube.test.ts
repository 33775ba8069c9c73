import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SocialEmulator, type Fault } from '../src/dev/social-emulator/server.ts';
import { youtubeEmulator, type UploadSession } from '../src/dev/social-emulator/youtube.ts';
import { classifyYouTube, formatYouTube, youtubeConnector, youtubeUrls } from '../src/modules/social/connectors/youtube.ts';
import { ConnectorError, type ChannelRuntime, type DeliveryState, type SocialPost } from '../src/modules/social/types.ts';
import { response, samplePost as sharedPost } from './social-helpers.ts';

// YouTube against the local emulator: resumable uploads in 256 KiB chunks,
// interrupted and resumed from where YouTube says it stopped, token
// refresh, edits, deletion, metrics and every error class.

const KIB = 1024;
const CHUNK = 256 * KIB;
/** 2.5 MiB and a bit: ten full 256 KiB chunks and a short last one */
const VIDEO = Buffer.alloc(2.5 * 1024 * KIB + 100 * KIB + 7);
for (let i = 0; i < VIDEO.length; i++) VIDEO[i] = (i * 31 + (i >> 10)) & 0xff;
const VIDEO_SHA = createHash('sha256').update(VIDEO).digest('hex');

let emulator: SocialEmulator;
let files: http.Server;
let filesUrl = '';
let channelIds = 0;
/** YouTube's sample: a press-conference video, served by the suite's file server. */
function samplePost(overrides: Partial<SocialPost> = {}): SocialPost {
  const post = sharedPost();
  const n = post.itemId;
  return {
    ...post,
    type: 'video',
    title: `Họp báo Chính phủ thường kỳ tháng ${n}`,
    summary: 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ chủ trì họp báo, thông tin về kết quả phiên họp.',
    bodyHtml: '<p>Video toàn văn buổi họp báo.</p>',
    url: `http://chinhphu.localhost:3000/video/hop-bao-chinh-phu-${n}`,
    tags: ['họp báo', 'Chính phủ', 'kinh tế vĩ mô'],
    videoUrl: `${filesUrl}/media/hop-bao.mp4`,
    ...overrides,
  };
}

function youtubeChannel(extra: Record<string, string> = { chunkBytes: String(CHUNK) }): ChannelRuntime {
  const { apiBaseUrl, credentials } = emulator.account('youtube');
  return { id: ++channelIds, platform: 'youtube', apiBaseUrl, credentials: { ...credentials, ...extra } };
}

const youtubeState = () => emulator.state('youtube');

function sessionOf(state: DeliveryState): UploadSession {
  const id = new URL(String(state.sessionUri)).searchParams.get('upload_id')!;
  return youtubeState().extra.get(`session:${id}`) as UploadSession;
}

function sessionFor(videoId: string): UploadSession {
  const uploadId = youtubeState().posts.get(videoId)!.data.uploadId as string;
  return youtubeState().extra.get(`session:${uploadId}`) as UploadSession;
}

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
 * Queues `fault` for the n-th chunk PUT (probes not counted) as it reaches the
 * emulator, so it lands on that chunk rather than on the session start.
 * Returns the function that disarms it.
 */
function faultOnChunk(n: number, fault: Fault): () => void {
  let chunks = 0;
  return emulator.injectWhen(
    'youtube',
    (r) => {
      const range = r.headers['content-range'];
      return r.method === 'PUT' && typeof range === 'string' && !range.startsWith('bytes */') && ++chunks === n;
    },
    fault,
  );
}

const googleError = (status: number, reason: string) => response(status, { error: { code: status, message: reason, errors: [{ domain: 'youtube', reason, message: reason }] } });

before(async () => {
  emulator = new SocialEmulator([youtubeEmulator]);
  await emulator.listen(0);
  // the portal's media server, as far as the connector is concerned
  files = http.createServer((req, res) => {
    if (req.url === '/media/hop-bao.mp4') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(VIDEO.length) });
      res.end(VIDEO);
    } else if (req.url === '/media/trang.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Không phải video</title>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});

after(async () => {
  await emulator.close();
  files.closeAllConnections();
  await new Promise<void>((resolve) => files.close(() => resolve()));
});

describe('YouTube formatting and rules', () => {
  it('keeps title, description and tags within YouTube limits, without angle brackets', () => {
    const post = samplePost({
      title: `<Trực tiếp> ${'Lễ công bố Nghị quyết về phát triển khoa học, công nghệ và đổi mới sáng tạo '.repeat(3)}`,
      summary: 'Tổng thuật chi tiết buổi lễ <có phụ đề> với nhiều nội dung quan trọng. '.repeat(120),
      tags: [...Array.from({ length: 60 }, (_, i) => `chuyển đổi số ${i}`), 'a,b'],
    });
    const s = formatYouTube(post);
    assert.ok([...s.title].length <= 100);
    assert.doesNotMatch(s.title, /[<>]/);
    assert.match(s.title, /^Trực tiếp Lễ công bố/);
    assert.ok(Buffer.byteLength(s.description) <= 5000, `${Buffer.byteLength(s.description)} bytes`);
    assert.ok(Buffer.byteLength(s.description) > 4900, 'the room is used');
    assert.doesNotMatch(s.description, /[<>]/);
    assert.ok(s.description.endsWith(`…\n\n${post.url}`));
    const tagChars = s.tags.reduce((n, t) => n + [...t].length + (t.includes(' ') ? 2 : 0), 0) + s.tags.length - 1;
    assert.ok(tagChars <= 500 && tagChars > 450, `${tagChars} characters of tags`);
    assert.ok(s.tags.every((t) => !t.includes(',')));
  });

  it('a short item keeps its summary and link as they are', () => {
    const post = samplePost();
    assert.deepEqual(formatYouTube(post), { title: post.title, description: `${post.summary}\n\n${post.url}`, tags: post.tags });
  });

  it('accepts video items with a file only', () => {
    assert.equal(youtubeConnector.accepts(samplePost()), true);
    assert.equal(youtubeConnector.accepts(samplePost({ videoUrl: undefined })), false);
    assert.equal(youtubeConnector.accepts(samplePost({ type: 'news' })), false);
  });

  it('derives upload and token addresses from the API base', () => {
    assert.deepEqual(youtubeUrls('https://www.googleapis.com/youtube/v3'), {
      api: 'https://www.googleapis.com/youtube/v3',
      uploads: 'https://www.googleapis.com/upload/youtube/v3',
      token: 'https://oauth2.googleapis.com/token',
    });
    assert.deepEqual(youtubeUrls('http://127.0.0.1:4100/youtube/youtube/v3/'), {
      api: 'http://127.0.0.1:4100/youtube/youtube/v3',
      uploads: 'http://127.0.0.1:4100/youtube/upload/youtube/v3',
      token: 'http://127.0.0.1:4100/youtube/token',
    });
  });

  it('classifies YouTube and token endpoint answers', () => {
    assert.equal(classifyYouTube(googleError(401, 'authError')).errorClass, 'refresh-token');
    const quota = classifyYouTube(googleError(403, 'quotaExceeded'));
    assert.equal(quota.errorClass, 'retry-later');
    assert.ok(quota.details.retryAfterMs! > 0 && quota.details.retryAfterMs! <= 25 * 3600_000);
    assert.equal(classifyYouTube(googleError(403, 'rateLimitExceeded')).errorClass, 'retry-later');
    const daily = classifyYouTube(googleError(400, 'uploadLimitExceeded'));
    assert.equal(daily.errorClass, 'retry-later');
    assert.equal(daily.details.retryAfterMs, 24 * 3600_000);
    assert.equal(classifyYouTube(googleError(403, 'forbidden')).errorClass, 'disconnected');
    assert.equal(classifyYouTube(googleError(401, 'youtubeSignupRequired')).errorClass, 'refresh-token');
    assert.equal(classifyYouTube(googleError(403, 'youtubeSignupRequired')).errorClass, 'disconnected');
    for (const reason of ['invalidTitle', 'invalidDescription', 'invalidTags', 'invalidCategoryId']) {
      assert.equal(classifyYouTube(googleError(400, reason)).errorClass, 'bad-content', reason);
    }
    assert.equal(classifyYouTube(googleError(409, 'duplicate')).errorClass, 'bad-content');
    assert.equal(classifyYouTube(googleError(503, 'backendError')).errorClass, 'retry-later');
    assert.equal(classifyYouTube(response(502, '<html>502 Bad Gateway</html>')).errorClass, 'retry-later');
    assert.equal(classifyYouTube(response(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })).errorClass, 'disconnected');
  });
});

describe('YouTube on the emulator', () => {
  it('uploads the video in chunks and reports the watch address', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const result = await youtubeConnector.publish(channel, post, state);
    const [video] = youtubeState().postsFor(post.url);
    assert.ok(video, 'the description carries the item address');
    assert.equal(result.remoteId, video.id);
    assert.equal(result.remoteUrl, `https://www.youtube.com/watch?v=${video.id}`);
    assert.equal(video.data.size, VIDEO.length);
    assert.equal(video.data.sha256, VIDEO_SHA);
    assert.equal(video.data.contentType, 'video/mp4');
    assert.deepEqual(video.data.status, { privacyStatus: 'public', selfDeclaredMadeForKids: false });
    const snippet = video.data.snippet as Record<string, unknown>;
    assert.equal(snippet.title, post.title);
    assert.equal(snippet.categoryId, '25');
    const session = sessionFor(video.id);
    assert.equal(session.chunks, 11);
    assert.equal(session.bytesSent, VIDEO.length);
    assert.equal(session.probes, 0, 'a new session needs no probe');
    assert.equal(state.videoId, video.id);
    assert.equal(state.sessionUri, undefined);

    // done is done: no second upload
    const requests = youtubeState().received.length;
    assert.deepEqual(await youtubeConnector.publish(channel, post, state), result);
    assert.equal(youtubeState().received.length, requests);
  });

  it('uses 1 MiB chunks unless the channel says otherwise, and refuses a size YouTube would not take', async () => {
    const channel = youtubeChannel({ privacyStatus: 'unlisted' });
    const { remoteId } = await youtubeConnector.publish(channel, samplePost(), {});
    assert.equal(sessionFor(remoteId).chunks, 3);
    assert.equal((youtubeState().posts.get(remoteId)!.data.status as { privacyStatus: string }).privacyStatus, 'unlisted');
    await rejectsWith(youtubeConnector.publish(youtubeChannel({ chunkBytes: '100000' }), samplePost(), {}), 'disconnected');
  });

  it('resumes after a lost answer mid-upload without sending any byte twice', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnChunk(3, { kind: 'lost-response' });
    let err: ConnectorError;
    try {
      err = await rejectsWith(youtubeConnector.publish(channel, post, state), 'retry-later');
    } finally {
      restore();
    }
    assert.equal(err.details.ambiguous, true);
    assert.equal(typeof state.sessionUri, 'string');
    assert.equal(state.received, 2 * CHUNK, 'what YouTube confirmed before the answer was lost');
    const session = sessionOf(state);
    assert.equal(session.received, 3 * CHUNK, 'the third chunk arrived although its answer did not');
    assert.equal(youtubeState().postsFor(post.url).length, 0, 'nothing shows before the last byte');

    const result = await youtubeConnector.publish(channel, post, state);
    assert.equal(session.probes, 1, 'the session was asked where it stands');
    assert.equal(session.bytesSent, VIDEO.length, 'no byte before the reported range was sent again');
    assert.equal(session.chunks, 11);
    const videos = youtubeState().postsFor(post.url);
    assert.equal(videos.length, 1);
    assert.equal(videos[0].id, result.remoteId);
    assert.equal(videos[0].data.sha256, VIDEO_SHA);
  });

  it('resumes after a server error mid-upload, sending the refused chunk again', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnChunk(3, { kind: 'server-error' });
    try {
      const err = await rejectsWith(youtubeConnector.publish(channel, post, state), 'retry-later');
      assert.equal(err.details.status, 503);
      assert.notEqual(err.details.ambiguous, true);
    } finally {
      restore();
    }
    assert.equal(state.received, 2 * CHUNK);
    const session = sessionOf(state);
    const result = await youtubeConnector.publish(channel, post, state);
    assert.equal(session.probes, 1);
    assert.equal(session.bytesSent, VIDEO.length);
    assert.equal(youtubeState().postsFor(post.url).length, 1);
    assert.equal(youtubeState().posts.get(result.remoteId)!.data.sha256, VIDEO_SHA);
  });

  it('an expired token mid-upload is refreshed and the upload goes on', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnChunk(5, { kind: 'expired-token' });
    try {
      await rejectsWith(youtubeConnector.publish(channel, post, state), 'refresh-token');
    } finally {
      restore();
    }
    // without a refresh the token stays refused
    await rejectsWith(youtubeConnector.publish(channel, post, state), 'refresh-token');
    const credentials = await youtubeConnector.refresh!(channel);
    assert.notEqual(credentials.accessToken, channel.credentials.accessToken);
    assert.equal(credentials.refreshToken, channel.credentials.refreshToken, 'Google keeps the refresh token');
    assert.equal(credentials.chunkBytes, String(CHUNK));
    await youtubeConnector.publish({ ...channel, credentials }, post, state);
    const [video] = youtubeState().postsFor(post.url);
    assert.equal(video.data.sha256, VIDEO_SHA);
    assert.equal(sessionFor(video.id).bytesSent, VIDEO.length);
  });

  it('an expired session is started again from the first byte', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    const restore = faultOnChunk(4, { kind: 'server-error' });
    try {
      await rejectsWith(youtubeConnector.publish(channel, post, state), 'retry-later');
    } finally {
      restore();
    }
    const expired = sessionOf(state);
    youtubeState().extra.delete(`session:${expired.id}`);
    const result = await youtubeConnector.publish(channel, post, state);
    const session = sessionFor(result.remoteId);
    assert.notEqual(session.id, expired.id);
    assert.equal(session.bytesSent, VIDEO.length);
    assert.equal(youtubeState().postsFor(post.url).length, 1);
  });

  for (const [kind, errorClass] of [
    ['rate-limit', 'retry-later'],
    ['server-error', 'retry-later'],
    ['html-error', 'retry-later'],
    ['truncated-json', 'retry-later'],
    ['lost-response', 'retry-later'],
    ['expired-token', 'refresh-token'],
    ['duplicate', 'bad-content'],
  ] as const) {
    it(`${kind} on opening the session is a ${errorClass} ConnectorError, and a later attempt uploads one video`, async () => {
      let channel = youtubeChannel();
      const post = samplePost();
      const state: DeliveryState = {};
      emulator.inject('youtube', { kind, retryAfterSeconds: 3 });
      const err = await rejectsWith(youtubeConnector.publish(channel, post, state), errorClass);
      if (kind === 'rate-limit') assert.equal(err.details.retryAfterMs, 3000);
      if (kind === 'expired-token') channel = { ...channel, credentials: await youtubeConnector.refresh!(channel) };
      await youtubeConnector.publish(channel, post, state);
      assert.equal(youtubeState().postsFor(post.url).length, 1);
    });
  }

  it('hostile answers to a chunk are ConnectorErrors and the upload resumes', async () => {
    const channel = youtubeChannel();
    const post = samplePost();
    const state: DeliveryState = {};
    for (const [n, kind] of [
      [2, 'html-error'],
      [1, 'truncated-json'],
    ] as const) {
      const restore = faultOnChunk(n, { kind });
      try {
        await rejectsWith(youtubeConnector.publish(channel, post, state), 'retry-later');
      } finally {
        restore();
      }
    }
    await youtubeConnector.publish(channel, post, state);
    const [video] = youtubeState().postsFor(post.url);
    assert.equal(video.data.sha256, VIDEO_SHA);
  });

  it('a file that is not a video is bad content; a missing one is tried again later', async () => {
    const channel = youtubeChannel();
    await rejectsWith(youtubeConnector.publish(channel, samplePost({ videoUrl: `${filesUrl}/media/trang.html` }), {}), 'bad-content');
    await rejectsWith(youtubeConnector.publish(channel, samplePost({ videoUrl: `${filesUrl}/media/chua-co.mp4` }), {}), 'retry-later');
  });

  it('a category YouTube does not know is bad content', async () => {
    const err = await rejectsWith(youtubeConnector.publish(youtubeChannel({ categoryId: '999' }), samplePost(), {}), 'bad-content');
    assert.equal(err.details.code, 'invalidCategoryId');
  });

  it('edits, measures and deletes a video', async () => {
    const channel = youtubeChannel({});
    const post = samplePost();
    const { remoteId } = await youtubeConnector.publish(channel, post, {});
    await youtubeConnector.update!(channel, remoteId, { ...post, title: `${post.title} (cập nhật)` });
    const video = youtubeState().posts.get(remoteId)!;
    assert.equal(video.edits, 1);
    assert.equal((video.data.snippet as { title: string }).title, `${post.title} (cập nhật)`);
    assert.equal(video.link, post.url);

    Object.assign(video.data, { views: 1234, likes: 56, comments: 7 });
    assert.deepEqual(await youtubeConnector.postMetrics!(channel, remoteId), { views: 1234, likes: 56, comments: 7 });
    youtubeState().followers = 8910;
    assert.deepEqual(await youtubeConnector.channelMetrics!(channel), { followers: 8910 });

    await youtubeConnector.remove!(channel, remoteId);
    assert.equal(video.deleted, true);
    await youtubeConnector.remove!(channel, remoteId); // already gone is fine
    await rejectsWith(youtubeConnector.postMetrics!(channel, remoteId), 'bad-content');
    await rejectsWith(youtubeConnector.update!(channel, remoteId, post), 'bad-content');
  });

  it('a revoked refresh token disconnects the channel', async () => {
    const channel = youtubeChannel();
    const err = await rejectsWith(youtubeConnector.refresh!({ ...channel, credentials: { ...channel.credentials, refreshToken: '1//revoked' } }), 'disconnected');
    assert.equal(err.details.code, 'invalid_grant');
    await rejectsWith(youtubeConnector.refresh!({ ...channel, credentials: { ...channel.credentials, clientSecret: 'wrong' } }), 'disconnected');
  });
});
