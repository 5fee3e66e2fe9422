import { type Request, type Response, Router } from 'express';
import type { SharingDependencies } from '../dependencies';
import type { PreviewCard } from '../images/og-image';
import { qrPng, qrSvg } from '../images/qr-code';
import { resolvePublicShare } from '../public-share';
import { unreadableProblem } from './page-routes';

/**
 * Images may sit in a shared cache (CloudFront's share-pages policy) for a minute: long enough
 * to absorb a link going viral, short enough that a revoked or deleted share's image is gone
 * within the minute deletion promises.
 */
const imageCacheControl = 'public, max-age=60';

function sendImage(req: Request, res: Response, type: string, body: Buffer | string, etag?: string): void {
  res.setHeader('Cache-Control', imageCacheControl);
  // Chat apps and sites embed previews and QR codes from other origins.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (etag) {
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
  }
  res.type(type).send(body);
}

/** The Open Graph preview image and the QR codes of a share. */
export function imageRoutes(deps: SharingDependencies): Router {
  const router = Router();

  router.get('/s/:slug/og.png', async (req, res) => {
    const slug = String(req.params['slug']);
    const resolved = await resolvePublicShare(deps, slug, 'check');
    const problem = unreadableProblem(slug, resolved);
    if (problem) throw problem;
    let card: PreviewCard;
    if (resolved.kind === 'readable') {
      const { scenario } = resolved.content;
      card = {
        kind: 'scenario',
        title: resolved.share.title ?? scenario.title,
        question: scenario.question,
        language: scenario.language,
      };
    } else if (resolved.kind === 'protected') {
      card = { kind: 'protected', language: resolved.share.language };
    } else return;
    const image = await deps.previews.get(card);
    sendImage(req, res, 'image/png', image.png, image.etag);
  });

  router.get('/s/:slug/qr.png', async (req, res) => {
    const slug = String(req.params['slug']);
    const problem = unreadableProblem(slug, await resolvePublicShare(deps, slug, 'check'));
    if (problem) throw problem;
    sendImage(req, res, 'image/png', await qrPng(deps.links.scanned(slug)));
  });

  router.get('/s/:slug/qr.svg', async (req, res) => {
    const slug = String(req.params['slug']);
    const problem = unreadableProblem(slug, await resolvePublicShare(deps, slug, 'check'));
    if (problem) throw problem;
    sendImage(req, res, 'image/svg+xml', await qrSvg(deps.links.scanned(slug)));
  });

  return router;
}
