import { service, serviceUrlVariable } from '@what-if/catalog';
import { type StartedService, startService } from '@what-if/kit';
import { gatewayService } from '../../../gateway/src/service';
import { eventually } from '../../../../test/support/eventually';
import { inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import { deadPort } from '../../../../test/support/stores';

export interface GatewayInFront {
  url: string;
  gateway: StartedService<unknown>;
  stop(): Promise<void>;
}

/**
 * The real gateway, built in-process as its own tests do, routing to the generation
 * service under test and to the fake user service for keys and sessions; the other
 * services point at a closed port.
 */
export async function startGatewayInFront(options: {
  generationUrl: string;
  userUrl: string;
  /** The real history service, when a test runs one. */
  historyUrl?: string;
}): Promise<GatewayInFront> {
  const stores = await provisionStores(['redis']);
  const nowhere = `http://127.0.0.1:${await deadPort()}`;
  const upstreams = Object.fromEntries(
    service('gateway').calls.map((callee) => [serviceUrlVariable(callee), nowhere]),
  );
  const gateway = await startService(gatewayService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...stores.env,
      ...upstreams,
      GENERATION_SERVICE_URL: options.generationUrl,
      USER_SERVICE_URL: options.userUrl,
      ...(options.historyUrl ? { HISTORY_SERVICE_URL: options.historyUrl } : {}),
    },
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
  return {
    url: gateway.url,
    gateway,
    async stop() {
      await gateway.stop();
      await stores.cleanup();
    },
  };
}
