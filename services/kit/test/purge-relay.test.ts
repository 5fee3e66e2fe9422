import { purgeBacklogReport } from '@what-if/catalog';
import { type PurgeOutbox, createPurgeRelay } from '@what-if/kit';
import { Registry } from 'prom-client';
import { captureLogs } from '../../../test/support/logs';
import { eventually } from '../../../test/support/eventually';

/** An outbox whose backlog is whatever the test says, and which never has anything due. */
function stalledOutbox(backlog: { pending: number; oldestRequestedAt: Date | undefined }): PurgeOutbox {
  return {
    lease: async () => [],
    acknowledge: async () => undefined,
    retryLater: async () => undefined,
    backlog: async () => backlog,
  };
}

test('while instructions wait, the relay logs the backlog the ECS alarm reads: the service, how many and how old', async () => {
  const { logger, lines } = captureLogs('user');
  const relay = createPurgeRelay({
    outbox: stalledOutbox({ pending: 2, oldestRequestedAt: new Date(Date.now() - 400_000) }),
    clients: new Map(),
    logger,
    registry: new Registry(),
    backlogReportMs: 50,
  });
  relay.start();
  try {
    await eventually(async () => {
      const report = lines.find((line) => line['msg'] === purgeBacklogReport.message);
      expect(report).toMatchObject({ service: 'user', [purgeBacklogReport.pendingField]: 2 });
      expect(report?.[purgeBacklogReport.oldestAgeField]).toBeGreaterThanOrEqual(400);
    });
  } finally {
    await relay.stop();
  }
});
