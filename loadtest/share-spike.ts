/**
 * A share link goes viral: many anonymous people open the same link at once (a post that
 * took off, a link in a newsletter). Each view renders the page and counts a visitor, so
 * sharing and its table take the whole spike. `k6 run loadtest/share-spike.ts` runs the smoke
 * profile; `-e LOAD_PROFILE=spike -e RATE=20` jumps from 20 to SPIKE_FACTOR × 20 views per
 * second and back (README.md).
 */
import { type Account, createAccounts, deleteAccounts, signIn } from './lib/accounts.ts';
import type { Journey } from './lib/journey.ts';
import { buildOptions } from './lib/profiles.ts';
import { routes } from './lib/routes.ts';
import { writeSeedScenario } from './lib/seed.ts';
import { type SummaryData, summaryFiles } from './lib/summary.ts';
import { openSharePage, shareScenario } from './journeys/shares.ts';

export const journeys: Journey[] = [
  {
    name: 'share-link',
    exec: 'shareLinkVisitor',
    weight: 1,
    typicalSeconds: 2,
    signedIn: false,
    requestsPerIteration: [{ route: routes.sharePage, count: 1 }],
  },
];

/** setup() and teardown(): the account that owns the link, its scenario and the share. */
const setupRoutes = [
  routes.register,
  routes.signIn,
  routes.generate,
  routes.shareCreate,
  routes.deleteAccount,
];

export const options = buildOptions(journeys, setupRoutes);

export function setup(): { accounts: Account[]; slug: string } {
  const accounts = createAccounts(1);
  const token = signIn(accounts[0]!).token;
  const scenarioId = writeSeedScenario(
    token,
    'What if the Library of Alexandria had never burned? (load test share spike)',
  );
  const slug = shareScenario(token, scenarioId);
  if (!slug) throw new Error('setup() could not share its scenario');
  return { accounts, slug };
}

/** One person following the link: its page, nothing else. */
export function shareLinkVisitor(data: { slug: string }): void {
  openSharePage(data.slug);
}

export function teardown(data: { accounts: Account[] }): void {
  deleteAccounts(data.accounts);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryFiles(data, 'share-spike', [...setupRoutes, routes.sharePage]);
}
