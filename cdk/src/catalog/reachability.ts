import { services, type ServiceEntry, type ServiceName, type StoreKind } from '@what-if/catalog';

/** The services whose catalog `calls` name this one: the only ones allowed to reach it. */
export function callersOf(name: ServiceName): ServiceEntry[] {
  return services.filter((entry) => entry.calls.includes(name));
}

export function usersOfStore(store: StoreKind): ServiceEntry[] {
  return services.filter((entry) => entry.stores.includes(store));
}

/** The services the load balancer forwards to: the catalog's public ones (the gateway). */
export function publicServices(): ServiceEntry[] {
  return services.filter((entry) => entry.public);
}

/** The single public entry; the edge has one load balancer forwarding to exactly one service. */
export function publicEntry(): ServiceEntry {
  const [entry, ...others] = publicServices();
  if (!entry || others.length > 0) {
    throw new Error(
      `The edge forwards to exactly one public service; the catalog marks ${publicServices().length} public`,
    );
  }
  return entry;
}
