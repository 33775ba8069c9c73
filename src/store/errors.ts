/** The store cannot be opened or migrated: a one-line message for the operator. */
export class StoreError extends Error {}
