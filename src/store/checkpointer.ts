import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite in WAL mode copies the log back into the database file (a checkpoint)
// when a commit finds the log over 1000 pages; that commit does the copying and an
// fsync itself, on the event loop: 15–40 ms under a steady stream of writes, the
// longest pause left in analytics ingestion at 20,000 beacons a second. Here a
// worker thread with a connection of its own checkpoints instead, and the main
// connection's automatic checkpoints are off. PASSIVE checkpoints neither wait for
// nor block readers and the writer; once the whole log is copied, the next writer
// starts it again from the top, so it does not grow.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/** Starts checkpointing `file` every `intervalMs` from a worker thread; the caller turns off wal_autocheckpoint. */
export function startCheckpointer(file: string, intervalMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  // never what keeps a process alive; an error only means the log is checkpointed when the store closes
  worker.unref();
  worker.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          void worker.terminate().finally(resolve);
        };
        const timer = setTimeout(done, 2000);
        worker.once('message', done);
        worker.once('exit', done);
        worker.postMessage('close');
      })),
  };
}
