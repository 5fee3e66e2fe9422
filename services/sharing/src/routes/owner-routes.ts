import { HttpProblem, authenticate, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { dateRange, summarize } from '../analytics';
import type { SharingDependencies } from '../dependencies';
import { hashSharePassword } from '../share-passwords';
import { shareView } from '../share-view';
import { deleteShareDurably } from '../share-deletion';
import { newSlug } from '../slug';
import { chronologicalKeyPattern } from '../store/keys';
import type { ShareVisibility } from '../store/records';
import type { ShareChanges } from '../store/update-share';

/** POST /api/v1/shares, as the contract (openapi.yaml, `NewShare`) has already checked it. */
interface NewShareRequest {
  scenarioId: string;
  title?: string;
  description?: string;
  password?: string;
  expiresAt?: string | null;
  visibility?: ShareVisibility;
  another?: boolean;
}

/** PATCH /api/v1/shares/{slug} (`ShareChanges`): only these fields exist; the contract refuses others. */
interface ShareChangesRequest {
  title?: string | null;
  description?: string | null;
  password?: string | null;
  expiresAt?: string | null;
  visibility?: ShareVisibility;
}

/** Missing and someone else's answer alike, so slugs cannot be probed through the owner's API. */
function notFound(slug: string): HttpProblem {
  return new HttpProblem(404, `You have no share with the slug ${slug}.`);
}

function futureExpiry(value: string | null | undefined, now: Date): string | null | undefined {
  if (value === undefined || value === null) return value;
  const time = Date.parse(value);
  if (time <= now.getTime()) {
    throw validationProblem([
      { path: '/body/expiresAt', message: 'must be in the future (or null for never)' },
    ]);
  }
  return new Date(time).toISOString();
}

function encodeCursor(after: string): string {
  return Buffer.from(after, 'utf8').toString('base64url');
}

/**
 * A list cursor is the last position seen. It needs no signature: every list reads the caller's
 * own index partition, so an altered cursor can only move within their own shares.
 */
function decodeCursor(cursor: string): string {
  const after = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!chronologicalKeyPattern.test(after)) {
    throw validationProblem([
      { path: '/query/cursor', message: 'is not a cursor this API handed out; start from the first page' },
    ]);
  }
  return after;
}

/** The signed-in owner's shares: create, list, read, change, revoke, delete, analytics. */
export function ownerRoutes(deps: SharingDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.post('/api/v1/shares', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const body = req.body as NewShareRequest;
    const now = new Date();
    const expiresAt = futureExpiry(body.expiresAt, now);
    // Straight from history, not the page cache: a share must not outlive a scenario deleted a moment ago.
    const found = await deps.scenarios.readFresh(body.scenarioId);
    if (!found || found.ownerId !== owner.userId) {
      throw new HttpProblem(404, `You have no saved scenario with the id ${body.scenarioId}.`);
    }
    const created = await deps.store.create(
      {
        slug: newSlug(),
        ownerId: owner.userId,
        scenarioId: body.scenarioId,
        scenarioTitle: found.scenario.title,
        language: found.scenario.language,
        visibility: body.visibility ?? 'unlisted',
        ...(body.title ? { title: body.title } : {}),
        ...(body.description ? { description: body.description } : {}),
        ...(body.password ? { passwordHash: await hashSharePassword(body.password) } : {}),
        ...(expiresAt ? { linkExpiresAt: expiresAt } : {}),
      },
      body.another ?? false,
    );
    if (created.outcome === 'created') {
      deps.activity.report({
        kind: 'share-created',
        userId: owner.userId,
        scenarioId: body.scenarioId,
        language: found.scenario.language,
      });
    }
    const view = shareView(created.share, deps.links, now);
    res.setHeader('Cache-Control', 'no-store');
    if (created.outcome === 'created') res.setHeader('Location', `/api/v1/shares/${view.slug}`);
    res.status(created.outcome === 'created' ? 201 : 200).json(view);
  });

  router.get('/api/v1/shares', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const limit = Number(req.query['limit'] ?? 20);
    const cursor = typeof req.query['cursor'] === 'string' ? decodeCursor(req.query['cursor']) : undefined;
    const page = await deps.store.list(owner.userId, limit, cursor);
    const now = new Date();
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: page.items.map((item) => shareView(item, deps.links, now)),
      nextCursor: page.after ? encodeCursor(page.after) : null,
    });
  });

  // Before /:slug; a slug is 12 characters, so "analytics" is never one.
  router.get('/api/v1/shares/analytics', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const range = dateRange(req.query, new Date());
    const shares = await deps.store.allOfOwner(owner.userId);
    const days = (
      await Promise.all(shares.map((share) => deps.store.dailyStats(share.slug, range.from, range.to)))
    ).flat();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...summarize(range, days), shares: shares.length });
  });

  router.get('/api/v1/shares/:slug', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const slug = String(req.params['slug']);
    const share = await deps.store.readOwned(owner.userId, slug);
    if (!share) throw notFound(slug);
    res.setHeader('Cache-Control', 'no-store');
    res.json(shareView(share, deps.links, new Date()));
  });

  router.patch('/api/v1/shares/:slug', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const slug = String(req.params['slug']);
    const sent = req.body as ShareChangesRequest;
    const now = new Date();
    const changes: ShareChanges = {};
    if (sent.title !== undefined) changes.title = sent.title;
    if (sent.description !== undefined) changes.description = sent.description;
    if (sent.visibility !== undefined) changes.visibility = sent.visibility;
    if (sent.expiresAt !== undefined) changes.linkExpiresAt = futureExpiry(sent.expiresAt, now) ?? null;
    if (sent.password !== undefined) {
      changes.passwordHash = sent.password === null ? null : await hashSharePassword(sent.password);
    }
    const updated = await deps.store.update(owner.userId, slug, changes);
    if (!updated) throw notFound(slug);
    res.setHeader('Cache-Control', 'no-store');
    res.json(shareView(updated, deps.links, now));
  });

  router.post('/api/v1/shares/:slug/revoke', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const slug = String(req.params['slug']);
    const revoked = await deps.store.revoke(owner.userId, slug);
    if (!revoked) throw notFound(slug);
    res.setHeader('Cache-Control', 'no-store');
    res.json(shareView(revoked, deps.links, new Date()));
  });

  router.delete('/api/v1/shares/:slug', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const slug = String(req.params['slug']);
    if (!(await deleteShareDurably(deps, owner.userId, slug))) throw notFound(slug);
    res.status(204).end();
  });

  router.get('/api/v1/shares/:slug/analytics', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const slug = String(req.params['slug']);
    const range = dateRange(req.query, new Date());
    const share = await deps.store.readOwned(owner.userId, slug);
    if (!share) throw notFound(slug);
    res.setHeader('Cache-Control', 'no-store');
    res.json(summarize(range, await deps.store.dailyStats(slug, range.from, range.to)));
  });

  return router;
}
