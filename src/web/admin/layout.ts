import { html, raw, type Interpolation, type SafeHtml } from '../site/html.ts';
import type { Portal } from '../../modules/portals/index.ts';
import { can, type Permission } from '../../modules/policy/index.ts';
import type { FieldError } from '../../lib/errors.ts';
import { own } from '../../lib/own.ts';
import { ADMIN_CSS_PATH, ADMIN_JS_PATH } from './assets.ts';
import type { AdminContext } from './http.ts';
import { fieldMessage } from './i18n.ts';
import { ANALYTICS_MESSAGES } from './i18n-analytics.ts';
import { ACCOUNT_MESSAGES } from './i18n-accounts.ts';
import { EXTRA_MESSAGES } from './i18n-extra.ts';
import { homeNavLabel, homeNotice } from './i18n-home.ts';
import { NOTICE_MESSAGES } from './i18n-notices.ts';

// The admin's page shell and form pieces. Markup goes through the public
// site's escaping `html` tag (one escaping helper for the whole project).

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface PageSpec {
  title: string;
  body: Interpolation;
  /** nav key of the current section */
  current?: string;
  /** extra scripts (same origin, as files: the CSP allows no inline script) */
  scripts?: string[];
  /** other portals this account may switch to */
  otherPortals?: Portal[];
}

export function formatTime(ctx: AdminContext, isoTime: string | null | undefined): string {
  if (!isoTime) return '';
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(d);
}

export const csrfField = (ctx: AdminContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;

const NOTICES: Record<string, (ctx: AdminContext) => string> = {
  saved: (c) => c.m.editor.saved,
  created: (c) => c.m.editor.created,
  'signed-out': (c) => c.m.login.signedOut,
  expired: (c) => c.m.login.expired,
  'no-role': (c) => c.m.login.noRole,
  'reset-sent': (c) => c.m.reset.sent,
  'reset-done': (c) => c.m.reset.done,
  '2fa-required': (c) => c.m.account.required,
  granted: (c) => c.m.users.granted,
  'granted-existing': (c) => ACCOUNT_MESSAGES[c.lang].grantedExisting,
  revoked: (c) => c.m.users.revoked,
  'token-revoked': (c) => c.m.tokens.revoked,
  'section-created': (c) => c.m.sections.created,
  uploaded: (c) => c.m.media.uploaded,
  'settings-saved': (c) => c.m.common.saved,
  'password-changed': (c) => c.m.account.changed,
  'media-saved': (c) => c.m.common.saved,
  'portal-saved': (c) => EXTRA_MESSAGES[c.lang].portal.saved,
  'section-saved': (c) => EXTRA_MESSAGES[c.lang].sections.saved,
  'notify-saved': (c) => EXTRA_MESSAGES[c.lang].notify.saved,
  'home-saved': (c) => homeNotice(c.lang),
  // after a workflow action: what happened, not just "saved" (keys: WORKFLOW_NOTICE in i18n-notices.ts)
  submitted: (c) => NOTICE_MESSAGES[c.lang].done.submit,
  approved: (c) => NOTICE_MESSAGES[c.lang].done.approve,
  'sent-back': (c) => NOTICE_MESSAGES[c.lang].done.reject,
  published: (c) => NOTICE_MESSAGES[c.lang].done.publish,
  scheduled: (c) => NOTICE_MESSAGES[c.lang].done.schedule,
  unpublished: (c) => NOTICE_MESSAGES[c.lang].done.unpublish,
};

export function noticeBox(ctx: AdminContext): SafeHtml | '' {
  if (!ctx.notice) return '';
  const restored = /^restored-(\d+)$/.exec(ctx.notice);
  const text = restored ? ctx.m.history.restored(Number(restored[1])) : own(NOTICES, ctx.notice)?.(ctx);
  return text ? html`<div class="notice" role="status">${text}</div>` : '';
}

export function page(ctx: AdminContext, spec: PageSpec): string {
  const { m } = ctx;
  const signedIn = Boolean(ctx.session?.stage === 'full' && ctx.account);
  // the menu is the policy's answer, so it offers exactly the pages that will not answer 403
  const may = (permission: Permission) => can(ctx.account, permission, { portal: ctx.portal });
  const link = (key: string, href: string, label: string) => html`<li><a href="${href}"${spec.current === key ? raw(' aria-current="page"') : ''}>${label}</a></li>`;
  const nav =
    signedIn && ctx.roles.length
      ? html`<nav class="side" aria-label="${m.admin}"><ul>
          ${link('dashboard', '/admin', m.nav.dashboard)}
          ${may('content.read-drafts') ? link('items', '/admin/items', m.nav.items) : ''}
          ${may('content.create') ? link('new', '/admin/items/new', m.nav.newItem) : ''}
          ${may('home.edit') ? link('home', '/admin/home', homeNavLabel(ctx.lang)) : ''}
          ${may('content.read-drafts') ? link('media', '/admin/media', m.nav.media) : ''}
          ${may('content.read-drafts') ? link('channels', '/admin/channels', m.nav.channels) : ''}
          ${may('content.read-drafts') ? link('federation', '/admin/federation', m.nav.federation) : ''}
          ${may('network.view') ? link('network', '/admin/network', m.nav.network) : ''}
          ${may('uptime.view') ? link('uptime', '/admin/uptime', m.nav.uptime) : ''}
          ${may('feedback.desk') ? link('feedback', '/admin/feedback', m.nav.feedback) : ''}
          ${may('stats.view') ? link('analytics', '/admin/analytics', ANALYTICS_MESSAGES[ctx.lang].nav) : ''}
          ${may('portal.administer') ? [link('audit', '/admin/audit', m.nav.audit), link('users', '/admin/users', m.nav.users), link('tokens', '/admin/tokens', m.nav.tokens), link('sections', '/admin/sections', m.nav.sections), link('settings', '/admin/settings', m.nav.settings)] : ''}
          ${link('account', '/admin/account', m.nav.account)}
        </ul></nav>`
      : '';
  const switcher =
    signedIn && spec.otherPortals?.length
      ? html`<form method="post" action="/admin/switch">${csrfField(ctx)}<label for="switch-portal" class="visually-hidden">${m.nav.portals}</label>
          <select id="switch-portal" name="portal">${spec.otherPortals.map((p) => html`<option value="${p.slug}">${p.name[ctx.lang] ?? p.name.vi}</option>`)}</select>
          <button type="submit" class="secondary">${m.nav.portals}</button></form>`
      : '';
  const user = signedIn
    ? html`<span>${ctx.account!.email} · ${ctx.roles.map((r) => m.roles[r]).join(', ')}</span>${switcher}
        <form method="post" action="/admin/logout">${csrfField(ctx)}<button type="submit" class="linkish">${m.nav.signOut}</button></form>`
    : '';
  const other = m.otherLanguage;
  const body = html`<!doctype html>
<html lang="${m.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${spec.title} · ${m.admin} · ${ctx.portal.name[ctx.lang] ?? ctx.portal.name.vi}</title>
<link rel="stylesheet" href="${ADMIN_CSS_PATH}">
<script src="${ADMIN_JS_PATH}" defer></script>
${(spec.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${m.skip}</a>
<header class="top">
  <a class="portal" href="/admin">${ctx.portal.name[ctx.lang] ?? ctx.portal.name.vi} · ${m.admin}</a>
  <a href="/">${m.nav.viewSite}</a>
  <a href="/admin/lang/${other.lang}" lang="${other.lang}">${other.label}</a>
  <div class="user">${user}</div>
</header>
${nav}
<main id="main" tabindex="-1">
${noticeBox(ctx)}
${spec.body}
</main>
</body>
</html>`;
  return body.value;
}

// ---------- form pieces ----------

export type Errors = Map<string, string>;

export function errorMap(ctx: AdminContext, errors: FieldError[]): Errors {
  const map: Errors = new Map();
  for (const e of errors) if (!map.has(e.path)) map.set(e.path, fieldMessage(ctx.m, e.path, e.message));
  return map;
}

interface FieldSpec {
  name: string;
  label: string;
  value?: string | number | null;
  /** JSON pointer of the domain field whose error shows here */
  path?: string;
  errors?: Errors;
  hint?: string;
  type?: string;
  required?: boolean;
  readonly?: boolean;
  autocomplete?: string;
  attrs?: SafeHtml;
}

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? raw(` aria-describedby="${ids}"`) : '';
}

function fieldParts(spec: FieldSpec) {
  const id = idOf(spec.name);
  const error = spec.errors?.get(spec.path ?? `/${spec.name}`);
  return {
    id,
    error,
    pre: html`${spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint}</span>` : ''}${error ? html`<span class="error" id="${id}-error">${error}</span>` : ''}`,
    aria: html`${describedBy(id, spec.hint, error)}${error ? raw(' aria-invalid="true"') : ''}${spec.required ? raw(' required') : ''}${spec.readonly ? raw(' readonly') : ''}`,
  };
}

export function input(spec: FieldSpec): SafeHtml {
  const p = fieldParts(spec);
  return html`<div class="field${p.error ? ' invalid' : ''}"><label for="${p.id}">${spec.label}</label>${p.pre}
<input type="${spec.type ?? 'text'}" id="${p.id}" name="${spec.name}" value="${spec.value ?? ''}"${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${p.aria}${spec.attrs ?? ''}></div>`;
}

export function textarea(spec: FieldSpec & { className?: string; rows?: number }): SafeHtml {
  const p = fieldParts(spec);
  return html`<div class="field${p.error ? ' invalid' : ''}"><label for="${p.id}">${spec.label}</label>${p.pre}
<textarea id="${p.id}" name="${spec.name}" rows="${spec.rows ?? 4}"${spec.className ? html` class="${spec.className}"` : ''}${p.aria}${spec.attrs ?? ''}>${spec.value ?? ''}</textarea></div>`;
}

export function select(spec: FieldSpec & { options: { value: string; label: string }[] }): SafeHtml {
  const p = fieldParts(spec);
  const current = spec.value === null || spec.value === undefined ? '' : String(spec.value);
  return html`<div class="field${p.error ? ' invalid' : ''}"><label for="${p.id}">${spec.label}</label>${p.pre}
<select id="${p.id}" name="${spec.name}"${p.aria}${spec.attrs ?? ''}>${spec.options.map((o) => html`<option value="${o.value}"${o.value === current ? raw(' selected') : ''}>${o.label}</option>`)}</select></div>`;
}

export function checkbox(spec: { name: string; label: string; checked: boolean; hint?: string }): SafeHtml {
  const id = idOf(spec.name);
  return html`<div class="field"><input type="checkbox" id="${id}" name="${spec.name}" value="1"${spec.checked ? raw(' checked') : ''}${spec.hint ? raw(` aria-describedby="${id}-hint"`) : ''}> <label for="${id}" class="check-label">${spec.label}</label>${spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint}</span>` : ''}</div>`;
}

export function errorSummary(ctx: AdminContext, errors: Errors, message?: string): SafeHtml | '' {
  if (errors.size === 0 && !message) return '';
  return html`<div class="alert" role="alert"><p>${message ?? ctx.m.common.fixErrors}</p>${errors.size ? html`<ul>${[...errors].map(([path, msg]) => html`<li>${path.replace(/^\//, '')}: ${msg}</li>`)}</ul>` : ''}</div>`;
}

export const stateBadge = (ctx: AdminContext, state: string) => html`<span class="state state-${state}">${own(ctx.m.states, state) ?? state}</span>`;
