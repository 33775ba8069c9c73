// Plain objects inherit `constructor`, `__proto__`, `toString`, `valueOf` … from
// Object.prototype, so `table[key]` with a key a client chose finds a function
// where a message, a format or a handler was expected (issue 16: `/constructor`
// rendered a feed with no content type and, cached, ended the process).
// Every lookup whose key comes from a request — path, query, headers, cookies,
// body keys — or from stored text a client wrote goes through `own`.

/** The value `record` itself holds under `key`; never an inherited one. */
export function own<V>(record: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True when `key` is one of `record`'s own keys (what `key in record` should have meant). */
export function hasOwnKey<K extends string>(record: Readonly<Record<K, unknown>>, key: unknown): key is K {
  return typeof key === 'string' && Object.hasOwn(record, key);
}
