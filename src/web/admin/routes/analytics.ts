import type { FastifyInstance, FastifyRequest } from 'fastify';
import { own } from '../../../lib/own.ts';
import type { Services } from '../../../services.ts';
import { ValidationError } from '../../../lib/errors.ts';
import { addDays, CSV_TABLES, type CsvTable, vnDayStart } from '../../../modules/analytics/index.ts';
import type { Range, Stats } from '../../../modules/analytics/index.ts';
import type { Portal } from '../../../modules/portals/index.ts';
import { sendCsv } from '../../api/analytics.ts';
import { html, type SafeHtml } from '../../site/html.ts';
import { lineChart } from '../chart.ts';
import { HttpError, permitted, sendPage, type Gate } from '../http.ts';
import { ANALYTICS_MESSAGES, type AnalyticsMessages } from '../i18n-analytics.ts';
import { page, TIME_ZONE } from '../layout.ts';
import { otherPortals } from './dashboard.ts';

// The portal's figures for its analysts and admins, on one screen: the
// period's totals against the previous period, a chart drawn on the server,
// top pages, sources, devices, browsers, languages and events, who is
// reading right now, CSV downloads, and beside the site's own figures the
// reach of its social channels and the citizen feedback of the period.

const analyst = (request: FastifyRequest): Gate => permitted(request, 'stats.view');

type Query = { from?: string; to?: string; interval?: string; table?: string };

export function analyticsRoutes(app: FastifyInstance, services: Services) {
  const { analytics, feedback } = services;

  app.get('/analytics', async (request, reply) => {
    const gate = analyst(request);
    const { ctx } = gate;
    const a = ANALYTICS_MESSAGES[ctx.lang];
    const q = pick(request.query);
    let range: Range;
    let invalid = false;
    try {
      range = analytics.range(q);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      invalid = true;
      range = analytics.range({});
    }
    const portal = ctx.portal;
    const [stats, now, channels, fb] = await Promise.all([
      analytics.stats(portal, range),
      analytics.realtime(portal),
      socialFigures(services, portal, range),
      feedback.stats(portal, { from: new Date(vnDayStart(range.from)).toISOString(), to: new Date(vnDayStart(addDays(range.to, 1))).toISOString() }),
    ]);
    const locale = ctx.lang === 'vi' ? 'vi-VN' : 'en-GB';
    const num = (n: number) => n.toLocaleString(locale);
    const today = analytics.today();
    const link = (from: string, to: string) => `/admin/analytics?from=${from}&to=${to}`;
    const qs = `from=${range.from}&to=${range.to}&interval=${range.interval}`;

    const metric = (key: keyof AnalyticsMessages['metrics'], value: string, before: string, change: number | null) =>
      html`<li><span>${a.metrics[key]}</span><strong>${value}</strong><span class="muted">${change === null ? a.noChange : `${change > 0 ? '+' : ''}${num(change)}%`} · ${a.previous}: ${before}</span></li>`;
    const rows = (items: SafeHtml[], head: SafeHtml) => (items.length ? html`<table><thead>${head}</thead><tbody>${items}</tbody></table>` : html`<p class="muted">${a.none}</p>`);
    const share = (part: number, whole: number) => (whole ? `${num(Math.round((part / whole) * 1000) / 10)}%` : '');

    const body = html`<h1>${a.title}</h1>
<form method="get" action="/admin/analytics" class="card inline" aria-label="${a.period}">
<div class="field"><label for="f-from">${a.from}</label><input type="date" id="f-from" name="from" value="${range.from}"></div>
<div class="field"><label for="f-to">${a.to}</label><input type="date" id="f-to" name="to" value="${range.to}"></div>
<div class="field"><label for="f-interval">${a.interval}</label><select id="f-interval" name="interval">${(['hour', 'day', 'month', 'minute'] as const).map((i) => html`<option value="${i}"${i === range.interval ? html` selected` : ''}>${a.intervals[i]}</option>`)}</select></div>
<button type="submit">${a.show}</button>
<p><a href="${link(today, today)}">${a.quick.today}</a> · <a href="${link(addDays(today, -6), today)}">${a.quick.week}</a> · <a href="${link(addDays(today, -29), today)}">${a.quick.month}</a> · <a href="${link(addDays(today, -89), today)}">${a.quick.quarter}</a></p>
</form>
${invalid ? html`<div class="alert" role="alert">${a.badPeriod}</div>` : ''}
<p class="notice" role="status"><strong>${a.realtime(now.visitors)}</strong> <span class="muted">${a.realtimeHint}</span></p>
<section aria-labelledby="h-totals"><h2 id="h-totals">${range.from} – ${range.to}</h2>
<p class="muted">${a.vsPrevious(stats.previous.from, stats.previous.to)}</p>
<ul class="counts">
${metric('visitors', num(stats.visitors), num(stats.previous.visitors), stats.change.visitors)}
${metric('visits', num(stats.visits), num(stats.previous.visits), stats.change.visits)}
${metric('pageviews', num(stats.pageviews), num(stats.previous.pageviews), stats.change.pageviews)}
${metric('bounceRate', `${num(stats.bounceRate)}%`, `${num(stats.previous.bounceRate)}%`, stats.change.bounceRate)}
${metric('viewsPerVisit', num(stats.viewsPerVisit), num(stats.previous.viewsPerVisit), stats.change.viewsPerVisit)}
</ul></section>
<section class="card" aria-labelledby="h-chart"><h2 id="h-chart">${a.chart}</h2>
${lineChart({
  label: a.chartLabel(range.from, range.to),
  labels: stats.series.map((p) => timeLabel(p.t, range.interval, locale)),
  series: [
    { name: a.metrics.pageviews, colour: '#a3151b', values: stats.series.map((p) => p.pageviews) },
    { name: a.metrics.visitors, colour: '#0b4f9c', values: stats.series.map((p) => p.visitors) },
  ],
})}
<details><summary>${a.chartData}</summary>${rows(
      stats.series.map((p) => html`<tr><td>${timeLabel(p.t, range.interval, locale, true)}</td><td>${num(p.pageviews)}</td><td>${num(p.visitors)}</td><td>${num(p.visits)}</td></tr>`),
      html`<tr><th scope="col">${a.time}</th><th scope="col">${a.metrics.pageviews}</th><th scope="col">${a.metrics.visitors}</th><th scope="col">${a.metrics.visits}</th></tr>`,
    )}</details>
</section>
<div class="grid">
<section class="card" aria-labelledby="h-pages"><h2 id="h-pages">${a.topPages}</h2>${rows(
      stats.topPages.map((p) => html`<tr><td><a href="${portal.url}${p.path}">${p.path}</a></td><td>${num(p.pageviews)}</td><td>${num(p.visitors)}</td></tr>`),
      html`<tr><th scope="col">${a.page}</th><th scope="col">${a.metrics.pageviews}</th><th scope="col">${a.metrics.visitors}</th></tr>`,
    )}</section>
<section class="card" aria-labelledby="h-sources"><h2 id="h-sources">${a.sources}</h2>${rows(
      stats.sources.map(
        (s) => html`<tr><td>${s.kind === 'direct' ? a.kinds.direct : s.source}<br><small class="muted">${own(a.kinds, s.kind) ?? s.kind}</small></td><td>${num(s.visitors)}</td><td>${share(s.visitors, stats.visitors)}</td></tr>`,
      ),
      html`<tr><th scope="col">${a.source}</th><th scope="col">${a.metrics.visitors}</th><th scope="col">%</th></tr>`,
    )}</section>
<section class="card" aria-labelledby="h-devices"><h2 id="h-devices">${a.devices}</h2>${rows(
      stats.devices.map((d) => html`<tr><td>${own(a.deviceNames, d.device) ?? d.device}</td><td>${num(d.visitors)}</td><td>${share(d.visitors, stats.visitors)}</td></tr>`),
      html`<tr><th scope="col">${a.device}</th><th scope="col">${a.metrics.visitors}</th><th scope="col">%</th></tr>`,
    )}</section>
<section class="card" aria-labelledby="h-browsers"><h2 id="h-browsers">${a.browsers}</h2>${rows(
      stats.browsers.map((b) => html`<tr><td>${b.browser}</td><td>${num(b.visitors)}</td><td>${share(b.visitors, stats.visitors)}</td></tr>`),
      html`<tr><th scope="col">${a.browser}</th><th scope="col">${a.metrics.visitors}</th><th scope="col">%</th></tr>`,
    )}</section>
<section class="card" aria-labelledby="h-langs"><h2 id="h-langs">${a.languages}</h2>${rows(
      stats.languages.map((l) => html`<tr><td>${own(a.langNames, l.lang) ?? l.lang}</td><td>${num(l.pageviews)}</td><td>${num(l.visitors)}</td></tr>`),
      html`<tr><th scope="col">${a.language}</th><th scope="col">${a.metrics.pageviews}</th><th scope="col">${a.metrics.visitors}</th></tr>`,
    )}</section>
<section class="card" aria-labelledby="h-events"><h2 id="h-events">${a.events}</h2>${eventRows(a, stats, num)}</section>
</div>
<section class="card" aria-labelledby="h-social"><h2 id="h-social">${a.social}</h2>${
      channels.length
        ? html`<table><thead><tr><th scope="col">${a.channel}</th><th scope="col">${a.platform}</th><th scope="col">${a.followers}</th><th scope="col">${a.followersChange}</th><th scope="col">${a.reach}</th></tr></thead><tbody>${channels.map(
            (c) => html`<tr><td>${c.name}</td><td>${c.platform}</td><td>${c.followers === null ? '–' : num(c.followers)}</td><td>${c.change === null ? '–' : `${c.change > 0 ? '+' : ''}${num(c.change)}`}</td><td>${num(c.reach)}</td></tr>`,
          )}</tbody></table>`
        : html`<p class="muted">${a.socialNone}</p>`
    }</section>
<section class="card" aria-labelledby="h-feedback"><h2 id="h-feedback">${a.feedback}</h2>
<ul class="counts">
<li><span>${a.feedbackFigures.received}</span><strong>${num(fb.received)}</strong></li>
<li><span>${a.feedbackFigures.answered}</span><strong>${num(fb.answered)}</strong></li>
<li><span>${a.feedbackFigures.answeredInTime}</span><strong>${num(fb.answeredInTime)}</strong></li>
<li><span>${a.feedbackFigures.overdue}</span><strong>${num(fb.overdue)}</strong></li>
<li><span>${a.feedbackFigures.open}</span><strong>${num(fb.open)}</strong></li>
<li><span>${a.feedbackFigures.averageDays}</span><strong>${fb.averageWorkingDaysToAnswer === null ? '–' : num(fb.averageWorkingDaysToAnswer)}</strong></li>
</ul></section>
<section class="card" aria-labelledby="h-export"><h2 id="h-export">${a.export}</h2>
<ul class="plain">${CSV_TABLES.map((t) => html`<li><a href="${`/admin/analytics/export.csv?${qs}&table=${t}`}" download>${a.exportTables[t]} (CSV)</a></li>`)}</ul></section>
<p class="muted">${a.privacy}</p>`;
    return sendPage(reply, invalid ? 422 : 200, page(ctx, { title: a.title, current: 'analytics', otherPortals: await otherPortals(services, ctx), body }));
  });

  app.get('/analytics/export.csv', async (request, reply) => {
    const { ctx } = analyst(request);
    const q = pick(request.query);
    const range = analytics.range(q);
    const table = (CSV_TABLES as readonly string[]).includes(q.table ?? 'series') ? ((q.table ?? 'series') as CsvTable) : undefined;
    if (!table) throw new HttpError(422);
    return sendCsv(reply, `${ctx.portal.slug}-${table}-${range.from}-${range.to}.csv`, await analytics.csv(ctx.portal, range, table));
  });
}

function pick(query: unknown): Query {
  const q = (query ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.slice(0, 20) : undefined);
  return { from: s(q.from), to: s(q.to), interval: s(q.interval), table: s(q.table) };
}

function eventRows(a: AnalyticsMessages, stats: Stats, num: (n: number) => string): SafeHtml {
  const all = [
    ...stats.customEvents.map((e) => ({ kind: a.event, name: e.name, events: e.events, visitors: e.visitors })),
    ...stats.outbound.map((e) => ({ kind: a.outbound, name: e.url, events: e.events, visitors: e.visitors })),
    ...stats.downloads.map((e) => ({ kind: a.downloads, name: e.url, events: e.events, visitors: e.visitors })),
  ];
  if (!all.length) return html`<p class="muted">${a.none}</p>`;
  return html`<table><thead><tr><th scope="col">${a.event}</th><th scope="col">${a.count}</th><th scope="col">${a.metrics.visitors}</th></tr></thead><tbody>${all.map((e) => html`<tr><td>${e.name}<br><small class="muted">${e.kind}</small></td><td>${num(e.events)}</td><td>${num(e.visitors)}</td></tr>`)}</tbody></table>`;
}

/** A bucket's start as readers in Hà Nội would write it. */
function timeLabel(t: string, interval: Range['interval'], locale: string, long = false): string {
  const d = new Date(t);
  const opts: Intl.DateTimeFormatOptions =
    interval === 'month'
      ? { month: '2-digit', year: 'numeric' }
      : interval === 'day'
        ? { day: '2-digit', month: '2-digit', ...(long ? { year: 'numeric' } : {}) }
        : { hour: '2-digit', minute: '2-digit', hour12: false, ...(long ? { day: '2-digit', month: '2-digit' } : {}) };
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...opts }).format(d);
}

/** Each social channel's followers (last sample in the period, and its change) and its posts' reach in the period. */
async function socialFigures(services: Services, portal: Portal, range: Range) {
  const since = new Date(vnDayStart(range.from)).toISOString();
  const until = new Date(vnDayStart(addDays(range.to, 1))).toISOString();
  const channels = await services.social.channels.list(portal);
  return Promise.all(
    channels.map(async (c) => {
      const inRange = <T extends { at: string }>(points: T[]) => points.filter((p) => p.at < until);
      const followers = inRange(await services.social.deliveries.series(c.id, 'followers', since));
      // a post's reach is its latest sample in the period (views where the platform reports no reach)
      const latest = new Map<number, number>();
      for (const metric of ['views', 'reach']) {
        for (const p of inRange(await services.social.deliveries.series(c.id, metric, since))) if (p.deliveryId !== null) latest.set(p.deliveryId, p.value);
      }
      const last = followers.at(-1)?.value ?? null;
      return { name: c.name, platform: c.platform, followers: last, change: followers.length > 1 ? last! - followers[0].value : null, reach: [...latest.values()].reduce((x, y) => x + y, 0) };
    }),
  );
}
