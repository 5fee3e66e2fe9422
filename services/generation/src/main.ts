import './tracing';
import { runService } from '@what-if/kit';
import { generationService } from './service';

void runService(generationService);
