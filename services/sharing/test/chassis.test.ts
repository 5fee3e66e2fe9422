import { describeServiceChassis } from '../../../test/support/service-chassis';
import { serviceToken } from '../../../test/support/service-identity';
import { sharingService } from '../src/service';

describeServiceChassis(sharingService, {
  storeReads: {
    dynamodb: {
      path: '/internal/v1/shares/abcdefghijkl/availability',
      headers: () => ({ authorization: `Bearer ${serviceToken('video', 'sharing')}` }),
    },
  },
});
