import type { FastifyInstance } from 'fastify';
import type { PortalUptime } from '../../../modules/uptime/index.ts';
import type { Services } from '../../../services.ts';
import { html } from '../../site/html.ts';
import { permitted, sendPage } from '../http.ts';
import { ValidationError } from '../../../lib/errors.ts';
import { formatTime, input, page } from '../layout.ts';
import { otherPortals } from './dashboard.ts';

// The network as the central portal's admins and analysts see it: the
// league table of every portal over a period (visits, growth, feedback
// answered in time, uptime — members of other deployments from their signed
// daily reports), and the uptime watch: every portal's state and since when,
// availability over 24 hours and 30 days, home-page latency, the portals that
// need attention first. Elsewhere a portal's own admins and analysts see
// the same pages with their portal's row only (docs/policy.md).

const LEAGUE = {
  vi: {
    title: 'Mạng lưới cổng',
    intro: 'Số liệu của mọi cổng trong mạng lưới: các cổng của triển khai này theo số liệu của chính nó, các cổng thành viên theo báo cáo có chữ ký gửi về hằng giờ.',
    from: 'Từ ngày',
    to: 'Đến ngày',
    show: 'Xem',
    totals: 'Toàn mạng lưới',
    portal: 'Cổng',
    visitors: 'Người xem',
    visits: 'Lượt truy cập',
    pageviews: 'Lượt xem trang',
    growth: 'Tăng trưởng',
    feedback: 'Phản ánh đã nhận',
    inTime: 'Trả lời đúng hạn',
    overdue: 'Quá hạn',
    uptime: 'Sẵn sàng 30 ngày',
    remote: 'thành viên, báo cáo đến',
    noReport: 'chưa báo cáo',
    uptimeLink: 'Giám sát hoạt động các cổng',
  },
  en: {
    title: 'Portal network',
    intro: "Figures of every portal of the network: this deployment's portals from their own rollups, member portals from the signed reports they send every hour.",
    from: 'From',
    to: 'To',
    show: 'Show',
    totals: 'Whole network',
    portal: 'Portal',
    visitors: 'Visitors',
    visits: 'Visits',
    pageviews: 'Page views',
    growth: 'Growth',
    feedback: 'Feedback received',
    inTime: 'Answered in time',
    overdue: 'Overdue',
    uptime: 'Available, 30 days',
    remote: 'member, reported through',
    noReport: 'no report yet',
    uptimeLink: 'Network uptime',
  },
};

const WORDS = {
  vi: {
    title: 'Giám sát hoạt động các cổng',
    intro: (s: number) => `Cổng Chính phủ kiểm tra /healthz và trang chủ của mọi cổng trong mạng lưới mỗi ${s} giây.`,
    off: 'Giám sát đang tắt (UPTIME=0) hoặc triển khai này không có cổng trung ương.',
    portal: 'Cổng',
    status: 'Trạng thái',
    since: 'Từ',
    day: 'Sẵn sàng 24 giờ',
    month: 'Sẵn sàng 30 ngày',
    latency: 'Độ trễ trang chủ (trung vị / p95)',
    lastError: 'Lỗi gần nhất',
    none: 'Chưa có kết quả kiểm tra nào.',
    statuses: { unknown: 'Chưa rõ', up: 'Hoạt động', down: 'Ngừng hoạt động', slow: 'Chậm' } as Record<string, string>,
  },
  en: {
    title: 'Network uptime',
    intro: (s: number) => `The central portal probes /healthz and the home page of every portal of the network every ${s} seconds.`,
    off: 'The watch is off (UPTIME=0) or this deployment has no central portal.',
    portal: 'Portal',
    status: 'State',
    since: 'Since',
    day: 'Available, 24 h',
    month: 'Available, 30 days',
    latency: 'Home page latency (median / p95)',
    lastError: 'Last error',
    none: 'No probe has run yet.',
    statuses: { unknown: 'Unknown', up: 'Up', down: 'Down', slow: 'Slow' } as Record<string, string>,
  },
};

const ORDER: Record<string, number> = { down: 0, slow: 1, unknown: 2, up: 3 };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(v === 1 ? 0 : 2)} %`);

const fmt = (n: number) => n.toLocaleString('vi-VN');

export function networkAdminRoutes(app: FastifyInstance, services: Services) {
  app.get('/network', async (request, reply) => {
    const { ctx } = permitted(request, 'network.view');
    // the network-wide table is read at the central portal; any other portal reads its own row
    const own = ctx.portal.kind === 'central' ? undefined : { portalIds: [ctx.portal.id] };
    const w = LEAGUE[ctx.lang];
    const q = request.query as { from?: string; to?: string };
    let stats;
    let problem: string | undefined;
    try {
      stats = await services.network.stats({ from: q.from || undefined, to: q.to || undefined }, own);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      problem = err.errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join('; ');
      stats = await services.network.stats({}, own);
    }
    const name = (n: Record<string, string>) => n[ctx.lang] ?? n.vi ?? '';
    const growth = (g: number | null) => (g === null ? '—' : `${g > 0 ? '+' : ''}${g.toFixed(1)} %`);
    const t = stats.totals;
    const body = html`<h1>${w.title}</h1><p class="lede">${w.intro}</p>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<form method="get" action="/admin/network" class="inline">${input({ name: 'from', label: w.from, value: stats.from, type: 'date' })}${input({ name: 'to', label: w.to, value: stats.to, type: 'date' })}<button type="submit">${w.show}</button></form>
<h2>${own ? name(ctx.portal.name) : w.totals}</h2>
<dl class="figures"><div><dt>${w.visitors}</dt><dd>${fmt(t.visitors)}</dd></div><div><dt>${w.visits}</dt><dd>${fmt(t.visits)}</dd></div><div><dt>${w.pageviews}</dt><dd>${fmt(t.pageviews)}</dd></div><div><dt>${w.growth}</dt><dd>${growth(t.growth)}</dd></div><div><dt>${w.feedback}</dt><dd>${fmt(t.feedbackReceived)}</dd></div><div><dt>${w.inTime}</dt><dd>${pct(t.feedbackInTimeRate)}</dd></div></dl>
<table><caption class="visually-hidden">${w.title}</caption><thead><tr><th scope="col">#</th><th scope="col">${w.portal}</th><th scope="col">${w.visits}</th><th scope="col">${w.pageviews}</th><th scope="col">${w.growth}</th><th scope="col">${w.feedback}</th><th scope="col">${w.inTime}</th><th scope="col">${w.overdue}</th><th scope="col">${w.uptime}</th></tr></thead><tbody>
${stats.portals.map(
  (r, i) =>
    html`<tr><td>${i + 1}</td><td><a href="${r.url}/">${name(r.name)}</a>${r.local ? '' : html`<br><small>${w.remote} ${r.reportedThrough ?? w.noReport}</small>`}</td><td>${fmt(r.visits)}</td><td>${fmt(r.pageviews)}</td><td>${growth(r.growth)}</td><td>${fmt(r.feedbackReceived)}</td><td>${pct(r.feedbackInTimeRate)}</td><td>${fmt(r.feedbackOverdue)}</td><td>${pct(r.uptime30d)}</td></tr>`,
)}
</tbody></table>
<p><a href="/admin/uptime">${w.uptimeLink}</a></p>`;
    return sendPage(reply, 200, page(ctx, { title: w.title, current: 'network', otherPortals: await otherPortals(services, ctx), body }));
  });

  app.get('/uptime', async (request, reply) => {
    const { ctx } = permitted(request, 'uptime.view');
    const w = WORDS[ctx.lang];
    const watching = await services.uptime.watches();
    const rows: PortalUptime[] = (await services.uptime.report(ctx.portal.kind === 'central' ? undefined : { urls: [ctx.portal.url] })).sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.slug.localeCompare(b.slug));
    const name = (n: Record<string, string>) => n[ctx.lang] ?? n.vi ?? '';
    const body = html`<h1>${w.title}</h1><p class="lede">${watching ? w.intro(services.uptime.settings.intervalMs / 1000) : w.off}</p>
${
  rows.length === 0
    ? html`<p>${w.none}</p>`
    : html`<table><thead><tr><th scope="col">${w.portal}</th><th scope="col">${w.status}</th><th scope="col">${w.since}</th><th scope="col">${w.day}</th><th scope="col">${w.month}</th><th scope="col">${w.latency}</th><th scope="col">${w.lastError}</th></tr></thead><tbody>
${rows.map(
  (r) =>
    html`<tr class="uptime-${r.status}"><td><a href="${r.url}/">${name(r.name)}</a></td><td><strong>${w.statuses[r.status] ?? r.status}</strong></td><td>${r.since ? formatTime(ctx, r.since) : '—'}</td><td>${pct(r.availability24h)}</td><td>${pct(r.availability30d)}</td><td>${r.latencyP50Ms === null ? '—' : `${r.latencyP50Ms} / ${r.latencyP95Ms} ms`}</td><td>${r.status === 'up' ? '' : (r.lastError ?? '')}</td></tr>`,
)}
</tbody></table>`
}`;
    return sendPage(reply, 200, page(ctx, { title: w.title, current: 'uptime', otherPortals: await otherPortals(services, ctx), body }));
  });
}
