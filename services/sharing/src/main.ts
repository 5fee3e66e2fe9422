import './tracing';
import { runService } from '@what-if/kit';
import { sharingService } from './service';

void runService(sharingService);
