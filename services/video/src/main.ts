import './tracing';
import { runService } from '@what-if/kit';
import { videoService } from './service';

void runService(videoService);
