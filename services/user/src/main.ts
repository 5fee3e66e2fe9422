import './tracing';
import { runService } from '@what-if/kit';
import { userService } from './service';

void runService(userService);
