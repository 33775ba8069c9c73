// The portals module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { PORTAL_KINDS, PortalService, type Portal, type PortalBranding, type PortalContact, type PortalKind, type Section } from './service.ts';
