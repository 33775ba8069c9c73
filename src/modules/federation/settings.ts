// Federation's settings, parsed from the environment by the configuration loader (src/config.ts).

export interface FederationSettings {
  /** LANTOA_FEDERATION_POLL_SECONDS: how often the worker pulls every subscription's source log (default 60). */
  pollSeconds: number;
  /** Grace period of a rotated key, seconds (default 7 days). */
  defaultGraceSeconds: number;
  /**
   * LANTOA_FEDERATION_FIRST_CONTACTS_PER_MINUTE: subscribe and join requests from
   * strangers (each costs a fetch of their identity) per client address (default
   * 10); the whole node takes six times that.
   */
  firstContactsPerMinute: number;
}

export function federationSettings(env: NodeJS.ProcessEnv): FederationSettings {
  const poll = Number(env.LANTOA_FEDERATION_POLL_SECONDS);
  const firstContacts = Number(env.LANTOA_FEDERATION_FIRST_CONTACTS_PER_MINUTE);
  return {
    pollSeconds: Number.isFinite(poll) && poll > 0 ? poll : 60,
    defaultGraceSeconds: 7 * 24 * 3600,
    firstContactsPerMinute: Number.isInteger(firstContacts) && firstContacts > 0 ? firstContacts : 10,
  };
}
