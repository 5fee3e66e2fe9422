/**
 * What If's traffic as people make it: anonymous visitors, signed-in writers and social readers, weighted,
 * through the gateway. `k6 run loadtest/traffic.ts` runs the smoke profile against make dev;
 * LOAD_PROFILE=load|stress|spike|soak|autoscale and BASE_URL, RATE, … choose another (README.md).
 */
import { type Account, createAccounts, deleteAccounts, signIn } from './lib/accounts.ts';
import { commentsPerMinute, perVuShare } from './lib/allowance.ts';
import { autoscaleStages, capacityBasis, stageTable } from './lib/capacity.ts';
import { config } from './lib/config.ts';
import type { Journey } from './lib/journey.ts';
import { buildOptions, journeyRoutes, maxVus } from './lib/profiles.ts';
import { routes } from './lib/routes.ts';
import { writeSeedScenario } from './lib/seed.ts';
import { type SummaryData, summaryFiles } from './lib/summary.ts';
import { anonymousOdds, anonymousVisitor } from './journeys/anonymous.ts';
import { shareScenario } from './journeys/shares.ts';
import { publishSeedPost, socialOdds, socialReader } from './journeys/social.ts';
import { signedInWriter, writerOdds } from './journeys/writer.ts';

/**
 * Most visits are anonymous; a minority sign in and write, fewer read the social feed. The
 * request counts per iteration follow each journey's odds.
 */
export const journeys: Journey[] = [
  {
    name: 'anonymous',
    exec: 'anonymousVisitor',
    weight: 0.6,
    typicalSeconds: anonymousOdds.sharePage * 30 + 5 + anonymousOdds.generate * 20,
    signedIn: false,
    requestsPerIteration: [
      { route: routes.sharePage, count: anonymousOdds.sharePage },
      { route: routes.suggestions, count: 1 },
      { route: routes.generate, count: anonymousOdds.generate },
    ],
  },
  {
    name: 'writer',
    exec: 'signedInWriter',
    weight: 0.25,
    typicalSeconds:
      writerOdds.generate * 10 +
      5 +
      writerOdds.search * 5 +
      writerOdds.read * (30 + writerOdds.share * 5 + writerOdds.video * 5),
    signedIn: true,
    requestsPerIteration: [
      { route: routes.generateStreamed, count: writerOdds.generate },
      { route: routes.historyList, count: 1 },
      { route: routes.historySearch, count: writerOdds.search },
      { route: routes.historyRead, count: writerOdds.read },
      { route: routes.shareCreate, count: writerOdds.read * writerOdds.share },
      { route: routes.videoRequest, count: writerOdds.read * writerOdds.video },
      { route: routes.videoRead, count: writerOdds.read * writerOdds.video },
    ],
  },
  {
    name: 'social',
    exec: 'socialReader',
    weight: 0.15,
    typicalSeconds: 8 + socialOdds.read * 15 + socialOdds.comments * 10 + socialOdds.comment * 5,
    signedIn: true,
    requestsPerIteration: [
      { route: routes.feedLatest, count: 1 },
      { route: routes.postRead, count: socialOdds.read },
      { route: routes.commentsList, count: socialOdds.read * socialOdds.comments },
      { route: routes.like, count: socialOdds.read * socialOdds.like },
      { route: routes.comment, count: socialOdds.read * socialOdds.comment },
      { route: routes.profile, count: socialOdds.read * socialOdds.profile },
    ],
  },
];

/**
 * What setup() and teardown() call: the run's accounts, the post that keeps the feed from being
 * empty and the share link anonymous visitors are sent.
 */
const accountRoutes = [routes.register, routes.signIn, routes.deleteAccount, routes.publishPost];

export const options = buildOptions(journeys, accountRoutes);

const stages = config.profile === 'autoscale' ? autoscaleStages(journeys) : [];
const stagesReport =
  stages.length > 0
    ? `## Autoscale stages (expected replicas, the same on ECS and Kubernetes)\n\n${stageTable(stages)}\n\nFrom ${capacityBasis(journeys)}.`
    : '';

export function setup(): {
  accounts: Account[];
  postIds: string[];
  shareSlugs: string[];
  commentsPerMinutePerVu: number;
} {
  if (stagesReport) console.log(`\n${stagesReport}\n`);
  const vusOf = (some: readonly Journey[]) =>
    some.reduce((total, journey) => total + maxVus(options.scenarios![journey.name]!), 0);
  const accounts = createAccounts(config.accounts ?? vusOf(journeys.filter((journey) => journey.signedIn)));
  const token = signIn(accounts[0]!).token;
  const scenarioId = writeSeedScenario(
    token,
    'What if the Silk Road had never closed? (load test seed post)',
  );
  const slug = shareScenario(token, scenarioId);
  if (!slug) throw new Error('setup() could not share its seed scenario');
  return {
    accounts,
    postIds: [publishSeedPost(token, scenarioId)],
    shareSlugs: [slug],
    // VU numbers run across every journey, so VUs of all of them share the accounts in turn.
    commentsPerMinutePerVu: perVuShare(commentsPerMinute, vusOf(journeys), accounts.length),
  };
}

export function teardown(data: { accounts: Account[] }): void {
  deleteAccounts(data.accounts);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryFiles(data, 'traffic', [...accountRoutes, ...journeyRoutes(journeys)], stagesReport);
}

export { anonymousVisitor, signedInWriter, socialReader };
