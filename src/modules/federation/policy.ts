import { Type, type Static } from '@sinclair/typebox';
import { CONTENT_TYPES } from '../content/index.ts';
import { LANGUAGES } from '../../lib/lang.ts';
import { createAjv, StringEnum, toFieldErrors } from '../../lib/validate.ts';
import { ValidationError } from '../../lib/errors.ts';
import type { LogFilter } from './log.ts';

// What a subscriber takes from a source, and what it does with it. The
// filter part (types, languages, source sections) also travels to the
// source, which then pushes only what matches; the rest stays local.

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

export const PolicyS = Type.Object(
  {
    types: Type.Optional(Type.Array(StringEnum(CONTENT_TYPES), { maxItems: CONTENT_TYPES.length, uniqueItems: true, description: 'content types to take; all when absent' })),
    languages: Type.Optional(Type.Array(StringEnum(LANGUAGES), { maxItems: LANGUAGES.length, uniqueItems: true, description: 'languages to take; all the portal publishes in when absent' })),
    sections: Type.Optional(Type.Array(Type.String({ pattern: SLUG, maxLength: 100 }), { maxItems: 100, uniqueItems: true, description: "the source's sections to take from; all when absent" })),
    mode: StringEnum(['publish', 'review'] as const, { description: 'publish: live at once; review: queued (submitted) for an editor' }),
    section: Type.Optional(Type.String({ pattern: SLUG, maxLength: 100, description: 'a local section to place received items in; else a section with the same slug as at the source, else none' })),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof PolicyS>;

export const FilterS = Type.Object(
  {
    types: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
    languages: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 10 })),
    sections: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

const ajv = createAjv();
const validatePolicy = ajv.compile(PolicyS);
const validateFilter = ajv.compile(FilterS);

export function checkPolicy(policy: unknown): Policy {
  if (!validatePolicy(policy)) throw new ValidationError(toFieldErrors(validatePolicy.errors, '/policy'));
  return policy;
}

export function checkFilter(filter: unknown): LogFilter {
  if (filter === undefined || filter === null) return {};
  if (!validateFilter(filter)) throw new ValidationError(toFieldErrors(validateFilter.errors, '/filter'));
  return filter;
}

export const filterOf = (p: Policy): LogFilter => ({ types: p.types, languages: p.languages, sections: p.sections });
