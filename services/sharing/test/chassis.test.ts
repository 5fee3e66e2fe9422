import { describeServiceChassis } from '../../../test/support/service-chassis';
import { sharingService } from '../src/service';

describeServiceChassis(sharingService);
