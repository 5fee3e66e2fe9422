import './tracing';
import { runService } from '@what-if/kit';
import { historyService } from './service';

void runService(historyService);
