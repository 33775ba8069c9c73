import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.ts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import { type ActionInput, ACTIONS, KINDS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, STATUSES, type Submission, TooManyRequestsError } from '../../modules/feedback/index.ts';
import { authorize, requireAccount } from '../auth.ts';
import { IdParams, Problem, SlugParams } from './schemas.ts';
import { requestContext } from '../request-context.ts';

// Citizen feedback over the API (CONTRACT.md, Citizen feedback): the
// proof-of-work challenge, submission, tracking with the submitter's contact,
// the officers' inbox and actions, published answers and the figures.

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
const bearer = [{ bearerAuth: [] }];

const Attachment = Type.Object(
  { filename: Type.String({ maxLength: 300 }), contentType: Type.String({ maxLength: 100 }), data: Type.String({ description: `base64, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB decoded` }) },
  { additionalProperties: false },
);

const limits = new WeakMap<FastifyInstance, (request: FastifyRequest) => Promise<void>>();

/**
 * The per-address limit on submissions: FEEDBACK_IP_LIMIT (default 30) every
 * 10 minutes, generous since many citizens share one mobile carrier's
 * address; the proof of work and the per-contact limit do the rest. One count
 * for the API and the site's form together (one limiter per server), so the
 * form is no way around it. Throws TooManyRequestsError (429, Retry-After).
 */
export function submissionLimit(app: FastifyInstance, max: number): (request: FastifyRequest) => Promise<void> {
  let limit = limits.get(app);
  if (!limit) {
    const check = app.createRateLimit({ max, timeWindow: 10 * 60_000 });
    limit = async (request) => {
      const r = await check(request);
      if (!r.isAllowed && r.isExceeded) throw new TooManyRequestsError(`At most ${max} submissions every 10 minutes from one network address.`, Math.max(1, r.ttlInSeconds), 'address');
    };
    limits.set(app, limit);
  }
  return limit;
}

const lookupLimits = new WeakMap<FastifyInstance, (request: FastifyRequest) => Promise<void>>();

/**
 * The per-address limit on tracking look-ups: 30 a minute, for the API and
 * the site's tracking form together, so neither is a way to try contact after
 * contact against a code. Throws TooManyRequestsError (429, Retry-After).
 */
export function lookupLimit(app: FastifyInstance): (request: FastifyRequest) => Promise<void> {
  let limit = lookupLimits.get(app);
  if (!limit) {
    const max = 30;
    const check = app.createRateLimit({ max, timeWindow: 60_000 });
    limit = async (request) => {
      const r = await check(request);
      if (!r.isAllowed && r.isExceeded) throw new TooManyRequestsError(`At most ${max} look-ups a minute from one network address.`, Math.max(1, r.ttlInSeconds), 'address');
    };
    lookupLimits.set(app, limit);
  }
  return limit;
}

export function feedbackRoutes(app: FastifyInstance, services: Services) {
  const { portals, feedback } = services;

  app.get(
    '/api/v1/feedback/challenge',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['feedback'],
        summary: 'An ALTCHA-compatible proof-of-work challenge; every submission carries its solution in `altcha`',
        response: { 200: Type.Object({ algorithm: Type.String(), challenge: Type.String(), maxnumber: Type.Integer(), salt: Type.String(), signature: Type.String() }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return feedback.challenge();
    },
  );

  app.post<{ Params: { slug: string }; Body: Submission }>(
    '/api/v1/portals/:slug/feedback',
    {
      // attachments travel as base64: room for three files of 5 MB
      bodyLimit: Math.ceil(((MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES) / 3) * 4) + 256 * 1024,
      // per address, counted with the site's form (submissionLimit)
      onRequest: submissionLimit(app, services.settings.feedback.perAddressLimit),
      schema: {
        tags: ['feedback'],
        summary: 'Send a question (hỏi đáp), feedback (phản ánh) or petition (kiến nghị) to the portal → tracking code and due date',
        params: SlugParams,
        body: Type.Object(
          {
            kind: Type.Optional(Type.String({ enum: [...KINDS] })),
            field: Type.Optional(Type.String({ maxLength: 1000 })),
            title: Type.Optional(Type.String({ maxLength: 2000 })),
            content: Type.Optional(Type.String({ maxLength: 50_000 })),
            submitterType: Type.Optional(Type.String({ maxLength: 50, description: 'citizen | business | organisation' })),
            name: Type.Optional(Type.String({ maxLength: 1000 })),
            email: Type.Optional(Type.String({ maxLength: 1000 })),
            phone: Type.Optional(Type.String({ maxLength: 100 })),
            address: Type.Optional(Type.String({ maxLength: 2000 })),
            consentToPublish: Type.Optional(Type.Boolean()),
            lang: Type.Optional(Type.String({ maxLength: 5 })),
            altcha: Type.Optional(Type.String({ maxLength: 8000, description: 'the ALTCHA widget’s base64 solution of a challenge from /api/v1/feedback/challenge' })),
            attachments: Type.Optional(Type.Array(Attachment, { maxItems: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ trackingCode: Type.String(), dueDate: Type.String(), receivedAt: Type.String() }), ...errors(400, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const portal = await portals.require(request.params.slug);
      const receipt = await feedback.submit(portal, request.body ?? {});
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );

  // The contact proves who asks; it travels in the body, never in a URL (URLs land in access logs, proxies and browser history).
  app.post<{ Body: { trackingCode: string; contact: string } }>(
    '/api/v1/feedback/lookup',
    {
      // per address, counted with the site's tracking form (lookupLimit)
      onRequest: lookupLimit(app),
      schema: {
        tags: ['feedback'],
        summary: 'Track a submission: its history and answer. 404 unless `contact` is the email or telephone number it was sent with.',
        body: Type.Object({ trackingCode: Type.String({ minLength: 1, maxLength: 40 }), contact: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errors(400, 404, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return feedback.track(request.body.trackingCode, request.body.contact);
    },
  );

  app.post<{ Params: { code: string }; Body: { contact: string; text: string } }>(
    '/api/v1/feedback/:code/reply',
    {
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: ['feedback'],
        summary: 'The submitter adds the information an officer asked for (with the contact the submission was sent with)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ contact: Type.String({ maxLength: 300 }), text: Type.String({ maxLength: 50_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errors(400, 404, 409, 422, 429) },
      },
    },
    async (request) => feedback.reply(request.params.code, request.body.contact, request.body.text),
  );

  app.get<{ Params: { slug: string }; Querystring: { status?: string; kind?: string; overdue?: boolean; assignee?: number; limit?: number; offset?: number } }>(
    '/api/v1/portals/:slug/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: "The portal's inbox (feedback officers, admins): no personal data beyond initials; overdue cases flagged",
        security: bearer,
        params: SlugParams,
        querystring: Type.Object(
          {
            status: Type.Optional(Type.String({ enum: [...STATUSES] })),
            kind: Type.Optional(Type.String({ enum: [...KINDS] })),
            overdue: Type.Optional(Type.Boolean()),
            assignee: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'feedback.cases', { portal });
      const q = request.query;
      return { items: await feedback.inbox(portal, { status: q.status, kind: q.kind, overdue: q.overdue, assigneeId: q.assignee, limit: q.limit, offset: q.offset }) };
    },
  );

  /** The case's portal, and the caller as one of its officers; 404 before 403 only for members. */
  async function officerCase(request: FastifyRequest, id: number, permission: 'feedback.cases' | 'feedback.act') {
    requireAccount(request);
    const portal = await feedback.portalOf(id);
    if (!portal) throw new NotFoundError(`No case ${id}.`);
    const actor = authorize(request, permission, { portal });
    return { portal, actor };
  }

  app.get<{ Params: { id: number } }>(
    '/api/v1/feedback/cases/:id',
    {
      schema: {
        tags: ['feedback'],
        summary: 'One case with the submitter’s personal data (officers; each reading is written to the audit log)',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Unknown(), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { portal } = await officerCase(request, request.params.id, 'feedback.cases');
      return feedback.caseForOfficer(requestContext(request, portal), portal, request.params.id);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/feedback/cases/:id/publication-preview',
    {
      schema: {
        tags: ['feedback'],
        summary:
          'What publishing the answer would show the public: title, question and answer with the submitter’s name (every word of it), email, telephone and address taken out, the number of marks, and the `digest` to confirm with (`publish` with `previewDigest`)',
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ title: Type.String(), question: Type.String(), answer: Type.String(), redactions: Type.Integer(), digest: Type.String() }), ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { portal } = await officerCase(request, request.params.id, 'feedback.act');
      reply.header('cache-control', 'private, no-store');
      return feedback.publicationPreview(portal, request.params.id);
    },
  );

  app.get<{ Params: { id: number; file: number } }>(
    '/api/v1/feedback/cases/:id/attachments/:file',
    { schema: { tags: ['feedback'], summary: 'A file of a case (officers)', security: bearer, params: Type.Object({ id: Type.Integer({ minimum: 1 }), file: Type.Integer({ minimum: 1 }) }), response: errors(401, 403, 404, 422) } },
    async (request, reply) => {
      const { portal } = await officerCase(request, request.params.id, 'feedback.cases');
      const file = await feedback.attachmentForOfficer(requestContext(request, portal), portal, request.params.id, request.params.file);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(file.data));
    },
  );

  app.post<{ Params: { id: number }; Body: ActionInput }>(
    '/api/v1/feedback/:id/actions',
    {
      schema: {
        tags: ['feedback'],
        summary:
          'Take a step on a case: assign, register (within competence), forward (to another portal, of this deployment or a connected one elsewhere), request-info, answer, reject, send-back (an answer for revision), publish (an answer, with the submitter’s consent), note (internal). 409 lists the steps open from its status.',
        security: bearer,
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        body: Type.Object(
          {
            action: Type.String({ enum: [...ACTIONS] }),
            note: Type.Optional(Type.String({ maxLength: 50_000 })),
            assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
            toPortal: Type.Optional(
              Type.String({
                maxLength: 500,
                description:
                  'forward: the slug of a portal of this deployment, or the address (http(s)://host) of a connected portal of another deployment — the case then travels signed and sealed, and that portal’s progress and answer come back to this case',
              }),
            ),
            answer: Type.Optional(Type.String({ maxLength: 100_000 })),
            previewDigest: Type.Optional(
              Type.String({
                maxLength: 64,
                description: 'publish: the `digest` of GET …/cases/{id}/publication-preview the officer read; 409 when the text changed since. Without it the API publishes the same redacted text the preview shows.',
              }),
            ),
            attachments: Type.Optional(Type.Array(Attachment, { maxItems: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
      },
      bodyLimit: Math.ceil(((MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES) / 3) * 4) + 512 * 1024,
    },
    async (request) => {
      const { portal, actor } = await officerCase(request, request.params.id, 'feedback.act');
      return feedback.act(requestContext(request, portal), portal, request.params.id, actor, request.body);
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { q?: string; field?: string; limit?: number; offset?: number } }>(
    '/api/v1/portals/:slug/answers',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Published answers (hỏi đáp): the question and answer with the asker’s initials at most; no email, telephone or address',
        params: SlugParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            field: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errors(404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      return { items: await feedback.answers(portal, request.query) };
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { from?: string; to?: string } }>(
    '/api/v1/portals/:slug/feedback/stats',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Received, answered in time, overdue, average working days to answer, by kind and field (officers, editors-in-chief, analysts)',
        security: bearer,
        params: SlugParams,
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errors(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'feedback.stats', { portal });
      return feedback.stats(portal, request.query);
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/v1/network/feedback/stats',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Feedback figures for the whole network: totals and one row per portal (officers, editors-in-chief, analysts and admins of the central portal)',
        security: bearer,
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 200: Type.Unknown(), ...errors(401, 403, 422) },
      },
    },
    async (request) => {
      requireAccount(request);
      const central = (await portals.list()).find((p) => p.kind === 'central');
      if (!central) throw new ForbiddenError('This deployment has no central portal.');
      authorize(request, 'feedback.stats', { portal: central });
      return feedback.networkStats(request.query);
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/portals/:slug/feedback/settings',
    { schema: { tags: ['feedback'], summary: 'Deadlines per kind, retention and calendar changes (officers)', security: bearer, params: SlugParams, response: { 200: Type.Unknown(), ...errors(401, 403, 404) } } },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'feedback.stats', { portal });
      return feedback.settings(portal.id);
    },
  );

  app.patch<{ Params: { slug: string }; Body: Record<string, unknown> }>(
    '/api/v1/portals/:slug/feedback/settings',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Change deadlines (working days per kind), the retention period, extra holidays and make-up working days, the fields offered (admins)',
        security: bearer,
        params: SlugParams,
        body: Type.Object(
          {
            answerWorkingDays: Type.Optional(Type.Record(Type.String({ enum: [...KINDS] }), Type.Integer())),
            forwardWorkingDays: Type.Optional(Type.Integer()),
            retentionDays: Type.Optional(Type.Integer()),
            extraHolidays: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 400 })),
            extraWorkingDays: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 400 })),
            fields: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), ...errors(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const portal = await portals.require(request.params.slug);
      authorize(request, 'feedback.settings', { portal });
      return feedback.updateSettings(requestContext(request, portal), portal, request.body);
    },
  );
}
