import { type ServiceName, service, serviceUrlVariable } from '@what-if/catalog';
import { type ServiceProcess, startServiceProcess } from '../../tools/src/harness/service-process';
import { eventually } from './eventually';
import { provisionStores } from './service-chassis';
import { deadPort } from './stores';

/**
 * Tests that need more than the service under test start the others as processes, from their
 * compiled code, the way benchmarks do (tools/src/harness): a test never imports another
 * service's code.
 */
export { type ServiceProcess, startServiceProcess };

export interface GatewayInFront {
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * The real gateway as a process on its own Redis key prefix, routing to the services given
 * (real ones or stand-ins); every other upstream points at a closed port. Resolves once ready.
 */
export async function startGatewayInFront(
  upstreams: Partial<Record<ServiceName, string>>,
  env: Record<string, string> = {},
): Promise<GatewayInFront> {
  const stores = await provisionStores(['redis']);
  const nowhere = `http://127.0.0.1:${await deadPort()}`;
  const urls = Object.fromEntries(
    service('gateway').calls.map((callee) => [serviceUrlVariable(callee), upstreams[callee] ?? nowhere]),
  );
  const gateway = await startServiceProcess('gateway', { env: { ...stores.env, ...urls, ...env } });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
  return {
    url: gateway.url,
    process: gateway,
    async stop() {
      await gateway.stop();
      await stores.cleanup();
    },
  };
}
