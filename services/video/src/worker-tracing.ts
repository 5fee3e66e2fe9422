// Imported first by worker.ts: tracing must patch http and the store clients before they load.
import { startTracing } from '@what-if/kit/tracing';

startTracing('video-worker');
