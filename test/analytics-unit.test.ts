import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { agentOf, classifySource, deviceClass, languageOfPath, pagePath, sourceKey, type Source } from '../src/modules/analytics/classify.ts';
import { addDays, isDay, vnDay, vnDayStart } from '../src/modules/analytics/calendar.ts';
import { count, type CountedEvent, type VisitorState } from '../src/modules/analytics/counting.ts';
import { resolveRange, totalsOf } from '../src/modules/analytics/queries.ts';
import { csvCell } from '../src/modules/analytics/service.ts';
import { visitorHash } from '../src/modules/analytics/ingest.ts';
import { lineChart, niceCeiling } from '../src/web/admin/chart.ts';
import { ValidationError } from '../src/lib/errors.ts';

// The analytics' pure parts: source classification, the Hà Nội calendar,
// counting visits and bounces, periods, CSV cells and the server-side chart.

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const ZALO = 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12100709 ZaloTheme/light ZaloLanguage/vi';
const FACEBOOK_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/460.0.0.37.104;FBBV/581207335]';
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('source classification', () => {
  const ctx = {
    ownHosts: new Set(['chinhphu.localhost', 'chinhphu.gov.vn']),
    networkHosts: new Map([
      ['hanoi.gov.vn', 'hanoi'],
      ['hanoi.localhost', 'hanoi'],
      ['mof.gov.vn', 'bo-tai-chinh'],
    ]),
  };
  const page = new URL('https://chinhphu.gov.vn/tin-tuc/a');
  const cases: Array<[string, string | null, string | undefined, string?]> = [
    // referrer, expected source key (undefined: inside the portal), User-Agent
    ['no referrer', null, 'direct'],
    ['empty referrer', '', 'direct'],
    ['garbage referrer', 'not a url', 'direct'],
    ['Google', 'https://www.google.com/', 'search:google'],
    ['Google Vietnam', 'https://www.google.com.vn/', 'search:google'],
    ['Google News UK', 'https://news.google.co.uk/', 'search:google'],
    ['Bing', 'https://www.bing.com/search?q=x', 'search:bing'],
    ['Cốc Cốc', 'https://coccoc.com/search?query=nghi+dinh', 'search:coccoc'],
    ['DuckDuckGo', 'https://duckduckgo.com/', 'search:duckduckgo'],
    ['Baidu', 'https://www.baidu.com/link?url=x', 'search:baidu'],
    ['Yahoo', 'https://search.yahoo.com/', 'search:yahoo'],
    ['Facebook web', 'https://www.facebook.com/', 'social:facebook'],
    ['Facebook link shim', 'https://l.facebook.com/l.php?u=x', 'social:facebook'],
    ['Facebook mobile', 'https://m.facebook.com/', 'social:facebook'],
    ['Messenger', 'https://www.messenger.com/', 'social:facebook'],
    ['Zalo', 'https://chat.zalo.me/', 'social:zalo'],
    ['Zalo OA', 'https://oa.zalo.me/', 'social:zalo'],
    ['YouTube', 'https://www.youtube.com/watch?v=x', 'social:youtube'],
    ['youtu.be', 'https://youtu.be/x', 'social:youtube'],
    ['X', 'https://x.com/', 'social:x'],
    ['Twitter', 'https://twitter.com/', 'social:x'],
    ['t.co', 'https://t.co/abc', 'social:x'],
    ['Viber', 'https://invite.viber.com/?g=x', 'social:viber'],
    ['Facebook Android app', 'android-app://com.facebook.katana/', 'social:facebook'],
    ['Zalo Android app', 'android-app://com.zing.zalo/', 'social:zalo'],
    ['Google app', 'android-app://com.google.android.googlequicksearchbox/', 'search:google'],
    ['a network portal', 'https://hanoi.gov.vn/tin-tuc', 'network:hanoi'],
    ['a network portal on localhost', 'http://hanoi.localhost:3000/', 'network:hanoi'],
    ['another ministry', 'https://mof.gov.vn/', 'network:bo-tai-chinh'],
    ['a newspaper', 'https://vnexpress.net/thoi-su', 'referral:vnexpress.net'],
    ['www is dropped', 'https://www.baochinhphu.vn/', 'referral:baochinhphu.vn'],
    ['inside the portal', 'https://chinhphu.gov.vn/', undefined],
    ['inside the portal, other name', 'http://chinhphu.localhost:3000/van-ban', undefined],
    ['Zalo in-app browser without referrer', null, 'social:zalo', ZALO],
    ['Facebook in-app browser without referrer', null, 'social:facebook', FACEBOOK_APP],
    ['an in-app browser with a referrer keeps it', 'https://www.google.com/', 'search:google', ZALO],
  ];
  for (const [name, referrer, expected, ua] of cases) {
    it(name, () => {
      const s = classifySource(page, referrer, { ...ctx, inApp: ua ? agentOf(ua).inApp : undefined });
      assert.equal(s === undefined ? undefined : sourceKey(s), expected);
    });
  }
  it('campaign tags win over the referrer, named by utm_campaign or else utm_source', () => {
    const key = (u: string, r: string | null) => sourceKey(classifySource(new URL(u), r, ctx) as Source);
    assert.equal(key('https://chinhphu.gov.vn/a?utm_source=facebook&utm_medium=social&utm_campaign=Ngay-Hoi', 'https://l.facebook.com/'), 'campaign:ngay-hoi');
    assert.equal(key('https://chinhphu.gov.vn/a?utm_source=Ban-Tin', null), 'campaign:ban-tin');
    assert.equal(key('https://chinhphu.gov.vn/a?utm_medium=email', null), 'direct');
  });
});

describe('pages, languages and devices', () => {
  it('reads the portal language from the path', () => {
    for (const [path, lang] of [
      ['/', 'vi'],
      ['/tin-tuc/a', 'vi'],
      ['/en', 'en'],
      ['/en/', 'en'],
      ['/en/news/x', 'en'],
      ['/zh/xinwen', 'zh'],
      ['/english', 'vi'],
      ['/zhong', 'vi'],
    ])
      assert.equal(languageOfPath(path), lang, path);
  });
  it('keeps the path only: no query string, no fragment, no trailing slash', () => {
    assert.equal(pagePath(new URL('https://x.vn/tim-kiem?q=so+dien+thoai+0912345678#top')), '/tim-kiem');
    assert.equal(pagePath(new URL('https://x.vn/tin-tuc/')), '/tin-tuc');
    assert.equal(pagePath(new URL('https://x.vn/')), '/');
    assert.equal(pagePath(new URL(`https://x.vn/${'a'.repeat(500)}`)).length, 300);
  });
  it('tells phones, tablets and computers apart, by User-Agent first and screen width after', () => {
    assert.equal(deviceClass(agentOf(ZALO), 1440), 'mobile');
    assert.equal(deviceClass(agentOf(IPAD), null), 'tablet');
    assert.equal(deviceClass(agentOf(CHROME), 1920), 'desktop');
    assert.equal(deviceClass(agentOf(CHROME), 400), 'mobile');
    assert.equal(deviceClass(agentOf(CHROME), 800), 'tablet');
    assert.equal(agentOf(ZALO).browser, 'Zalo');
    assert.equal(agentOf(FACEBOOK_APP).browser, 'Facebook');
    assert.equal(agentOf(CHROME).browser, 'Chrome');
  });
  it('knows bots, crawlers and empty User-Agents', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'coccocbot-web/1.0',
      'curl/8.5.0',
      'python-requests/2.31.0',
      '',
      'x',
      'Mozilla/5.0 ' + 'a'.repeat(2000),
    ])
      assert.equal(agentOf(ua).bot, true, ua.slice(0, 60));
    for (const ua of [CHROME, ZALO, FACEBOOK_APP, IPAD]) assert.equal(agentOf(ua).bot, false, ua);
  });
});

describe('the Hà Nội calendar', () => {
  it('turns the day at 17:00 UTC', () => {
    assert.equal(vnDay(Date.parse('2025-03-04T16:59:59.999Z')), '2025-03-04');
    assert.equal(vnDay(Date.parse('2025-03-04T17:00:00.000Z')), '2025-03-05');
    assert.equal(new Date(vnDayStart('2025-03-05')).toISOString(), '2025-03-04T17:00:00.000Z');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.ok(isDay('2024-02-29') && !isDay('2025-02-29') && !isDay('2025-2-1') && !isDay('2025-13-01'));
  });
  it('makes a different visitor hash under another salt, portal, address or browser', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    const h = visitorHash(a, 1, '10.0.0.1', CHROME);
    assert.equal(h, visitorHash(a, 1, '10.0.0.1', CHROME));
    for (const other of [visitorHash(b, 1, '10.0.0.1', CHROME), visitorHash(a, 2, '10.0.0.1', CHROME), visitorHash(a, 1, '10.0.0.2', CHROME), visitorHash(a, 1, '10.0.0.1', ZALO)]) assert.notEqual(other, h);
  });
});

describe('counting', () => {
  const base = Date.parse('2025-03-05T01:00:00.000Z'); // 08:00 in Hà Nội
  const ev = (min: number, visitor: string, path = '/', extra: Partial<CountedEvent> = {}): CountedEvent => ({
    ts: base + min * 60_000,
    portalId: 1,
    visitor,
    name: 'pageview',
    path,
    lang: 'vi',
    source: 'direct',
    referrer: null,
    device: 'desktop',
    browser: 'Chrome',
    width: null,
    props: null,
    target: null,
    ...extra,
  });
  const day = (c: ReturnType<typeof count>, dim = 'total', value = '') => [...c.daily.values()].find((r) => r.dim === dim && r.value === value);

  it('counts visitors once a day, visits after 30 idle minutes, and bounces of single-view visits', () => {
    const states = new Map<string, VisitorState>();
    const c = count([ev(0, 'a', '/x'), ev(10, 'a', '/y'), ev(45, 'a', '/x'), ev(46, 'b', '/x'), ev(200, 'b', '/z'), ev(205, 'b', '/z')], states);
    assert.deepEqual(day(c), { portalId: 1, dim: 'total', bucket: '2025-03-05', value: '', pageviews: 6, visitors: 2, visits: 4, bounces: 2, events: 0 });
    assert.deepEqual([day(c, 'page', '/x')!.pageviews, day(c, 'page', '/x')!.visitors], [3, 2]);
    assert.equal(c.raw.length, 6);
    // the states carry over: a second batch continues the visits
    const c2 = count([ev(215, 'b', '/w')], states);
    assert.deepEqual([day(c2)!.visitors, day(c2)!.visits, day(c2)!.bounces], [0, 0, 0]);
    assert.equal(day(c2, 'page', '/w')!.visitors, 1);
  });
  it('attributes a visit’s page views to the source it came from', () => {
    const c = count([ev(0, 'a', '/x', { source: 'search:google' }), ev(1, 'a', '/y', { source: undefined }), ev(2, 'a', '/z', { source: undefined })], new Map());
    assert.deepEqual([day(c, 'source', 'search:google')!.pageviews, day(c, 'source', 'search:google')!.visits, day(c, 'source', 'search:google')!.visitors], [3, 1, 1]);
    assert.equal(
      c.raw.every((r) => r.source === 'search:google'),
      true,
    );
  });
  it('counts events without making them visits', () => {
    const c = count([ev(0, 'a', '/', { name: 'outbound', target: 'dichvucong.gov.vn/' }), ev(1, 'a', '/', { name: 'outbound', target: 'dichvucong.gov.vn/' }), ev(2, 'a', '/', { name: 'Đăng ký' })], new Map());
    assert.deepEqual([day(c)!.pageviews, day(c)!.visitors, day(c)!.visits, day(c)!.events], [0, 0, 0, 3]);
    assert.deepEqual([day(c, 'outbound', 'dichvucong.gov.vn/')!.events, day(c, 'outbound', 'dichvucong.gov.vn/')!.visitors], [2, 1]);
    // a page view after an event is still the visitor's first of the day
    const states = new Map<string, VisitorState>();
    count([ev(0, 'b', '/', { name: 'Đăng ký' })], states);
    assert.equal(day(count([ev(1, 'b', '/')], states))!.visitors, 1);
  });
  it('counts the distinct visitors of each hour and minute', () => {
    const c = count([ev(0, 'a'), ev(0.5, 'a'), ev(1, 'a'), ev(61, 'a')], new Map());
    const hours = [...c.hourly.values()].filter((r) => r.dim === 'total').map((r) => r.visitors);
    const minutes = [...c.minute.values()].filter((r) => r.dim === 'total').map((r) => r.visitors);
    assert.deepEqual(hours, [1, 1]);
    assert.deepEqual(minutes, [1, 1, 1]);
  });
});

describe('periods and figures', () => {
  const today = '2025-03-10';
  it('defaults to the last 30 days, by day', () => assert.deepEqual(resolveRange({}, today), { from: '2025-02-09', to: today, interval: 'day' }));
  it('chooses hours for a day and months for a long period', () => {
    assert.equal(resolveRange({ from: today, to: today }, today).interval, 'hour');
    assert.equal(resolveRange({ from: '2024-03-11', to: today }, today).interval, 'month');
  });
  it('refuses bad periods with a 422 naming the field', () => {
    for (const q of [{ from: '2025-02-30' }, { to: '10/03/2025' }, { from: '2025-03-10', to: '2025-03-01' }, { interval: 'week' }, { from: '2020-01-01' }, { from: '2025-01-01', interval: 'minute' }]) {
      assert.throws(
        () => resolveRange(q, today),
        (e: unknown) => e instanceof ValidationError && e.status === 422,
        JSON.stringify(q),
      );
    }
  });
  it('derives bounce rate and views per visit, and never shows a bounce rate over 100 %', () => {
    assert.deepEqual(totalsOf({ pageviews: 30, visitors: 8, visits: 10, bounces: 4, events: 0 }), { visitors: 8, visits: 10, pageviews: 30, bounceRate: 40, viewsPerVisit: 3, events: 0 });
    assert.equal(totalsOf({ pageviews: 0, visitors: 0, visits: 0, bounces: 0, events: 0 }).bounceRate, 0);
    assert.equal(totalsOf({ pageviews: 1, visitors: 1, visits: 1, bounces: 3, events: 0 }).bounceRate, 100);
  });
  it('writes CSV cells quoted where needed and formulas defused', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
  });
});

describe('the server-side chart', () => {
  it('draws lines for each series within its box, with a round top value', () => {
    assert.deepEqual([niceCeiling(0), niceCeiling(7), niceCeiling(10), niceCeiling(11), niceCeiling(301), niceCeiling(7400)], [1, 10, 10, 20, 500, 10000]);
    const svg = lineChart({
      label: 'Lượt xem <test>',
      labels: ['a', 'b', 'c'],
      series: [
        { name: 'Lượt xem', colour: '#a3151b', values: [0, 5, 10] },
        { name: 'Người', colour: '#0b4f9c', values: [1, 2, 3] },
      ],
    }).value;
    assert.match(svg, /^<svg class="chart" viewBox="0 0 760 260"/);
    assert.match(svg, /aria-label="Lượt xem &lt;test&gt;"/);
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((m) => m[1].split(' ').map((p) => p.split(',').map(Number)));
    assert.equal(lines.length, 2);
    // 10 is the top of the axis: the last point of the first line sits on the top edge, the first on the bottom
    assert.deepEqual(lines[0][0], [56, 230]);
    assert.deepEqual(lines[0][2], [748, 28]);
    for (const line of lines) for (const [x, y] of line) assert.ok(x >= 56 && x <= 748 && y >= 28 && y <= 230);
    assert.doesNotMatch(svg, /style=|<script|href=/);
  });
});
