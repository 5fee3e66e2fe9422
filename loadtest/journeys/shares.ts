/**
 * Share links, the steps several journeys take: a writer shares one of their scenarios, and
 * anyone with the link opens its page (no token, HTML with the scenario and its preview tags).
 * Every page view is counted by the sharing service (unique visitors per day), so a spike of
 * views is a spike of writes too.
 */
import { check } from 'k6';
import { call, jsonBody } from '../lib/http.ts';
import { routes } from '../lib/routes.ts';

/** Shares the scenario (its live share when it has one: 200, else a new one: 201); the link's slug. */
export function shareScenario(token: string, scenarioId: string): string | undefined {
  const response = call(routes.shareCreate, { token, body: { scenarioId }, expected: [200, 201] });
  const share = jsonBody<{ slug: string; url: string; scenarioId: string }>(response);
  check(
    response,
    {
      'share-create: 201 or 200': (r) => r.status === 201 || r.status === 200,
      'share-create: a link to the scenario': () =>
        share?.scenarioId === scenarioId && typeof share.url === 'string' && share.url.includes(share.slug),
    },
    { route: routes.shareCreate.name },
  );
  return share?.slug;
}

/** Where people follow a link from (the web app's share buttons say so in `via`); the owner sees views per platform. */
const referrers = ['facebook', 'x', 'whatsapp', 'email', 'copy', 'qr'];

/** Opens a share's page as a visitor who followed the link. */
export function openSharePage(slug: string): void {
  const response = call(routes.sharePage, {
    params: { slug },
    query: { via: referrers[Math.floor(Math.random() * referrers.length)] },
    headers: { accept: 'text/html' },
  });
  check(
    response,
    {
      'share-page: 200 text/html': (r) =>
        r.status === 200 && (r.headers['Content-Type'] ?? '').startsWith('text/html'),
      'share-page: the scenario with its preview tags': (r) =>
        (r.body ?? '').includes('og:title') && (r.body ?? '').includes('<h1'),
    },
    { route: routes.sharePage.name },
  );
}
