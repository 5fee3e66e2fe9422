import { randomUUID } from 'node:crypto';
import { describeServiceChassis } from '../../../test/support/service-chassis';
import { serviceToken } from '../../../test/support/service-identity';
import { historyService } from '../src/service';

describeServiceChassis(historyService, {
  storeReads: {
    dynamodb: {
      path: `/internal/v1/scenarios/${randomUUID()}`,
      headers: () => ({ authorization: `Bearer ${serviceToken('sharing', 'history')}` }),
    },
  },
});
