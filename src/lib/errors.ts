// Domain errors. The web layer maps each to an RFC 9457 problem document, so
// modules never need to know about HTTP.

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly errors: FieldError[],
    detail = 'Some fields are invalid.',
  ) {
    super(422, 'Invalid fields', detail, { errors });
  }
}

export class NotFoundError extends DomainError {
  constructor(detail: string) {
    super(404, 'Not found', detail);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(409, 'Conflict', detail, extra);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'Unauthorized', detail);
  }
}

export class GoneError extends DomainError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(410, 'Gone', detail, extra);
  }
}

export function fieldError(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }], message);
}
