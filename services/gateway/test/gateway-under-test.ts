import { type StartedService, startService } from '@what-if/kit';
import { eventually } from '../../../test/support/eventually';
import { captureLogs, type CapturedLogs } from '../../../test/support/logs';
import { inProcessEnv, provisionStores, type TestStores } from '../../../test/support/service-chassis';
import { gatewayService } from '../src/service';
import { type FakeUpstreams, startFakeUpstreams } from '../../../test/support/fake-upstreams';
import { testServiceIdentity } from '../../../test/support/service-identity';

export interface GatewayUnderTest {
  gateway: StartedService<unknown>;
  fakes: FakeUpstreams;
  stores: TestStores;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

/** A real gateway on its own Redis prefix in front of fake services, with settings overridden. */
export async function startGatewayUnderTest(
  overrides: Record<string, string> = {},
): Promise<GatewayUnderTest> {
  const stores = await provisionStores(['redis']);
  const fakes = await startFakeUpstreams();
  const logs = captureLogs('gateway');
  const gateway = await startService(gatewayService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('gateway'),
      ...stores.env,
      ...fakes.env,
      ...overrides,
    },
    logger: logs.logger,
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
  return {
    gateway,
    fakes,
    stores,
    logs,
    async stop() {
      await gateway.stop();
      await fakes.close();
      await stores.cleanup();
    },
  };
}
