// The notifications module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { registerWorkflowMail } from './workflow.ts';
