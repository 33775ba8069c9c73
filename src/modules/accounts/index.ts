// The accounts module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { AccountService, ROLES, checkPasswordStrength, hashToken, isRole, rolesIn, type Account, type Role } from './service.ts';
