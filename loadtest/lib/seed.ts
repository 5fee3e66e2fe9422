/** What setup() makes before the journeys start: a scenario to publish and share. */
import { call, jsonBody } from './http.ts';
import { routes } from './routes.ts';

/** Writes one scenario into the account's history (JSON, not streamed); its id. */
export function writeSeedScenario(token: string, question: string): string {
  const written = call(routes.generate, { token, body: { question }, expected: [201] });
  const scenario = jsonBody<{ id: string }>(written);
  if (written.status !== 201 || !scenario) {
    throw new Error(`writing a seed scenario answered ${written.status}: ${written.body}`);
  }
  return scenario.id;
}
