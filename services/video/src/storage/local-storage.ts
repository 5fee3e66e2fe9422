import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type DownloadLink, type VideoFileName, type VideoStorage, fileKey } from './video-storage';

export interface LocalStorage extends VideoStorage {
  kind: 'local';
  /** The file behind a signed link, or undefined when the signature or its time does not hold. */
  verify(videoId: string, name: VideoFileName, expires: string, signature: string): string | undefined;
}

/** The path links point at; the service serves it (routes/file-routes.ts), the gateway forwards it. */
export function localFilePath(videoId: string, name: VideoFileName): string {
  return `/api/v1/videos/${encodeURIComponent(videoId)}/files/${name}`;
}

/**
 * Files in a directory, for make dev and single-machine stacks. Links are the service's own
 * path signed with HMAC-SHA256 and an expiry, like an S3 presigned URL, so a <video> element
 * can load and seek without the caller's token.
 */
export function createLocalStorage(options: {
  directory: string;
  /** Empty: a random key for this process, so links die with it. */
  secret: string;
  ttlSeconds: number;
  now?: () => number;
}): LocalStorage {
  const key = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
  const now = options.now ?? Date.now;
  const filePath = (videoId: string, name: VideoFileName) =>
    path.join(options.directory, fileKey(videoId, name));
  const sign = (videoId: string, name: VideoFileName, expires: string) =>
    createHmac('sha256', key).update(`video-file:v1\n${videoId}\n${name}\n${expires}`).digest();

  return {
    kind: 'local',
    async put(videoId, name, localFile) {
      const target = filePath(videoId, name);
      await mkdir(path.dirname(target), { recursive: true });
      // Copied beside, then renamed: a reader never sees half a file.
      const partial = `${target}.partial`;
      await copyFile(localFile, partial);
      await rename(partial, target);
      return (await stat(target)).size;
    },
    async link(videoId, name): Promise<DownloadLink> {
      const expiresAt = Math.floor(now() / 1000) + options.ttlSeconds;
      const signature = sign(videoId, name, String(expiresAt)).toString('base64url');
      return {
        url: `${localFilePath(videoId, name)}?expires=${expiresAt}&signature=${signature}`,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
      };
    },
    verify(videoId, name, expires, signature) {
      if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now()) return undefined;
      const expected = sign(videoId, name, expires);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return filePath(videoId, name);
    },
    async remove(videoId) {
      await rm(path.join(options.directory, 'videos', videoId), { recursive: true, force: true });
    },
  };
}
