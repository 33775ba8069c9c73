import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.ts';
import { ValidationError } from '../../../lib/errors.ts';
import { mediaHtml, mediaUrl, type MediaItem } from '../../../modules/media/index.ts';
import { html } from '../../site/html.ts';
import { fieldsOf, idParam, newsroom, Redirect, sendPage, type AdminContext } from '../http.ts';
import { csrfField, errorMap, errorSummary, formatTime, input, page, select, textarea, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';
import { requestContext } from '../../request-context.ts';

// The media library: upload (pictures and PDFs), describe (alt text,
// caption, credit), search, and the markup to reuse an item in an article.

interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/** The one file of a multipart form, as @fastify/multipart attached it to the body. */
async function fileOf(body: unknown): Promise<UploadedFile | undefined> {
  const part = (body as Record<string, unknown> | undefined)?.file as { type?: string; filename?: string; mimetype?: string; toBuffer?: () => Promise<Buffer> } | undefined;
  if (!part || part.type !== 'file' || !part.toBuffer) return undefined;
  return { filename: part.filename ?? '', mimetype: part.mimetype ?? '', data: await part.toBuffer() };
}

export function mediaRoutes(app: FastifyInstance, services: Services) {
  const { media } = services;

  function card(ctx: AdminContext, item: MediaItem) {
    const thumb = item.variants.find((v) => v.format === 'webp' && (v.width ?? 0) <= 480) ?? item.variants.find((v) => v.format === 'webp');
    return html`<li class="card">${item.kind === 'image' && thumb ? html`<img src="${mediaUrl(thumb.key)}" alt="${item.alt}" width="${thumb.width}" height="${thumb.height}" loading="lazy">` : html`<p>📄 ${ctx.m.media.pdf}</p>`}
<p><a href="/admin/media/${item.id}">${item.alt || item.filename}</a><br><span class="muted">${item.filename} · ${formatTime(ctx, item.createdAt)}</span></p></li>`;
  }

  function uploadForm(ctx: AdminContext, errors: Errors = new Map(), values: Record<string, string> = {}) {
    const { m } = ctx;
    return html`<form method="post" action="/admin/media" enctype="multipart/form-data" class="card">${csrfField(ctx)}
<h2>${m.media.upload}</h2>
<div class="field${errors.get('/file') ? ' invalid' : ''}"><label for="f-file">${m.media.file}</label><span class="hint" id="f-file-hint">${m.media.fileHint}</span>${errors.get('/file') ? html`<span class="error" id="f-file-error">${errors.get('/file')}</span>` : ''}
<input type="file" id="f-file" name="file" accept="image/jpeg,image/png,image/webp,image/avif,application/pdf" required aria-describedby="f-file-hint${errors.get('/file') ? ' f-file-error' : ''}"></div>
${input({ name: 'alt', label: m.media.alt, hint: m.media.altHint, value: values.alt, required: true, errors, path: '/alt' })}
${input({ name: 'caption', label: m.media.caption, value: values.caption, errors, path: '/caption' })}
${input({ name: 'credit', label: m.media.credit, value: values.credit, errors, path: '/credit' })}
<button type="submit">${m.media.upload}</button></form>`;
  }

  async function libraryPage(ctx: AdminContext, q: string, kind: string, errors?: Errors, values?: Record<string, string>) {
    const { m } = ctx;
    const items = await media.list(ctx.portal.id, { q, kind, limit: 60 });
    return page(ctx, {
      title: m.media.title,
      current: 'media',
      otherPortals: await otherPortals(services, ctx),
      body: html`<h1>${m.media.title}</h1>${errors ? errorSummary(ctx, errors) : ''}
${uploadForm(ctx, errors, values)}
<form method="get" action="/admin/media" class="card inline" role="search">
${input({ name: 'q', label: m.common.search, type: 'search', value: q })}
${select({
  name: 'kind',
  label: m.items.type,
  value: kind,
  options: [
    { value: '', label: m.common.all },
    { value: 'image', label: m.media.image },
    { value: 'pdf', label: m.media.pdf },
  ],
})}
<button type="submit">${m.common.search}</button></form>
${items.length ? html`<ul class="media-grid">${items.map((i) => card(ctx, i))}</ul>` : html`<p>${m.media.empty}</p>`}`,
    });
  }

  app.get('/media', async (request, reply) => {
    const { ctx } = newsroom(request);
    const q = request.query as { q?: string; kind?: string };
    return sendPage(reply, 200, await libraryPage(ctx, String(q.q ?? '').slice(0, 200), q.kind === 'image' || q.kind === 'pdf' ? q.kind : ''));
  });

  app.post('/media', async (request, reply) => {
    const { ctx, account } = newsroom(request);
    const f = fieldsOf(request.body);
    const file = await fileOf(request.body);
    try {
      const item = await media.upload(ctx.portal, requestContext(request, ctx.portal, account), {
        filename: file?.filename ?? '',
        mime: file?.mimetype ?? '',
        data: file?.data ?? Buffer.alloc(0),
        alt: f.alt ?? '',
        caption: f.caption,
        credit: f.credit,
      });
      throw new Redirect(`/admin/media/${item.id}?notice=uploaded`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, 422, await libraryPage(ctx, '', '', errorMap(ctx, err.errors), f));
    }
  });

  function detailPage(ctx: AdminContext, item: MediaItem, errors: Errors = new Map()) {
    const { m } = ctx;
    const snippet = mediaHtml(item, 'vi');
    return page(ctx, {
      title: item.alt || item.filename,
      current: 'media',
      body: html`<h1>${item.alt || item.filename}</h1><p><a href="/admin/media">${m.common.back}</a></p>${errorSummary(ctx, errors)}
<div class="editor-layout"><div class="card">${item.kind === 'image' ? html`<img src="${mediaUrl((item.variants.find((v) => v.format === 'webp' && (v.width ?? 0) <= 960) ?? item.variants[0]).key)}" alt="${item.alt}" class="preview-image">` : html`<p><a href="${mediaUrl(item.variants[0].key)}">${item.filename}</a></p>`}
<p class="muted">${item.filename} · ${item.mime} · ${Math.round(item.size / 1024)} KB${item.width ? ` · ${item.width}×${item.height}` : ''}</p>
<h2>${m.media.variants}</h2><ul>${item.variants.map((v) => html`<li><a href="${mediaUrl(v.key)}">${v.format}${v.width ? ` ${v.width}w` : ''}</a> (${Math.round(v.size / 1024)} KB)</li>`)}</ul>
${textarea({ name: 'snippet', label: m.media.insert, hint: m.media.insertHint, value: snippet, readonly: true, rows: 5 })}</div>
<div><form method="post" action="/admin/media/${item.id}" class="card">${csrfField(ctx)}
${input({ name: 'alt', label: m.media.alt, value: item.alt, required: true, errors, path: '/alt' })}
${input({ name: 'caption', label: m.media.caption, value: item.caption, errors, path: '/caption' })}
${input({ name: 'credit', label: m.media.credit, value: item.credit, errors, path: '/credit' })}
<button type="submit">${m.media.describe}</button></form></div></div>`,
    });
  }

  app.get('/media/:id', async (request, reply) => {
    const { ctx } = newsroom(request);
    const item = await media.get(ctx.portal.id, idParam((request.params as { id: string }).id)).catch(() => undefined);
    if (!item) return sendPage(reply, 404, page(ctx, { title: '404', body: html`<h1>404</h1><p>${ctx.m.common.notFound}</p>` }));
    return sendPage(reply, 200, detailPage(ctx, item));
  });

  app.post('/media/:id', async (request, reply) => {
    const { ctx, account } = newsroom(request);
    const item = await media.get(ctx.portal.id, idParam((request.params as { id: string }).id)).catch(() => undefined);
    if (!item) return sendPage(reply, 404, page(ctx, { title: '404', body: html`<h1>404</h1><p>${ctx.m.common.notFound}</p>` }));
    const f = fieldsOf(request.body);
    try {
      await media.describe(requestContext(request, ctx.portal, account), item.id, { alt: f.alt ?? '', caption: f.caption, credit: f.credit });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, 422, detailPage(ctx, { ...item, alt: f.alt ?? '', caption: f.caption ?? '', credit: f.credit ?? '' }, errorMap(ctx, err.errors)));
    }
    throw new Redirect(`/admin/media/${item.id}?notice=media-saved`);
  });
}
