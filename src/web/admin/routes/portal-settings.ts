import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../../lib/errors.ts';
import { LANGUAGES } from '../../../lib/lang.ts';
import { pictureRef } from '../../../modules/media/index.ts';
import type { PortalBranding, PortalContact, Section } from '../../../modules/portals/index.ts';
import { html } from '../../site/html.ts';
import { requestContext } from '../../request-context.ts';
import { fieldsOf, HttpError, portalAdmin, Redirect, sendPage, type Gate } from '../http.ts';
import { EXTRA_MESSAGES } from '../i18n-extra.ts';
import { checkbox, csrfField, errorMap, errorSummary, input, page, select, type Errors } from '../layout.ts';
import { otherPortals } from './dashboard.ts';

// A portal admin edits the portal itself: its names in each language, its
// colours and logo (a picture of its media library), the contact details the
// law requires in the footer of a state agency's website, and its sections
// (names, place in the tree, order, whether the main menu lists them). The
// portal service announces every change, which drops the portal's cached
// pages, so readers see the new footer or menu on their next request.

const CONTACT_FIELDS = ['unit', 'responsible', 'address', 'phone', 'email'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function portalSettingsRoutes(app: FastifyInstance, services: Services) {
  const { portals, media } = services;

  const render = async (gate: Gate, current: string, title: string, body: ReturnType<typeof html>) => page(gate.ctx, { title, current, otherPortals: await otherPortals(services, gate.ctx), body });

  // ---------- portal settings ----------

  async function settingsBody(gate: Gate, errors: Errors = new Map(), values?: Record<string, string>) {
    const { ctx } = gate;
    const { m } = ctx;
    const x = EXTRA_MESSAGES[ctx.lang];
    const p = ctx.portal;
    const v = values ?? {
      ...Object.fromEntries(LANGUAGES.map((l) => [`name_${l}`, p.name[l] ?? ''])),
      ...Object.fromEntries(CONTACT_FIELDS.map((f) => [`contact_${f}`, p.contact[f] ?? ''])),
      brandColor: p.branding.brandColor ?? '',
      tintColor: p.branding.tintColor ?? '',
      logo: p.branding.logo ? String(p.branding.logo.mediaId) : '',
    };
    const pictures = await media.list(p.id, { kind: 'image', limit: 200 });
    const logo = p.branding.logo;
    return html`<h1>${m.settings.title}</h1>${errorSummary(ctx, errors)}
<form method="post" action="/admin/settings/portal" class="card" id="portal-form">${csrfField(ctx)}
<h2>${x.portal.title}</h2>
<fieldset><legend>${x.portal.names}</legend>
${LANGUAGES.filter((l) => l === 'vi' || p.languages.includes(l)).map((l) => input({ name: `name_${l}`, label: `${x.portal.nameIn(m.langs[l])}${l === 'vi' ? '' : ` (${m.common.optional})`}`, value: v[`name_${l}`], required: l === 'vi', errors, path: `/names/${l}`, attrs: html` maxlength="300" lang="${l}"` }))}
</fieldset>
<fieldset><legend>${x.portal.look}</legend>
${input({ name: 'brandColor', label: x.portal.brandColor, hint: x.portal.brandColorHint, value: v.brandColor, errors, path: '/branding/brandColor', attrs: html` pattern="#[0-9a-fA-F]{6}" maxlength="7"` })}
${input({ name: 'tintColor', label: x.portal.tintColor, hint: x.portal.tintColorHint, value: v.tintColor, errors, path: '/branding/tintColor', attrs: html` pattern="#[0-9a-fA-F]{6}" maxlength="7"` })}
${logo ? html`<p>${x.portal.currentLogo}: <img src="${logo.src}" alt="${logo.alt}" height="44" class="logo-preview"></p>` : ''}
${select({ name: 'logo', label: x.portal.logo, hint: x.portal.logoHint, value: v.logo, errors, path: '/branding/logo', options: [{ value: '', label: x.portal.noLogo }, ...pictures.map((i) => ({ value: String(i.id), label: `#${i.id} — ${i.alt || i.filename}` }))] })}
</fieldset>
<fieldset><legend>${x.portal.contact}</legend><p class="hint">${x.portal.contactHint}</p>
${CONTACT_FIELDS.map((f) => input({ name: `contact_${f}`, label: x.portal[f], value: v[`contact_${f}`], required: true, type: f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text', errors, path: `/contact/${f}`, attrs: html` maxlength="500"` }))}
</fieldset>
<button type="submit">${m.common.save}</button></form>
<form method="post" action="/admin/settings" class="card"><h2>${x.portal.security}</h2>${csrfField(ctx)}
${checkbox({ name: 'require2fa', label: m.settings.require2fa, hint: m.settings.require2faHint, checked: ctx.requireTwoFactor })}
<button type="submit">${m.common.save}</button></form>
<section class="card" aria-labelledby="h-hosts"><h2 id="h-hosts">${m.settings.hosts}</h2>
<p>${[...p.hosts, `${p.slug}.localhost`].join(', ')}</p><p class="muted">${x.portal.hostsNote}</p></section>`;
  }

  app.get('/settings', async (request, reply) => {
    const gate = portalAdmin(request);
    return sendPage(reply, 200, await render(gate, 'settings', gate.ctx.m.settings.title, await settingsBody(gate)));
  });

  app.post('/settings/portal', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const f = fieldsOf(request.body);
    const p = ctx.portal;
    const names: Record<string, string> = {};
    for (const l of LANGUAGES) if (typeof f[`name_${l}`] === 'string' && (l === 'vi' || p.languages.includes(l))) names[l] = f[`name_${l}`].slice(0, 300);
    // a language the portal does not publish in keeps the name it has (the form does not show it)
    for (const l of LANGUAGES) if (!(l in names) && p.name[l]) names[l] = p.name[l]!;
    const contact = Object.fromEntries(CONTACT_FIELDS.map((k) => [k, (f[`contact_${k}`] ?? '').normalize('NFC').trim()])) as unknown as PortalContact;
    const branding: PortalBranding = {};
    const errors: FieldError[] = [];
    for (const key of ['brandColor', 'tintColor'] as const) {
      const value = (f[key] ?? '').trim();
      if (value) branding[key] = value;
    }
    const logoId = (f.logo ?? '').trim();
    if (logoId) {
      try {
        if (!/^\d{1,12}$/.test(logoId)) throw new NotFoundError('no such picture');
        const picture = await media.get(p.id, Number(logoId));
        if (picture.kind !== 'image') throw new NotFoundError('not a picture');
        const ref = pictureRef(picture);
        branding.logo = { mediaId: ref.mediaId, src: ref.src, alt: ref.alt, width: ref.width, height: ref.height };
      } catch (err) {
        // another portal's picture is as unknown here as a made-up id
        if (!(err instanceof NotFoundError)) throw err;
        errors.push({ path: '/branding/logo', message: 'must be a picture from the media library' });
      }
    }
    try {
      if (errors.length) throw new ValidationError(errors);
      await portals.update(p.slug, { names, contact, branding }, requestContext(request, p, gate.account));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, 422, await render(gate, 'settings', ctx.m.settings.title, await settingsBody(gate, errorMap(ctx, err.errors), f)));
    }
    throw new Redirect('/admin/settings?notice=portal-saved');
  });

  // ---------- editing a section ----------

  async function sectionOr404(gate: Gate, slug: string): Promise<{ section: Section; all: Section[] }> {
    if (!SLUG.test(slug)) throw new HttpError(404);
    const all = await portals.sections(gate.ctx.portal.id);
    const section = all.find((s) => s.slug === slug);
    if (!section) throw new HttpError(404);
    return { section, all };
  }

  async function sectionBody(gate: Gate, section: Section, all: Section[], errors: Errors = new Map(), values?: Record<string, string>) {
    const { ctx } = gate;
    const { m } = ctx;
    const x = EXTRA_MESSAGES[ctx.lang];
    const v = values ?? {
      name_vi: section.name.vi ?? '',
      name_en: section.name.en ?? '',
      name_zh: section.name.zh ?? '',
      parent: section.parent ?? '',
      position: String(section.position),
      color: section.themeColor ?? '',
      inMenu: section.inMenu ? '1' : '',
    };
    // a section cannot move under itself or under one of its own sections
    const below = new Set<string>([section.slug]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of all)
        if (s.parent && below.has(s.parent) && !below.has(s.slug)) {
          below.add(s.slug);
          grew = true;
        }
    }
    const parents = all.filter((s) => !below.has(s.slug));
    return html`<h1>${x.sections.editOf(section.name[ctx.lang] ?? section.name.vi)}</h1>${errorSummary(ctx, errors)}
<p><a href="/admin/sections">${m.common.back}</a> · <a href="/${section.slug}">/${section.slug}</a></p>
<form method="post" action="/admin/sections/${section.slug}" class="card">${csrfField(ctx)}
<p><strong>${m.sections.slug}:</strong> <code>${section.slug}</code> · ${section.kind === 'subsite' ? m.sections.subsite : m.sections.section}</p>
${input({ name: 'name_vi', label: m.sections.nameVi, value: v.name_vi, required: true, errors, path: '/names/vi', attrs: html` maxlength="300"` })}
${input({ name: 'name_en', label: m.sections.nameEn, value: v.name_en, errors, path: '/names/en', attrs: html` maxlength="300" lang="en"` })}
${input({ name: 'name_zh', label: m.sections.nameZh, value: v.name_zh, errors, path: '/names/zh', attrs: html` maxlength="300" lang="zh"` })}
${select({ name: 'parent', label: m.sections.parent, value: v.parent, errors, path: '/parent', options: [{ value: '', label: x.sections.top }, ...parents.map((s) => ({ value: s.slug, label: s.name[ctx.lang] ?? s.name.vi }))] })}
${input({ name: 'position', label: x.sections.position, hint: x.sections.positionHint, value: v.position, type: 'number', errors, path: '/position', attrs: html` step="1" min="-1000000" max="1000000"` })}
${checkbox({ name: 'inMenu', label: x.sections.inMenu, hint: x.sections.inMenuHint, checked: v.inMenu === '1' })}
${input({ name: 'color', label: m.sections.color, value: v.color, errors, path: '/themeColor', attrs: html` pattern="#[0-9a-fA-F]{6}" maxlength="7"` })}
<button type="submit">${m.common.save}</button></form>`;
  }

  app.get('/sections/:slug', async (request, reply) => {
    const gate = portalAdmin(request);
    const { section, all } = await sectionOr404(gate, (request.params as { slug: string }).slug);
    return sendPage(reply, 200, await render(gate, 'sections', EXTRA_MESSAGES[gate.ctx.lang].sections.editOf(section.name.vi), await sectionBody(gate, section, all)));
  });

  app.post('/sections/:slug', async (request, reply) => {
    const gate = portalAdmin(request);
    const { ctx } = gate;
    const { section, all } = await sectionOr404(gate, (request.params as { slug: string }).slug);
    const f = fieldsOf(request.body);
    const names: Record<string, string> = { vi: f.name_vi ?? '' };
    if (f.name_en?.trim()) names.en = f.name_en.slice(0, 300);
    if (f.name_zh?.trim()) names.zh = f.name_zh.slice(0, 300);
    const positionText = (f.position ?? '').trim();
    const position = /^-?\d{1,7}$/.test(positionText) ? Number(positionText) : positionText === '' ? section.position : NaN;
    try {
      await portals.updateSection(
        ctx.portal,
        section.slug,
        {
          names,
          parent: f.parent ? f.parent : null,
          position,
          inMenu: f.inMenu === '1',
          themeColor: f.color?.trim() ? f.color.trim() : null,
        },
        requestContext(request, ctx.portal, gate.account),
      );
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return sendPage(reply, 422, await render(gate, 'sections', EXTRA_MESSAGES[ctx.lang].sections.editOf(section.name.vi), await sectionBody(gate, section, all, errorMap(ctx, err.errors), { ...f, inMenu: f.inMenu === '1' ? '1' : '' })));
    }
    throw new Redirect('/admin/sections?notice=section-saved');
  });
}

/** The sections table's extra cells: the order, whether the menu lists it, and the edit link. */
export function sectionRowExtras(lang: 'vi' | 'en', s: Section) {
  const x = EXTRA_MESSAGES[lang];
  return html`<td>${s.position}${s.inMenu ? '' : html` <span class="muted">(${x.sections.hidden})</span>`}</td><td><a href="/admin/sections/${s.slug}">${x.sections.edit}<span class="visually-hidden"> ${s.name.vi}</span></a></td>`;
}

export const sectionHeaderExtras = (lang: 'vi' | 'en') => html`<th scope="col">${EXTRA_MESSAGES[lang].sections.position}</th><th scope="col">${EXTRA_MESSAGES[lang].sections.actions}</th>`;
