import { describeServiceChassis } from '../../../test/support/service-chassis';
import { socialService } from '../src/service';

describeServiceChassis(socialService);
