import { services, type ServiceEntry, type ServiceName } from '@what-if/catalog';

/** One value per catalog service, keyed by name: the loop that makes adding a service enough. */
export function perService<T>(make: (entry: ServiceEntry) => T): Record<ServiceName, T> {
  const values: Partial<Record<ServiceName, T>> = {};
  for (const entry of services) values[entry.name] = make(entry);
  return values as Record<ServiceName, T>;
}
