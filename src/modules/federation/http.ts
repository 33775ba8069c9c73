// Outgoing HTTP for federation: the guarded request of src/lib/outbound.ts.
// A peer's addresses are the peer's choice, so every federation request goes
// through the deployment's outbound policy (FederationDeps.outbound), and a
// redirect is followed only within the same origin: a peer must not be able
// to bounce our signed requests (or our fetches of its identity) elsewhere.

export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, isLoopbackName, OutgoingHttpError, outgoingRequest as request, type OutgoingErrorCode, type OutgoingRequest, type OutgoingResponse } from '../../lib/outbound.ts';
