import { asAnswer, idOf, list, num, str, type Answer } from '../answer.ts';
import { call, describe, htmlToText, retryAfterMs, shorten, type PlatformResponse } from '../http.ts';
import { ConnectorError, type ChannelRuntime, type Connector, type PublishResult, type SocialPost } from '../types.ts';

// Viber channel (Channels Post API). A static token from the channel's
// Developer Tools, sent as X-Viber-Auth-Token; posts go out "from" the
// channel's superadmin member, whose id is looked up once and kept in the
// delivery state. Answers are HTTP 200 with a numeric `status` (0 = ok). The
// API can neither edit nor delete a channel post, and has no way to list
// posts, so an ambiguous failure cannot be checked: see `publish`.

const TEXT_MAX = 7000;
const CAPTION_MAX = 768;

/** Viber's status codes (HTTP 200, non-zero `status`) sorted into what to do. */
export function classifyViber(res: PlatformResponse): ConnectorError {
  if (res.status === 429) return new ConnectorError('retry-later', `Viber is throttling: ${describe(res)}`, { status: 429, retryAfterMs: retryAfterMs(res.headers) });
  const answer = asAnswer(res.json);
  const code = num(answer.status);
  if (res.status >= 500 || code === undefined) {
    return new ConnectorError('retry-later', `Viber answered unexpectedly: ${describe(res)}`, { status: res.status });
  }
  const message = `Viber status ${code} ${str(answer.status_message) ?? ''}`.trim();
  if (code === 12) return new ConnectorError('retry-later', message, { code, retryAfterMs: 10_000 });
  if (code === 2 || code === 7 || code === 9) return new ConnectorError('disconnected', message, { code });
  if (code === 10) return new ConnectorError('disconnected', `${message}: set the channel's webhook first`, { code });
  if (code === 1 || code === 3 || code === 4 || code === 13) return new ConnectorError('bad-content', message, { code });
  return new ConnectorError('retry-later', message, { code });
}

export function formatViber(post: SocialPost): { type: 'text' | 'picture'; text: string; media?: string } {
  if (post.imageUrl) {
    // the link goes last and is never cut
    const room = CAPTION_MAX - post.url.length - 2;
    return { type: 'picture', media: post.imageUrl, text: `${shorten(post.socialText ?? post.title, room)}\n${post.url}` };
  }
  if (post.socialText) {
    const tail = `\n\n${post.url}`;
    return { type: 'text', text: shorten(post.socialText, TEXT_MAX - [...tail].length) + tail };
  }
  const head = `${post.title}\n\n`;
  const tail = `\n\n${post.url}`;
  const summary = post.summary || htmlToText(post.bodyHtml);
  return { type: 'text', text: head + shorten(summary, TEXT_MAX - [...head].length - [...tail].length) + tail };
}

async function viber(channel: ChannelRuntime, path: string, body: Record<string, unknown>): Promise<Answer> {
  const res = await call(channel, `${channel.apiBaseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-viber-auth-token': channel.credentials.authToken },
    body: JSON.stringify(body),
  });
  const answer = asAnswer(res.json);
  if (res.status !== 200 || answer.status !== 0) throw classifyViber(res);
  return answer;
}

export const viberConnector: Connector = {
  platform: 'viber',
  defaultBaseUrl: 'https://chatapi.viber.com/pa',
  credentialFields: [{ name: 'authToken', required: true, description: "the channel's token from Developer Tools" }],
  accepts: () => true,

  async publish(channel, post, state, checkpoint): Promise<PublishResult> {
    // A post may have reached Viber although its answer was lost; with no way
    // to look, sending again could post twice. Refuse instead and let an
    // editor check the channel (the delivery shows the reason).
    if (state.sentAt && !state.confirmed) {
      throw new ConnectorError('bad-content', `an earlier attempt (${str(state.sentAt) ?? 'unrecorded time'}) may have posted already and Viber offers no way to check; look at the channel, then retry by hand`);
    }
    if (typeof state.from !== 'string') {
      const info = await viber(channel, '/get_account_info', {});
      const admin = idOf(
        list(info.members)
          .map(asAnswer)
          .find((m) => m.role === 'superadmin')?.id,
      );
      if (!admin) throw new ConnectorError('disconnected', 'the Viber channel has no superadmin member to post as');
      state.from = admin;
    }
    const message = formatViber(post);
    state.sentAt = new Date().toISOString();
    // on record before the call: a crash after Viber took the post but before
    // its answer was saved must not lead the next worker to post it again
    await checkpoint?.();
    let res;
    try {
      res = await viber(channel, '/post', { from: state.from, ...message, min_api_version: 7 });
    } catch (err) {
      // a clear refusal means nothing was posted: a later attempt may send again
      if (err instanceof ConnectorError && !err.details.ambiguous) delete state.sentAt;
      throw err;
    }
    state.confirmed = true;
    return { remoteId: idOf(res.message_token) ?? '' };
  },

  async channelMetrics(channel) {
    const info = await viber(channel, '/get_account_info', {});
    return { followers: Number(info.subscribers_count ?? 0) };
  },
};
