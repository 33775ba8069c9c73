import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.ts';
import { ValidationError } from '../../../lib/errors.ts';
import { isLang, type Lang } from '../../../lib/lang.ts';
import { MAX_FEATURED, MAX_BANNER_TEXT, type HomeInput, type HomeSettings } from '../../../modules/home/index.ts';
import { html, raw } from '../../site/html.ts';
import { fieldsOf, HttpError, member, permitted, Redirect, sendPage, type Gate } from '../http.ts';
import { csrfField, errorMap, errorSummary, input, page, type Errors } from '../layout.ts';
import { HOME_MESSAGES as T } from '../i18n-home.ts';
import { otherPortals } from './dashboard.ts';
import { requestContext } from '../../request-context.ts';

// "Trang chủ" (the home page): the editor-in-chief or an admin pins and orders
// the top stories of the portal's home in one language, each with an optional
// end, and sets the breaking-news banner (tin nóng). Plain forms, no script:
// the order is a number per row, a row is removed by emptying its id.

const ROWS_FREE = 3;
/** Times in the form are Vietnam's (UTC+7, no daylight saving), as editors read a clock. */
const VN_OFFSET_MS = 7 * 3600_000;

/** ISO → the value of a datetime-local field in Vietnam time. */
const toLocal = (isoTime: string | null | undefined) => (isoTime ? new Date(Date.parse(isoTime) + VN_OFFSET_MS).toISOString().slice(0, 16) : '');
/** A datetime-local value (Vietnam time) → ISO with its offset; anything else is passed on for the service to refuse. */
const fromLocal = (v: string | undefined) => {
  const s = (v ?? '').trim();
  if (!s) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00+07:00` : s.slice(0, 40);
};

export function homeAdminRoutes(app: FastifyInstance, services: Services) {
  const { portals, home, content } = services;

  const editor = (request: Parameters<typeof member>[0]): Gate => permitted(request, 'home.edit');
  const langOf = (gate: Gate, v: unknown): Lang => {
    const lang = isLang(v) ? v : 'vi';
    if (!gate.ctx.portal.languages.includes(lang)) throw new HttpError(404);
    return lang;
  };

  async function body(gate: Gate, lang: Lang, errors: Errors = new Map(), values?: Record<string, string>) {
    const { ctx } = gate;
    const t = T[ctx.lang];
    const portal = await portals.require(ctx.portal.slug);
    const [settings, shown, recent] = await Promise.all([home.get(portal, lang), home.topStories(portal, lang), content.listPublished(portal, { lang }, { limit: 30 })]);
    const v = values ?? valuesOf(settings);
    const rows = Math.min(MAX_FEATURED, Math.max(settings.featured.length, countRows(v)) + ROWS_FREE);
    return html`<h1>${t.title}</h1>
<nav aria-label="${t.title}"><ul class="inline">${portal.languages.map((l) => html`<li><a href="/admin/home?lang=${l}"${l === lang ? raw(' aria-current="page"') : ''}>${ctx.m.langs[l]}</a></li>`)}</ul></nav>
${errorSummary(ctx, errors)}
<p>${t.intro}</p>
<form method="post" action="/admin/home?lang=${lang}" class="card">${csrfField(ctx)}
<fieldset><legend>${t.featured}</legend>
<datalist id="recent-items">${recent.map((i) => html`<option value="${i.id}">${i.title}</option>`)}</datalist>
${Array.from(
  { length: rows },
  (_, i) => html`<div class="row">
${input({ name: `order_${i}`, label: `${t.order} ${i + 1}`, value: v[`order_${i}`] ?? String(i + 1), type: 'number', attrs: html` min="1" max="99" inputmode="numeric"` })}
${input({ name: `id_${i}`, label: t.id, value: v[`id_${i}`], errors, path: `/featured/${i}/id`, attrs: html` list="recent-items" inputmode="numeric" pattern="[0-9]*" maxlength="10"` })}
${input({ name: `until_${i}`, label: t.until, value: v[`until_${i}`], type: 'datetime-local', errors, path: `/featured/${i}/until` })}
</div>`,
)}
</fieldset>
<fieldset><legend>${t.breaking}</legend><p class="hint">${t.breakingHint}</p>
${input({ name: 'b_itemId', label: t.itemId, value: v.b_itemId, errors, path: '/breaking/itemId', attrs: html` list="recent-items" inputmode="numeric" pattern="[0-9]*" maxlength="10"` })}
${input({ name: 'b_text', label: t.text, value: v.b_text, errors, path: '/breaking/text', attrs: html` maxlength="${MAX_BANNER_TEXT}"` })}
${input({ name: 'b_url', label: t.url, value: v.b_url, errors, path: '/breaking/url', attrs: html` maxlength="2000"` })}
${input({ name: 'b_from', label: t.from, value: v.b_from, type: 'datetime-local', errors, path: '/breaking/from' })}
${input({ name: 'b_until', label: t.endsAt, value: v.b_until, type: 'datetime-local', errors, path: '/breaking/until' })}
${errors.has('/breaking') ? html`<p class="error">${errors.get('/breaking')}</p>` : ''}
</fieldset>
<button type="submit">${t.save}</button></form>
<section class="card" aria-labelledby="h-shown"><h2 id="h-shown">${t.shownNow}</h2><ol>${shown.map((i) => html`<li>#${i.id} — <a href="${i.url}">${i.title}</a></li>`)}</ol></section>
<section class="card" aria-labelledby="h-recent"><h2 id="h-recent">${t.recent}</h2><ul>${recent.map((i) => html`<li>#${i.id} — ${i.title}</li>`)}</ul></section>`;
  }

  const render = async (gate: Gate, lang: Lang, status: number, errors?: Errors, values?: Record<string, string>) =>
    page(gate.ctx, { title: T[gate.ctx.lang].title, current: 'home', otherPortals: await otherPortals(services, gate.ctx), body: await body(gate, lang, errors, values) });

  app.get<{ Querystring: { lang?: string } }>('/home', async (request, reply) => {
    const gate = editor(request);
    const lang = langOf(gate, request.query.lang);
    return sendPage(reply, 200, await render(gate, lang, 200));
  });

  app.post<{ Querystring: { lang?: string } }>('/home', async (request, reply) => {
    const gate = editor(request);
    const lang = langOf(gate, request.query.lang);
    const f = fieldsOf(request.body);
    const portal = await portals.require(gate.ctx.portal.slug);
    const { input, rowOf } = inputOf(f);
    try {
      await home.set(portal, lang, input, requestContext(request, portal, gate.account));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // the service names pins in the order the editor chose; the form shows them by row
      const errors = err.errors.map((e) => ({ ...e, path: e.path.replace(/^\/featured\/(\d+)/, (_, k: string) => `/featured/${rowOf[Number(k)] ?? k}`) }));
      return sendPage(reply, 422, await render(gate, lang, 422, errorMap(gate.ctx, errors), f));
    }
    throw new Redirect(`/admin/home?lang=${lang}&notice=home-saved`);
  });
}

function valuesOf(settings: HomeSettings): Record<string, string> {
  const v: Record<string, string> = {};
  settings.featured.forEach((p, i) => {
    v[`order_${i}`] = String(i + 1);
    v[`id_${i}`] = String(p.id);
    v[`until_${i}`] = toLocal(p.until);
  });
  const b = settings.breaking;
  if (b) Object.assign(v, { b_itemId: b.itemId ? String(b.itemId) : '', b_text: b.text ?? '', b_url: b.url ?? '', b_from: toLocal(b.from), b_until: toLocal(b.until) });
  return v;
}

function countRows(v: Record<string, string>): number {
  let n = 0;
  for (let i = 0; i < MAX_FEATURED; i++) if ((v[`id_${i}`] ?? '').trim()) n = i + 1;
  return n;
}

/** The form's rows in the order the editor numbered them; rows without an id are dropped. */
function inputOf(f: Record<string, string>): { input: HomeInput; rowOf: number[] } {
  const rows: { order: number; row: number; id: number; until?: string }[] = [];
  for (let i = 0; i < MAX_FEATURED; i++) {
    const id = (f[`id_${i}`] ?? '').trim();
    if (!id) continue;
    const order = Number(f[`order_${i}`]);
    // a text that is no id stays an impossible one, refused by the service with the others
    rows.push({ order: Number.isFinite(order) ? order : i + 1, row: i, id: /^\d{1,10}$/.test(id) ? Number(id) : -1, until: fromLocal(f[`until_${i}`]) });
  }
  rows.sort((a, b) => a.order - b.order || a.row - b.row);
  const itemId = (f.b_itemId ?? '').trim();
  const text = (f.b_text ?? '').trim();
  const url = (f.b_url ?? '').trim();
  const until = fromLocal(f.b_until);
  const any = itemId || text || url || until || (f.b_from ?? '').trim();
  const input: HomeInput = {
    featured: rows.map((r) => ({ id: r.id, until: r.until })),
    breaking: any ? { itemId: itemId ? (/^\d{1,10}$/.test(itemId) ? Number(itemId) : -1) : null, text: text || null, url: url || null, from: fromLocal(f.b_from), until: until ?? '' } : null,
  };
  return { input, rowOf: rows.map((r) => r.row) };
}
