import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors.ts';

// Request bodies are read whole into memory before a handler sees them (JSON,
// forms, the admin's and the feedback form's uploads), so fifty 9.5 MB
// uploads at once added 580 MB to the process. One budget for the whole
// process: a large body is let in while the bodies being read and handled
// stay within it, and otherwise answered 503 with Retry-After before a byte
// of it is read. A body larger than the budget alone still passes when
// nothing else is in flight, so every size a route accepts stays possible.

/** Bodies below this are not counted: forms and JSON edits, never the memory problem. */
export const SMALL_BODY_BYTES = 64 * 1024;
/** Seconds a refused sender is asked to wait: uploads in flight usually end by then. */
const RETRY_AFTER_SECONDS = 5;

export class UploadBudget {
  private inFlight = 0;

  constructor(readonly limitBytes: number) {}

  /** Bytes of the bodies being read or handled now. */
  get bytesInFlight(): number {
    return this.inFlight;
  }

  /** Reserves `bytes`; a release function, or undefined when the budget is full. */
  reserve(bytes: number): (() => void) | undefined {
    if (this.inFlight > 0 && this.inFlight + bytes > this.limitBytes) return undefined;
    this.inFlight += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= bytes;
    };
  }
}

/** What a request's body may hold: its declared length, or for a chunked body the most the route accepts. */
function expectedBytes(request: FastifyRequest): number {
  const declared = request.headers['content-length'];
  if (declared !== undefined) return Number(declared) || 0;
  if (request.headers['transfer-encoding']) return request.routeOptions?.bodyLimit ?? 0;
  return 0;
}

export function limitUploadsInFlight(app: FastifyInstance, budget: UploadBudget): void {
  app.addHook('onRequest', async (request, reply) => {
    const bytes = expectedBytes(request);
    if (bytes < SMALL_BODY_BYTES) return;
    const release = budget.reserve(bytes);
    if (!release) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      // the unread body is not worth keeping the connection for
      reply.header('connection', 'close');
      throw new DomainError(503, 'Service unavailable', `The server is receiving as many uploads as it can hold; retry in ${RETRY_AFTER_SECONDS} s.`, { retryAfter: RETRY_AFTER_SECONDS });
    }
    // held until the answer is sent or the connection drops, whichever comes first
    reply.raw.once('close', release);
  });
}
