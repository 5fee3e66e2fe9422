import path from 'node:path';
import { Router } from 'express';
import { HttpProblem } from '@what-if/kit';
import type { VideoDependencies } from '../dependencies';
import type { LocalStorage } from '../storage/local-storage';
import { type VideoFileName, contentTypes, videoFileNames } from '../storage/video-storage';

/**
 * The files of finished videos, when they are kept on local disk: reached through the signed,
 * expiring links the video's status hands out (so a <video> element needs no token), with
 * range requests for seeking. In AWS the links are S3's own and this path is never used.
 * A video made from a share that no longer shows its scenario is withdrawn here too (410).
 */
export function fileRoutes(storage: LocalStorage, deps: Pick<VideoDependencies, 'store' | 'shares'>): Router {
  const router = Router();
  router.get('/api/v1/videos/:id/files/:name', async (req, res, next) => {
    const id = String(req.params['id']);
    const name = String(req.params['name']) as VideoFileName;
    const expires = typeof req.query['expires'] === 'string' ? req.query['expires'] : '';
    const signature = typeof req.query['signature'] === 'string' ? req.query['signature'] : '';
    const file = videoFileNames.includes(name) ? storage.verify(id, name, expires, signature) : undefined;
    if (!file) {
      throw new HttpProblem(
        403,
        'This link is not valid or has expired; read the video again for fresh links.',
        {
          type: 'invalid-link',
          title: 'Invalid or expired link',
        },
      );
    }
    const record = await deps.store.read(id);
    if (!record) throw new HttpProblem(404, `The video ${id} has no ${name} (it was deleted).`);
    await deps.shares.assertServable(record);
    res.sendFile(
      path.basename(file),
      {
        // Rooted at the video's own folder, so only the file's name is checked for dots: the
        // storage directory itself may sit under one (make dev keeps it in .dev/videos).
        root: path.dirname(file),
        headers: { 'Content-Type': contentTypes[name], 'Cache-Control': 'private, max-age=300' },
        acceptRanges: true,
        dotfiles: 'deny',
      },
      (error?: NodeJS.ErrnoException & { status?: number }) => {
        // Sent, or the player went away mid-range (it does so while seeking): nothing to answer.
        if (!error || res.headersSent) return;
        if (error.code === 'ENOENT' || error.status === 404) {
          next(new HttpProblem(404, `The video ${id} has no ${name} (it was deleted).`));
        } else next(error);
      },
    );
  });
  return router;
}
