import { describeServiceChassis } from '../../../test/support/service-chassis';
import { userService } from '../src/service';

describeServiceChassis(userService);
