import './tracing';
import { runService } from '@what-if/kit';
import { socialService } from './service';

void runService(socialService);
