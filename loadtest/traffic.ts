/**
 * What If's traffic as people make it: anonymous visitors and signed-in writers, weighted,
 * through the gateway. `k6 run loadtest/traffic.ts` runs the smoke profile against make dev;
 * LOAD_PROFILE=load|stress|spike|soak|autoscale and BASE_URL, RATE, … choose another (README.md).
 */
import { type Account, createAccounts, deleteAccounts } from './lib/accounts.ts';
import { autoscaleStages, stageTable } from './lib/capacity.ts';
import { config } from './lib/config.ts';
import type { Journey } from './lib/journey.ts';
import { buildOptions, journeyRoutes, maxVus } from './lib/profiles.ts';
import { routes } from './lib/routes.ts';
import { type SummaryData, summaryFiles } from './lib/summary.ts';
import { anonymousOdds, anonymousVisitor } from './journeys/anonymous.ts';
import { signedInWriter, writerOdds } from './journeys/writer.ts';

/**
 * Most visits are anonymous; a minority sign in and write. The request counts per iteration
 * follow each journey's odds.
 */
export const journeys: Journey[] = [
  {
    name: 'anonymous',
    exec: 'anonymousVisitor',
    weight: 0.7,
    typicalSeconds: 5 + anonymousOdds.generate * 20,
    signedIn: false,
    requestsPerIteration: [
      { route: routes.suggestions, count: 1 },
      { route: routes.generate, count: anonymousOdds.generate },
    ],
  },
  {
    name: 'writer',
    exec: 'signedInWriter',
    weight: 0.3,
    typicalSeconds: writerOdds.generate * 10 + 5 + writerOdds.search * 5 + writerOdds.read * 30,
    signedIn: true,
    requestsPerIteration: [
      { route: routes.generateStreamed, count: writerOdds.generate },
      { route: routes.historyList, count: 1 },
      { route: routes.historySearch, count: writerOdds.search },
      { route: routes.historyRead, count: writerOdds.read },
    ],
  },
];

const accountRoutes = [routes.register, routes.signIn, routes.deleteAccount];

export const options = buildOptions(journeys, accountRoutes);

const stages = config.profile === 'autoscale' ? autoscaleStages(journeys) : [];
const stagesReport = stages.length > 0 ? `## Autoscale stages (expected)\n\n${stageTable(stages)}` : '';

export function setup(): { accounts: Account[] } {
  if (stagesReport) console.log(`\n${stagesReport}\n`);
  const writerVus = journeys
    .filter((journey) => journey.signedIn)
    .reduce((total, journey) => total + maxVus(options.scenarios![journey.name]!), 0);
  return { accounts: createAccounts(config.accounts ?? writerVus) };
}

export function teardown(data: { accounts: Account[] }): void {
  deleteAccounts(data.accounts);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryFiles(data, 'traffic', [...accountRoutes, ...journeyRoutes(journeys)], stagesReport);
}

export { anonymousVisitor, signedInWriter };
