import { describeServiceChassis } from '../../../test/support/service-chassis';
import { videoService } from '../src/service';

describeServiceChassis(videoService);
