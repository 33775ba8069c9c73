import { COPY_JS_PATH } from './assets.ts';
import type { Services } from '../../services.ts';
import { own } from '../../lib/own.ts';
import { langPrefix, type Lang } from '../../lib/lang.ts';
import { DomainError, NotFoundError, ValidationError, type FieldError } from '../../lib/errors.ts';
import { KINDS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, SUBMITTER_TYPES, TooManyRequestsError, UnsupportedMediaError, type AttachmentInput, type PublicAnswer, type Submission, type TrackedCase } from '../../modules/feedback/index.ts';
import type { PublicListing } from '../../modules/content/index.ts';
import { surrogateKeys as K } from '../../modules/pagecache/index.ts';
import { day, time } from './components.ts';
import { homePath, portalLanguages, type PortalContext, type Rendered } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { page, relative } from './layout.ts';

// The citizen-feedback pages of every portal: the form (phản ánh, kiến nghị —
// feedback and petitions, and questions), its receipt, tracking by code and
// contact, and the published answers (hỏi đáp — Q&A). None is ever kept in
// the page cache: each depends on a query string or a posted form.
//
// The form is protected by the service's proof of work (ALTCHA-compatible),
// which the browser solves with the small first-party script below. The
// site's CSP forbids scripts everywhere else; only the form page's response
// allows 'self' scripts. Without JavaScript the page says so and gives the
// portal's own email and telephone rather than pretending to work.

export const FEEDBACK_SLUG = 'phan-anh';
export const TRACK_SLUG = 'phan-anh/tra-cuu';
export const ANSWERS_SLUG = 'hoi-dap';
export const POW_JS_PATH = '/assets/pow.js';

export const feedbackPath = (lang: Lang) => `${langPrefix(lang)}/${FEEDBACK_SLUG}`;
export const trackPath = (lang: Lang) => `${langPrefix(lang)}/${TRACK_SLUG}`;
export const answersPath = (lang: Lang) => `${langPrefix(lang)}/${ANSWERS_SLUG}`;
/** One published answer's own page (cached; see renderAnswerPage). */
export const answerPath = (lang: Lang, trackingCode: string) => `${answersPath(lang)}/${encodeURIComponent(trackingCode)}`;

/** The receipt's CSP: the site's usual policy; its one script (the copy button's, COPY_JS) comes from this origin and fetches nothing. */
export const RECEIPT_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** The form page's CSP: the site's usual policy, but scripts from this origin (pow.js) may run. */
export const FORM_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * Solves the challenge in the browser the way the ALTCHA widget does: hash
 * salt + n with SHA-256 for n = 0, 1, … until it matches, then post the
 * base64 JSON payload in the hidden `altcha` field. Hashes run in batches so
 * the page does not wait on one promise per number. Its messages come from
 * the form's data attributes, so every word stays in the catalogue.
 */
export const POW_JS = `'use strict';
(function () {
  var form = document.querySelector('form[data-pow]');
  if (!form) return;
  var field = form.querySelector('input[name="altcha"]');
  var status = form.querySelector('[data-pow-status]');
  var button = form.querySelector('button[type="submit"]');
  var busy = false;
  function hex(buf) {
    var b = new Uint8Array(buf), s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  async function solve(c) {
    var enc = new TextEncoder(), started = Date.now(), batch = 500;
    for (var n = 0; n <= c.maxnumber; n += batch) {
      var jobs = [];
      for (var k = n; k < n + batch && k <= c.maxnumber; k++) jobs.push(crypto.subtle.digest('SHA-256', enc.encode(c.salt + k)));
      var digests = await Promise.all(jobs);
      for (var j = 0; j < digests.length; j++) if (hex(digests[j]) === c.challenge) return { number: n + j, took: Date.now() - started };
    }
    throw new Error('no solution');
  }
  form.addEventListener('submit', function (event) {
    if (field.value) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    if (button) button.disabled = true;
    if (status) status.textContent = form.getAttribute('data-pow-working') || '';
    fetch('/api/v1/feedback/challenge', { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error('challenge ' + r.status); return r.json(); })
      .then(function (c) {
        return solve(c).then(function (s) {
          field.value = btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s.number, salt: c.salt, signature: c.signature, took: s.took }));
          if (status) status.textContent = '';
          form.submit();
        });
      })
      .catch(function () {
        busy = false;
        if (button) button.disabled = false;
        if (status) status.textContent = form.getAttribute('data-pow-failed') || '';
      });
  });
  // a browser restoring the page from history may refill the hidden field with a spent payload
  field.value = '';
})();
`;

/** What the form shows: the values typed (all text, escaped on output) and the errors by field path. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
  /** a message above the form (refused proof, too many, repeat) */
  notice?: SafeHtml | string;
}

const TEXT_FIELDS = ['kind', 'field', 'title', 'content', 'submitterType', 'name', 'email', 'phone', 'address', 'consent', 'altcha'] as const;

/** A multipart part as @fastify/multipart attaches it to the body (attachFieldsToBody). */
interface Part {
  type?: string;
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

/**
 * The posted form's fields, as text only (a repeated name keeps its first
 * value), from a urlencoded form or a multipart one (the form with files).
 */
export function readForm(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const src = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  for (const k of TEXT_FIELDS) {
    const v = src[k];
    const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    const text = typeof first === 'string' ? first : first && typeof first === 'object' && (first as Part).type === 'field' && typeof (first as Part).value === 'string' ? ((first as Part).value as string) : undefined;
    if (text !== undefined) out[k] = text.slice(0, 50_000);
  }
  return out;
}

/**
 * The files of a multipart form, in the API's shape, so the service checks
 * them by the same rules (count, size, type proved by the bytes). A file
 * input left empty sends a part with no name and no bytes: that is no file.
 */
export async function readFiles(body: unknown): Promise<AttachmentInput[]> {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>).attachments : undefined;
  const parts = (Array.isArray(v) ? v : v ? [v] : []) as Part[];
  const out: AttachmentInput[] = [];
  for (const p of parts) {
    if (!p || p.type !== 'file' || !p.toBuffer) continue;
    const data = await p.toBuffer();
    if (!p.filename && data.length === 0) continue;
    out.push({ filename: p.filename || 'tep-dinh-kem', contentType: p.mimetype ?? '', data: data.toString('base64') });
  }
  return out;
}

/** The service's input from the form: the service does all the checking, this only renames. */
export function toSubmission(values: Record<string, string>, lang: Lang, attachments: AttachmentInput[] = []): Submission {
  return {
    kind: values.kind,
    field: values.field,
    title: values.title,
    content: values.content,
    submitterType: values.submitterType,
    name: values.name,
    email: values.email,
    phone: values.phone,
    address: values.address,
    // an unticked checkbox is not sent at all: that is a "no"
    consentToPublish: values.consent === 'yes',
    altcha: values.altcha || undefined,
    lang,
    ...(attachments.length ? { attachments } : {}),
  };
}

function shell(ctx: PortalContext, title: string, path: (l: Lang) => string, main: SafeHtml, crumbs: { label: string; href?: string }[] = []): string {
  const alternates = Object.fromEntries(portalLanguages(ctx.portal).map((l) => [l, `${ctx.base}${path(l)}`]));
  return page(ctx, {
    title,
    canonical: `${ctx.base}${path(ctx.lang)}`,
    alternates,
    crumbs: [{ label: ctx.m.home, href: homePath(ctx.lang) }, ...crumbs, { label: title }],
    main,
    noindex: true,
  });
}

const htmlResult = (status: number, body: string, headers?: Record<string, string>): Rendered => ({ status, contentType: 'text/html; charset=utf-8', body, keys: [], cacheable: false, headers });

// ---------- the form ----------

export function renderFeedbackForm(ctx: PortalContext, fields: string[], state0: FormState = { values: {}, errors: [] }, status = 200, headers: Record<string, string> = {}): Rendered {
  const f = ctx.m.feedback;
  // every complaint about a file (/attachments/1/data, …) is shown once, at the file input
  const state = { ...state0, errors: state0.errors.map((e) => (e.path.startsWith('/attachments') ? { ...e, path: '/attachments' } : e)) };
  const v = state.values;
  const errorOf = (path: string) => state.errors.find((e) => e.path === path);
  const errorFor = (path: string, id: string) => {
    const e = errorOf(path);
    return e ? html`<p class="field-error" id="${id}-error">${f.fieldErrors[path] ?? f.invalid}</p>` : '';
  };
  const described = (path: string, id: string) => (errorOf(path) ? raw(` aria-invalid="true" aria-describedby="${id}-error"`) : '');
  const input = (name: string, label: string, type: string, autocomplete: string, extra = '') => {
    const id = `fb-${name}`;
    const path = `/${name}`;
    return html`<div class="form-row"><label for="${id}">${label}</label>${errorFor(path, id)}<input id="${id}" name="${name}" type="${type}" value="${v[name] ?? ''}" autocomplete="${autocomplete}"${raw(extra)}${described(path, id)}></div>`;
  };
  const kind = v.kind && (KINDS as readonly string[]).includes(v.kind) ? v.kind : 'question';
  const submitterType = v.submitterType && (SUBMITTER_TYPES as readonly string[]).includes(v.submitterType) ? v.submitterType : 'citizen';
  const c = ctx.portal.contact;
  // the top summary lists every error once, in the order the service gave, each linking to its field
  const summary = state.errors.length
    ? html`<div class="notice notice-error" role="alert"><p>${f.errorSummary}</p><ul>${[...new Map(state.errors.map((e) => [e.path, e])).values()].map((e) => html`<li><a href="#fb-${e.path.slice(1) === 'consentToPublish' ? 'consent' : e.path.slice(1)}">${f.fieldErrors[e.path] ?? f.invalid}</a></li>`)}</ul></div>`
    : '';
  const main = html`<div class="feedback-page">
<h1>${f.formTitle}</h1>
<p>${f.formIntro}</p>
<noscript><p class="notice">${f.noScript(c.email, c.phone)}</p></noscript>
${state.notice ? html`<div class="notice notice-error" role="alert"><p>${state.notice}</p></div>` : ''}
${summary}
<form class="feedback-form" method="post" action="${feedbackPath(ctx.lang)}" enctype="multipart/form-data" data-pow data-pow-working="${f.powWorking}" data-pow-failed="${f.powFailed}" accept-charset="utf-8">
<fieldset><legend>${f.kind}</legend>${errorFor('/kind', 'fb-kind')}
${KINDS.map((k, i) => html`<label class="choice"><input type="radio" name="kind" value="${k}"${i === 0 ? raw(' id="fb-kind"') : ''}${k === kind ? raw(' checked') : ''}> ${f.kinds[k]}</label>`)}
</fieldset>
<div class="form-row"><label for="fb-field">${f.field}</label>${errorFor('/field', 'fb-field')}<select id="fb-field" name="field"${described('/field', 'fb-field')}>
<option value="">${f.chooseField}</option>
${fields.map((name) => html`<option value="${name}"${v.field === name ? raw(' selected') : ''}${ctx.lang === 'vi' ? '' : raw(' lang="vi"')}>${name}</option>`)}
</select></div>
${input('title', f.title, 'text', 'off', ' maxlength="300" required')}
<div class="form-row"><label for="fb-content">${f.content}</label>${errorFor('/content', 'fb-content')}<textarea id="fb-content" name="content" rows="10" maxlength="20000" required${described('/content', 'fb-content')}>${v.content ?? ''}</textarea></div>
<fieldset><legend>${f.you}</legend>
<fieldset><legend>${f.submitterType}</legend>${errorFor('/submitterType', 'fb-submitterType')}
${SUBMITTER_TYPES.map((t, i) => html`<label class="choice"><input type="radio" name="submitterType" value="${t}"${i === 0 ? raw(' id="fb-submitterType"') : ''}${t === submitterType ? raw(' checked') : ''}> ${f.submitterTypes[t]}</label>`)}
</fieldset>
${input('name', f.name, 'text', 'name', ' maxlength="200" required')}
<p class="meta">${f.contactHint} ${f.petitionHint}</p>
${input('email', f.email, 'email', 'email', ' maxlength="254"')}
${input('phone', f.phone, 'tel', 'tel', ' maxlength="20"')}
${/* street-address is a multi-line autofill field: valid on a textarea, not on a one-line input */ ''}<div class="form-row"><label for="fb-address">${f.address}</label>${errorFor('/address', 'fb-address')}<textarea id="fb-address" name="address" rows="2" maxlength="500" autocomplete="street-address"${described('/address', 'fb-address')}>${v.address ?? ''}</textarea></div>
</fieldset>
<div class="form-row"><label for="fb-attachments">${f.attachments}</label><span class="meta" id="fb-attachments-help">${f.attachmentsHint(MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES / 1024 / 1024)}</span>${errorFor('/attachments', 'fb-attachments')}<input id="fb-attachments" name="attachments" type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" aria-describedby="fb-attachments-help${errorOf('/attachments') ? ' fb-attachments-error' : ''}"${errorOf('/attachments') ? raw(' aria-invalid="true"') : ''}></div>
<div class="form-row"><label class="choice"><input id="fb-consent" type="checkbox" name="consent" value="yes"${v.consent === 'yes' ? raw(' checked') : ''}> ${f.consent}</label></div>
<p class="meta">${f.privacy}</p>
${errorFor('/altcha', 'fb-altcha')}
<input type="hidden" name="altcha" value="">
<p><button type="submit" class="button">${f.send}</button> <span data-pow-status role="status" aria-live="polite"></span></p>
</form>
<p><a href="${trackPath(ctx.lang)}">${f.trackLink}</a> · <a href="${answersPath(ctx.lang)}">${f.answersLink}</a></p>
<p class="meta">${f.apiNote}</p>
</div>
<script src="${POW_JS_PATH}" defer></script>`;
  return htmlResult(status, shell(ctx, f.formTitle, feedbackPath, main), { 'content-security-policy': FORM_CSP, ...headers });
}

/** Turns the service's refusal into the page the citizen sees; anything not a refusal is rethrown. */
export function refusedForm(ctx: PortalContext, fields: string[], values: Record<string, string>, err: unknown): Rendered {
  const f = ctx.m.feedback;
  // a refused or spent proof must not travel back into the form
  const kept = { ...values, altcha: '' };
  if (err instanceof ValidationError) return renderFeedbackForm(ctx, fields, { values: kept, errors: err.errors }, 422);
  // a file that is not what it claims: 415, said at the file input like the other field errors
  if (err instanceof UnsupportedMediaError) return renderFeedbackForm(ctx, fields, { values: kept, errors: (err.extra.errors as FieldError[] | undefined) ?? [{ path: '/attachments', message: err.message }] }, 415);
  if (err instanceof TooManyRequestsError) {
    const minutes = Math.max(1, Math.ceil(err.retryAfterSeconds / 60));
    return renderFeedbackForm(ctx, fields, { values: kept, errors: [], notice: err.per === 'address' ? f.tooManyFromAddress(minutes) : f.tooMany(minutes) }, 429, { 'retry-after': String(err.retryAfterSeconds) });
  }
  // the upload itself was refused before it was read (too many files or parts, too large)
  if (err instanceof DomainError && err.status === 413) return renderFeedbackForm(ctx, fields, { values: kept, errors: [{ path: '/attachments', message: err.message }] }, 413);
  // the process is already reading as many uploads as it holds: the citizen keeps the form and tries again shortly
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- retryAfter is a number of seconds the service set
  if (err instanceof DomainError && err.status === 503) return renderFeedbackForm(ctx, fields, { values: kept, errors: [{ path: '/attachments', message: err.message }] }, 503, { 'retry-after': String(err.extra.retryAfter ?? 5) });
  if (err instanceof DomainError && err.status === 409 && typeof err.extra.trackingCode === 'string') {
    const code = err.extra.trackingCode;
    const notice = html`${f.repeat(code)} <a href="${trackPath(ctx.lang)}?${new URLSearchParams({ ma: code }).toString()}">${f.trackLink}</a>`;
    return renderFeedbackForm(ctx, fields, { values: kept, errors: [], notice }, 409);
  }
  if (err instanceof DomainError && err.status === 400) return renderFeedbackForm(ctx, fields, { values: kept, errors: [], notice: f.badProof }, 400);
  throw err;
}

export function renderReceipt(ctx: PortalContext, receipt: { trackingCode: string; dueDate: string; receivedAt: string }): Rendered {
  const f = ctx.m.feedback;
  const link = `${trackPath(ctx.lang)}?${new URLSearchParams({ ma: receipt.trackingCode }).toString()}`;
  const main = html`<div class="feedback-page">
<h1>${f.receiptTitle}</h1>
<div class="notice" role="status"><p>${f.receiptText}</p>
<dl class="facts">
<dt>${f.trackingCode}</dt><dd><strong class="tracking-code" id="tracking-code">${receipt.trackingCode}</strong> <button type="button" class="copy-code" data-copy="tracking-code" data-status="copy-status" data-done="${f.copied}" hidden>${f.copyCode}</button><span class="copy-status" id="copy-status" role="status"></span></dd>
<dt>${f.receivedAt}</dt><dd>${time(ctx.lang, receipt.receivedAt)}</dd>
<dt>${f.dueDate}</dt><dd>${day(ctx.lang, receipt.dueDate)}</dd>
</dl></div>
<p>${f.keepCode}</p>
<p><a class="button" href="${link}">${f.trackLink}</a></p>
</div>
<script src="${COPY_JS_PATH}" defer></script>`;
  return htmlResult(201, shell(ctx, f.receiptTitle, feedbackPath, main, [{ label: f.formTitle, href: feedbackPath(ctx.lang) }]), { 'content-security-policy': RECEIPT_CSP });
}

// ---------- tracking ----------

function caseView(ctx: PortalContext, c: TrackedCase): SafeHtml {
  const f = ctx.m.feedback;
  return html`<section class="tracked" aria-labelledby="case-${c.trackingCode}">
<h2 id="case-${c.trackingCode}"${ctx.lang === 'vi' ? '' : raw(' lang="vi"')}>${c.title}</h2>
<dl class="facts">
<dt>${f.trackingCode}</dt><dd>${c.trackingCode}</dd>
<dt>${f.kind}</dt><dd>${f.kinds[c.kind]}</dd>
<dt>${f.field}</dt><dd>${c.field}</dd>
<dt>${f.status}</dt><dd><strong class="feedback-status status-${c.status}">${f.statuses[c.status]}</strong></dd>
<dt>${f.receivedAt}</dt><dd>${time(ctx.lang, c.receivedAt)}</dd>
<dt>${f.dueDate}</dt><dd>${day(ctx.lang, c.dueDate)}</dd>
</dl>
<h3>${f.history}</h3>
<ol class="history">${c.history.map((h) => html`<li>${time(ctx.lang, h.at)} — ${own(f.actions, h.action) ?? h.action} (${f.statuses[h.status]})${h.note ? html`: <span${ctx.lang === 'vi' ? '' : raw(' lang="vi"')}>${h.note}</span>` : ''}</li>`)}</ol>
<h3>${f.answer}</h3>
${c.answer ? html`<div class="answer"${ctx.lang === 'vi' ? '' : raw(' lang="vi"')}>${paragraphs(c.answer)}</div>${c.answeredAt ? html`<p class="meta">${f.answeredAt}: ${time(ctx.lang, c.answeredAt)}</p>` : ''}` : html`<p>${f.noAnswerYet}</p>`}
${c.forwardedTo ? html`<h3>${f.forwardedTo}: ${c.forwardedTo.portalName[ctx.lang] ?? c.forwardedTo.portalName.vi ?? c.forwardedTo.portal}</h3>${c.forwardedTo.trackUrl ? html`<p><a href="${c.forwardedTo.trackUrl}">${f.trackThere}</a></p>` : ''}${caseView(ctx, c.forwardedTo)}` : ''}
</section>`;
}

/** Plain text as paragraphs: a blank line starts a new one, a single line break stays a break. */
function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br>${line}` : line))}</p>`);
}

/** The submitter's answer to a request for more information, from the tracking page. */
function replyForm(ctx: PortalContext, code: string, contact: string): SafeHtml {
  const f = ctx.m.feedback;
  return html`<section class="reply" aria-labelledby="reply-h"><h3 id="reply-h">${f.replyTitle}</h3>
<form class="feedback-form" method="post" action="${trackPath(ctx.lang)}">
<input type="hidden" name="ma" value="${code}"><input type="hidden" name="lh" value="${contact}">
<div class="form-row"><label for="reply-text">${f.replyLabel}</label><textarea id="reply-text" name="text" rows="6" maxlength="20000" required></textarea></div>
<p><button type="submit" class="button">${f.replyButton}</button></p>
</form></section>`;
}

/**
 * The tracking page. The code may come in the address (`?ma=`, as the
 * receipt's link has it), but the contact only ever in a posted form: an
 * address lands in access logs, proxies and the browser's history, and the
 * contact is what proves who asks. A GET therefore only fills in the code.
 */
export async function renderTracking(
  ctx: PortalContext,
  asked: { code: string; contact: string },
  services: Pick<Services, 'feedback'>,
  outcome?: { notice?: string; error?: string; status?: number; retryAfter?: number },
): Promise<Rendered> {
  const f = ctx.m.feedback;
  const code = asked.code.trim().slice(0, 40);
  const contact = asked.contact.trim().slice(0, 300);
  let result: SafeHtml | string = '';
  let status = outcome?.status ?? 200;
  if (code && contact) {
    try {
      const tracked = await services.feedback.track(code, contact);
      result = html`${outcome?.notice ? html`<p class="notice" role="status">${outcome.notice}</p>` : ''}${outcome?.error ? html`<p class="notice notice-error" role="alert">${outcome.error}</p>` : ''}${caseView(ctx, tracked)}${tracked.status === 'info-requested' ? replyForm(ctx, tracked.trackingCode, contact) : ''}`;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      // a wrong contact reads exactly like an unknown code: a code alone tells nobody anything
      status = 404;
      result = html`<p class="notice notice-error" role="alert">${f.notFound}</p>`;
    }
  } else if (outcome?.error) {
    result = html`<p class="notice notice-error" role="alert">${outcome.error}</p>`;
  } else if (contact) {
    status = 404;
    result = html`<p class="notice notice-error" role="alert">${f.notFound}</p>`;
  }
  const main = html`<div class="feedback-page">
<h1>${f.trackTitle}</h1>
<p>${f.trackIntro}</p>
<form class="feedback-form" method="post" action="${trackPath(ctx.lang)}">
<div class="form-row"><label for="tr-ma">${f.code}</label><input id="tr-ma" name="ma" value="${code}" maxlength="40" autocomplete="off" spellcheck="false" placeholder="PAKN.20250101.0001" required></div>
<div class="form-row"><label for="tr-lh">${f.contact}</label><span class="meta" id="tr-lh-help">${f.contactHelp}</span><input id="tr-lh" name="lh" value="" maxlength="300" autocomplete="email" aria-describedby="tr-lh-help" required></div>
<p><button type="submit" class="button">${f.trackButton}</button></p>
</form>
${result}
<p><a href="${feedbackPath(ctx.lang)}">${f.submitLink}</a></p>
</div>`;
  return htmlResult(status, shell(ctx, f.trackTitle, trackPath, main, [{ label: f.formTitle, href: feedbackPath(ctx.lang) }]), outcome?.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : undefined);
}

// ---------- published answers ----------

const PER_PAGE = 10;
const SCAN_BATCH = 100;
const MAX_SCAN = 2000;

/**
 * One page of published answers, and whether another follows. The service
 * filters a text query after its own limit, so with a query the answers are
 * read in batches until the page is full (bounded, for a huge archive).
 */
async function answersPage(services: Pick<Services, 'feedback'>, ctx: PortalContext, q: string, pageNo: number): Promise<{ items: PublicAnswer[]; more: boolean }> {
  const skip = (pageNo - 1) * PER_PAGE;
  if (!q) {
    const rows = await services.feedback.answers(ctx.portal, { limit: PER_PAGE + 1, offset: skip });
    return { items: rows.slice(0, PER_PAGE), more: rows.length > PER_PAGE };
  }
  const found: PublicAnswer[] = [];
  for (let offset = 0; offset < MAX_SCAN && found.length <= skip + PER_PAGE; offset += SCAN_BATCH) {
    const batch = await services.feedback.answers(ctx.portal, { limit: SCAN_BATCH, offset });
    // the same window again, filtered by the service (it owns the text folding)
    found.push(...(await services.feedback.answers(ctx.portal, { q, limit: SCAN_BATCH, offset })));
    if (batch.length < SCAN_BATCH) break;
  }
  return { items: found.slice(skip, skip + PER_PAGE), more: found.length > skip + PER_PAGE };
}

export async function renderAnswers(ctx: PortalContext, query: URLSearchParams, services: Pick<Services, 'feedback'>): Promise<Rendered> {
  const f = ctx.m.feedback;
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const rawPage = query.get('page');
  const pageNo = rawPage && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const { items, more } = await answersPage(services, ctx, q, pageNo);
  const vi = ctx.lang === 'vi' ? '' : raw(' lang="vi"');
  const href = (p: number) => {
    const qs = new URLSearchParams();
    if (q) qs.set('q', q);
    if (p > 1) qs.set('page', String(p));
    const s = qs.toString();
    return `${answersPath(ctx.lang)}${s ? `?${s}` : ''}`;
  };
  const list = items.length
    ? html`<ol class="answers">${items.map(
        (a) => html`<li><article>
<span class="kicker">${f.kinds[a.kind]} · <span${vi}>${a.field}</span></span>
<h2${vi}><a href="${answerPath(ctx.lang, a.trackingCode)}">${a.title}</a></h2>
<h3>${f.question}</h3>
<div${vi}>${paragraphs(a.question)}</div>
<p class="meta">${f.askedBy}: ${a.askedBy} · ${f.askedOn}: ${time(ctx.lang, a.receivedAt)}</p>
<h3>${f.answer}</h3>
<div class="answer"${vi}>${paragraphs(a.answer)}</div>
<p class="meta">${f.answeredAt}: ${time(ctx.lang, a.answeredAt)}</p>
</article></li>`,
      )}</ol>`
    : html`<p>${q ? f.noAnswersFor(q) : f.noAnswers}</p>`;
  const pager =
    pageNo > 1 || more
      ? html`<nav class="pager" aria-label="${f.pages}"><ul>
${pageNo > 1 ? html`<li><a href="${href(pageNo - 1)}" rel="prev">${f.previous}</a></li>` : ''}
${more ? html`<li><a href="${href(pageNo + 1)}" rel="next">${f.next}</a></li>` : ''}
</ul></nav>`
      : '';
  const main = html`<div class="feedback-page">
<h1>${f.answersTitle}</h1>
<p>${f.answersIntro}</p>
<form class="search-box" role="search" aria-label="${f.searchAnswers}" action="${answersPath(ctx.lang)}" method="get">
<label for="qa-q" class="sr-only">${f.searchAnswers}</label>
<input id="qa-q" type="search" name="q" value="${q}" maxlength="200">
<button type="submit">${f.searchButton}</button>
</form>
${list}
${pager}
<p><a href="${feedbackPath(ctx.lang)}">${f.submitLink}</a></p>
</div>`;
  return htmlResult(200, shell(ctx, f.answersTitle, answersPath, main));
}

// ---------- one published answer ----------

/**
 * One published answer on its own page, with links to what the portal
 * published on its field (ContentService.publishedOnTopic: items tagged with
 * the field's name, or of that field). Unlike the list and the search over
 * answers, it depends on the path alone, so the page cache keeps it: its
 * keys name the field's tag and field lists and each item shown, so a
 * publication on that field (or a change to an item shown) drops it.
 * Undefined when no answer of this portal is published under the code.
 */
export async function renderAnswerPage(ctx: PortalContext, code: string, services: Pick<Services, 'feedback' | 'content'>): Promise<Rendered | undefined> {
  const a = await services.feedback.answer(ctx.portal, code);
  if (!a) return undefined;
  const related: PublicListing[] = await services.content.publishedOnTopic(ctx.portal, ctx.lang, a.field, 5);
  const f = ctx.m.feedback;
  const vi = ctx.lang === 'vi' ? '' : raw(' lang="vi"');
  const slug = ctx.portal.slug;
  const main = html`<div class="feedback-page">
<article class="answer-page">
<span class="kicker">${f.kinds[a.kind]} · <span${vi}>${a.field}</span></span>
<h1${vi}>${a.title}</h1>
<h2>${f.question}</h2>
<div${vi}>${paragraphs(a.question)}</div>
<p class="meta">${f.askedBy}: ${a.askedBy} · ${f.askedOn}: ${time(ctx.lang, a.receivedAt)}</p>
<h2>${f.answer}</h2>
<div class="answer"${vi}>${paragraphs(a.answer)}</div>
<p class="meta">${f.answeredAt}: ${time(ctx.lang, a.answeredAt)}</p>
</article>
${related.length ? html`<section class="related" aria-labelledby="related-items"><h2 id="related-items">${f.relatedItems}</h2><ul class="plain">${related.map((i) => html`<li><a href="${relative(ctx, i.url)}">${i.title}</a> <span class="meta">${ctx.m.types[i.type]} · ${time(ctx.lang, i.publishedAt)}</span></li>`)}</ul></section>` : ''}
<p><a href="${answersPath(ctx.lang)}">${f.allAnswers}</a> · <a href="${feedbackPath(ctx.lang)}">${f.submitLink}</a></p>
</div>`;
  const alternates = Object.fromEntries(portalLanguages(ctx.portal).map((l) => [l, `${ctx.base}${answerPath(l, a.trackingCode)}`]));
  const body = page(ctx, {
    title: a.title,
    description: a.question.slice(0, 200),
    canonical: `${ctx.base}${answerPath(ctx.lang, a.trackingCode)}`,
    alternates,
    crumbs: [{ label: ctx.m.home, href: homePath(ctx.lang) }, { label: f.answersTitle, href: answersPath(ctx.lang) }, { label: a.title }],
    main,
  });
  const keys = [K.portal(slug), K.tag(slug, a.field, ctx.lang), K.field(slug, a.field, ctx.lang), ...related.map((i) => K.item(i.id))];
  return { status: 200, contentType: 'text/html; charset=utf-8', body, keys, cacheable: true };
}
