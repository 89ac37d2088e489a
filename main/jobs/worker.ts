/**
 * A job's worker thread (see runner.ts): opens the data folder with its own
 * connection, runs one method of the API table in line (its transaction
 * holds the write lock meanwhile), posts progress, and ends.
 */
import { parentPort } from 'node:worker_threads';
import { callMethod } from '../api/dispatch';
import { openJobCore } from './jobCore';
import type { JobReply, JobRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('jobs/worker.ts runs as a worker thread');

port.once('message', (request: JobRequest) => {
  void (async () => {
    const core = openJobCore(request.dataDir, () => new Date(Date.now() + request.clockOffsetMs));
    let outcome;
    try {
      outcome = await callMethod(core, request.method, request.input, {
        session: { role: request.role },
        locale: request.locale,
        progress: (progress) => port.postMessage({ kind: 'progress', progress } satisfies JobReply),
        cancelled: () => Atomics.load(request.cancelFlag, 0) === 1,
      });
    } finally {
      core.close();
    }
    port.postMessage({ kind: 'done', outcome } satisfies JobReply);
  })();
});
