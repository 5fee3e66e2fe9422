// Imported first by main.ts: tracing must patch http, express and the store clients before they load.
import { startTracing } from '@what-if/kit/tracing';

startTracing('video');
