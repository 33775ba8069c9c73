// The federation module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { INBOX_BODY_LIMIT, InboxRejection, type VerifiedMessage } from './inbox.ts';
export { PolicyS } from './policy.ts';
export { FederationService } from './service.ts';
