import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Type } from '@sinclair/typebox';
import type { FieldError } from './errors.ts';

// One strict Ajv instance for domain validation: no type coercion, every
// error reported, so a 422 names each bad field at once.
// (both are CommonJS: under NodeNext the class may sit on `.default` or be the module itself)
const Ajv: typeof AjvModule.default = AjvModule.default ?? AjvModule;
const addFormats: typeof addFormatsModule.default = addFormatsModule.default ?? addFormatsModule;

export function createAjv(opts: { coerceTypes?: boolean } = {}): import('ajv').default {
  const ajv = new Ajv({ allErrors: true, coerceTypes: opts.coerceTypes ?? false, useDefaults: true, removeAdditional: false, strict: false });
  addFormats(ajv);
  return ajv;
}

export const ajv = createAjv();

/** Ajv errors as `{path, message}` with JSON-pointer paths under `prefix`. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  // One message per field: a union reports every branch it tried, which helps nobody.
  return (errors ?? [])
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map((e) => {
      let path = prefix + e.instancePath;
      let message = e.message ?? 'is invalid';
      if (e.keyword === 'required') {
        path += `/${(e.params as { missingProperty: string }).missingProperty}`;
        message = 'is required';
      }
      if (e.keyword === 'additionalProperties') {
        path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
        message = 'is not a known field';
      }
      if (e.keyword === 'enum') message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      return { path: path || '/', message };
    })
    .filter((e) => !seen.has(e.path) && seen.add(e.path));
}

/** A string enum as plain JSON Schema `enum` (clearer errors and docs than a union of literals). */
export function StringEnum<T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
