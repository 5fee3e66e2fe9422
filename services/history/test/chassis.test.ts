import { describeServiceChassis } from '../../../test/support/service-chassis';
import { historyService } from '../src/service';

describeServiceChassis(historyService);
