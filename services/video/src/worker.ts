import './worker-tracing';
import { runService } from '@what-if/kit';
import { videoWorkerService } from './worker-service';

void runService(videoWorkerService);
