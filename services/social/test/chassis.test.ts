import { describeServiceChassis } from '../../../test/support/service-chassis';
import { socialService } from '../src/service';

describeServiceChassis(socialService, {
  storeReads: { dynamodb: { path: '/api/v1/feed' } },
});
