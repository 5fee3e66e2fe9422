import { createOfflineWriter } from '@what-if/offline-writer';
import type { ScenarioProvider } from './provider';

/**
 * The embedded provider: the offline writer (`services/offline-writer`) behind the provider
 * interface. It is the default and the last resort of every chain.
 */
export function createLocalProvider(): ScenarioProvider {
  const writer = createOfflineWriter();
  return {
    name: 'local',
    model: writer.model,
    promptVersion: writer.version,
    generate: (request, signal, onEvent) => writer.write(request, signal, onEvent),
  };
}
