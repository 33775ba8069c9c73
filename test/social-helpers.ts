import type { PlatformResponse } from '../src/modules/social/http.ts';
import type { SocialPost } from '../src/modules/social/types.ts';

// What the connector suites (social-facebook, -x, -youtube, -zalo) share: a
// post as the delivery job hands it to a connector, and a platform's answer
// as the HTTP layer hands it back.

let serial = 0;

/** A new item id, for a post whose URL must differ from every other post's. */
export const nextItemId = () => ++serial;

/** A published news item as a connector sees it; each call is a new item (its own id, title and URL). */
export function samplePost(over: Partial<SocialPost> = {}): SocialPost {
  const n = nextItemId();
  return {
    itemId: n,
    type: 'news',
    lang: 'vi',
    title: `Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng ${n}`,
    summary: 'Chính phủ thảo luận tình hình kinh tế – xã hội, đẩy mạnh giải ngân vốn đầu tư công và chuyển đổi số quốc gia.',
    bodyHtml: '<p>Sáng nay, Thủ tướng chủ trì phiên họp.</p>',
    url: `http://chinhphu.localhost:3000/tin-tuc/phien-hop-chinh-phu-${n}`,
    tags: ['kinh tế số', 'đầu tư công'],
    portalName: 'Cổng Thông tin điện tử Chính phủ',
    ...over,
  };
}

/** A platform's answer: a JSON value (or raw text, parsed when it is JSON) with its status and headers. */
export function response(status: number, body: unknown, headers: Record<string, string> = {}): PlatformResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers: new Headers(headers), text, json };
}
