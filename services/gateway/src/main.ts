import './tracing';
import { runService } from '@what-if/kit';
import { gatewayService } from './service';

void runService(gatewayService);
