import { randomUUID } from 'node:crypto';
import { describeServiceChassis } from '../../../test/support/service-chassis';
import { serviceToken } from '../../../test/support/service-identity';
import { videoService } from '../src/service';

// A purge of an account reads its videos from the table.
const accountId = randomUUID();
describeServiceChassis(videoService, {
  storeReads: {
    dynamodb: {
      method: 'POST',
      path: '/internal/v1/purges',
      headers: () => ({ authorization: `Bearer ${serviceToken('user', 'video')}` }),
      body: {
        id: randomUUID(),
        kind: 'account',
        subjectId: accountId,
        ownerId: accountId,
        requestedAt: new Date().toISOString(),
        origin: 'user',
      },
    },
  },
});
