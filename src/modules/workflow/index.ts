// The workflow module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { ACTIONS, STATES, SYSTEM, allowedActions, decide, isPublisher, mayCreate, mayEdit, mayReadDrafts, type Action, type Actor, type Decision, type State } from './rules.ts';
