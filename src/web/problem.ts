import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError } from '../lib/errors.ts';
import { toFieldErrors } from '../lib/validate.ts';
import { isStoreUnavailable } from '../store/errors.ts';

/** Seconds a client is asked to wait when the store is away or busy (503). */
export const STORE_RETRY_AFTER_S = 5;

// Every error leaves as an RFC 9457 problem document. Anything a client can
// send maps to a 4xx here; only genuine faults are 500s (and are logged).

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Invalid fields',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export const problemType = (status: number) => `https://lantoa.dev/problems/${status}`;

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, title = TITLES[status] ?? 'Error'): ProblemBody {
  return { type: problemType(status), title, status, detail, ...extra };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody) {
  if ((body.status === 503 || body.status === 429) && typeof body.retryAfter === 'number' && !reply.getHeader('retry-after')) reply.header('retry-after', String(body.retryAfter));
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

export function toProblem(err: FastifyError | Error, request: FastifyRequest): ProblemBody {
  const instance = request.url;
  if (err instanceof DomainError) {
    return { ...problem(err.status, err.message, err.extra, err.title), instance };
  }
  const e = err as FastifyError & { validationContext?: string };
  if (e.validation) {
    const where = e.validationContext === 'body' ? '' : `/${e.validationContext ?? ''}`;
    const errors = toFieldErrors(e.validation as never, where === '/body' ? '' : where);
    return { ...problem(422, `Invalid ${e.validationContext ?? 'request'}: ${errors.map((x) => `${x.path} ${x.message}`).join('; ')}`, { errors }), instance };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { ...problem(413, `The request body is larger than the limit (${Math.round(((request.routeOptions?.bodyLimit ?? 10 * 1024 * 1024) / 1024 / 1024) * 10) / 10} MB).`), instance };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { ...problem(415, 'Send the body as application/json.'), instance };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { ...problem(400, 'The body is empty; send a JSON object.'), instance };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { ...problem(400, `The body is not valid JSON: ${e.message}`), instance };
  }
  if (err instanceof SyntaxError || e.statusCode === 400) {
    return { ...problem(400, `Malformed request: ${err.message}`), instance };
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { ...problem(e.statusCode, err.message), instance };
  }
  // the database is away or busy: nothing was written, and trying again later is the remedy
  if (isStoreUnavailable(err)) return { ...problem(503, 'The store is unavailable for the moment; nothing was changed. Try again shortly.', { retryAfter: STORE_RETRY_AFTER_S }), instance };
  return { ...problem(500, 'Something went wrong on our side. It has been logged.'), instance };
}
