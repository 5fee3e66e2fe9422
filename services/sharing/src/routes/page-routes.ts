import { HttpProblem } from '@what-if/kit';
import { type Request, type Response, Router } from 'express';
import { clientAddress } from '../client-address';
import type { SharingDependencies } from '../dependencies';
import { pageContentSecurityPolicy } from '../pages/layout';
import { checkSharePassword } from '../password-check';
import { gonePage, notFoundPage, passwordPage, sharePage } from '../pages/share-pages';
import { type PublicShare, resolvePublicShare } from '../public-share';
import type { ShareItem } from '../store/records';
import {
  clientFingerprint,
  countryOf,
  isAutomated,
  platformOf,
  referrerDomain,
  utcDay,
  visitorOfTheDay,
} from '../visitors';

function sendPage(res: Response, status: number, markup: string, headers: Record<string, string> = {}): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', pageContentSecurityPolicy);
  // Every view reaches the service, so each is counted and a revoke shows at once: no shared cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.send(markup);
}

/** The page for a share that shows nothing: 404 for an unknown slug, 410 for one that ended. */
function sendUnreadable(
  res: Response,
  slug: string,
  resolved: PublicShare,
  deps: SharingDependencies,
): boolean {
  if (resolved.kind === 'missing') {
    sendPage(res, 404, notFoundPage(slug, deps.links));
    return true;
  }
  if (resolved.kind === 'gone') {
    sendPage(res, 410, gonePage(resolved.share, resolved.reason, deps.links));
    return true;
  }
  return false;
}

/** Counts a view of a readable page after it went out; crawlers and scripts are not counted. */
function countView(req: Request, share: ShareItem, deps: SharingDependencies): void {
  const userAgent = req.headers['user-agent'];
  if (isAutomated(userAgent)) {
    deps.metrics.views.inc({ outcome: 'bot' });
    return;
  }
  const now = new Date();
  const ip = clientAddress(req);
  const via = platformOf(req.query['via']);
  const referrer = referrerDomain(req.headers.referer, deps.links.ownHosts);
  const country = countryOf(req.headers[deps.countryHeader]);
  deps.views.count(async () => {
    const day = utcDay(now);
    return {
      slug: share.slug,
      day,
      visitor: visitorOfTheDay(await deps.visitorKey(), day, ip, userAgent ?? ''),
      ...(via ? { via } : {}),
      ...(referrer ? { referrerDomain: referrer } : {}),
      ...(country ? { country } : {}),
    };
  });
}

/** The public, server-rendered share page and its password form. */
export function pageRoutes(deps: SharingDependencies): Router {
  const router = Router();

  router.get('/s/:slug', async (req, res) => {
    const slug = String(req.params['slug']);
    const resolved = await resolvePublicShare(deps, slug, 'check');
    if (sendUnreadable(res, slug, resolved, deps)) return;
    if (resolved.kind === 'protected') {
      sendPage(res, 200, passwordPage(resolved.share, deps.links));
      return;
    }
    if (resolved.kind !== 'readable') return;
    const headers: Record<string, string> =
      resolved.share.visibility === 'public' ? { 'X-Robots-Tag': 'all' } : {};
    sendPage(res, 200, sharePage(resolved.share, resolved.content.scenario, deps.links), headers);
    countView(req, resolved.share, deps);
  });

  // The password travels in a form body, never in the address.
  router.post('/s/:slug', async (req, res) => {
    const slug = String(req.params['slug']);
    const password = String((req.body as { password?: unknown }).password ?? '');
    const resolved = await resolvePublicShare(deps, slug, 'check');
    if (sendUnreadable(res, slug, resolved, deps)) return;
    if (resolved.kind === 'readable') {
      // No password on this share (any more): the page as anyone sees it.
      sendPage(res, 200, sharePage(resolved.share, resolved.content.scenario, deps.links));
      countView(req, resolved.share, deps);
      return;
    }
    if (resolved.kind !== 'protected') return;
    const share = resolved.share;
    const client = clientFingerprint(await deps.visitorKey(), clientAddress(req));
    const checked = await checkSharePassword(deps, share, password, client);
    if (checked.outcome === 'limited') {
      sendPage(res, 429, passwordPage(share, deps.links, 'limited'), {
        'Retry-After': String(checked.retryAfterSeconds),
      });
      return;
    }
    if (checked.outcome === 'rejected') {
      sendPage(res, 401, passwordPage(share, deps.links, 'wrong'));
      return;
    }
    const unlocked = await resolvePublicShare(deps, slug, 'passed');
    if (sendUnreadable(res, slug, unlocked, deps) || unlocked.kind !== 'readable') return;
    sendPage(res, 200, sharePage(unlocked.share, unlocked.content.scenario, deps.links));
    countView(req, unlocked.share, deps);
  });

  return router;
}

/** A 404 or 410 problem for the machine-read addresses (images) of a share that shows nothing. */
export function unreadableProblem(slug: string, resolved: PublicShare): HttpProblem | undefined {
  if (resolved.kind === 'missing') return new HttpProblem(404, `There is no share with the slug ${slug}.`);
  if (resolved.kind === 'gone') {
    return new HttpProblem(410, `The share ${slug} is no longer available (${resolved.reason}).`, {
      type: 'gone',
      title: 'Gone',
      extensions: { reason: resolved.reason },
    });
  }
  return undefined;
}
