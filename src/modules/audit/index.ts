// The audit module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { AUDIT_ACTIONS, AuditService, auditCsv, type AuditFilter } from './service.ts';
