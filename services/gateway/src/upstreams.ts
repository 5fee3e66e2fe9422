import { type ServiceName, service, serviceUrlVariable } from '@what-if/catalog';

/** Where each service the gateway fronts lives, from the `<NAME>_SERVICE_URL` variables. */
export type Upstreams = ReadonlyMap<ServiceName, string>;

export function upstreamsFromConfig(config: Record<string, unknown>): Upstreams {
  return new Map(
    service('gateway').calls.map((callee) => {
      const url = config[serviceUrlVariable(callee)];
      if (typeof url !== 'string') throw new Error(`${serviceUrlVariable(callee)} is not configured`);
      return [callee, url];
    }),
  );
}
