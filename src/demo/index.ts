// The demo module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { DEMO_PASSWORD, isStoreEmpty, loadDemo, type DemoSummary } from './load.ts';
export { generateArticles } from './generate.ts';
