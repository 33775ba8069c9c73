// The outbox module's public surface: what other modules, the web layer, the CLI
// and the composition root may use. Everything else in this folder is its own.

export { Outbox, OutboxWorker, RetryLater, backoffMs, deadJobs, outboxCounts, retryDead, type ClaimedJob, type DeadJob, type Executor, type OutboxCounts } from './outbox.ts';
