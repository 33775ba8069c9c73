/** Timestamps are stored as ISO 8601 UTC text on both engines: portable and sortable as strings. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const iso = (d: Date): string => d.toISOString();
