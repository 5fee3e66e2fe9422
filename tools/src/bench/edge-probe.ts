/**
 * Loaded into a service process by `make bench-edge` (`node --require`), never by the services
 * themselves: with EDGE_PROBE_FILE set, it watches the process's event loop delay, its garbage
 * collection and, from Node's HTTP diagnostics channels, each request's timeline (thread-probe.ts);
 * on SIGUSR2 it appends one JSON line with the figures since the last signal to that file.
 */
import { appendFileSync } from 'node:fs';
import { watchRequests, watchThread } from './thread-probe';

export const probeFileVariable = 'EDGE_PROBE_FILE';

const file = process.env[probeFileVariable];
if (file) {
  const thread = watchThread();
  const requests = watchRequests();
  process.on('SIGUSR2', () => {
    appendFileSync(file, `${JSON.stringify({ thread: thread.take(), requests: requests.take() })}\n`);
  });
}
