import path from 'node:path';
import type { HealthPaths, ServiceEntry } from '@what-if/catalog';

/**
 * One process of the stack: a service (`node dist/main.js`), or one of its workers (the catalog's
 * command in the same folder, with the service's environment and a port of its own).
 */
export interface StackProcess {
  name: string;
  port: number;
  health: HealthPaths;
  service: ServiceEntry;
  /** The script node runs, relative to the service's folder. */
  script: string;
}

/** Every process the stack runs, services first, in catalog order. */
export function stackProcesses(config: { services: readonly ServiceEntry[] }): StackProcess[] {
  const main = config.services.map((entry) => ({
    name: entry.name,
    port: entry.port,
    health: entry.health,
    service: entry,
    script: path.join('dist', 'main.js'),
  }));
  const workers = config.services.flatMap((entry) =>
    (entry.workers ?? []).map((worker) => {
      const [program, script, ...rest] = worker.command;
      if (program !== 'node' || !script || rest.length > 0) {
        throw new Error(
          `${worker.name}: the launcher runs commands of the form [node, <script>], not ${worker.command.join(' ')}`,
        );
      }
      return { name: worker.name, port: worker.port, health: worker.health, service: entry, script };
    }),
  );
  return [...main, ...workers];
}
