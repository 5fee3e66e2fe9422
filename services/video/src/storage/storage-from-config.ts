import type { Config } from '../config';
import { type LocalStorage, createLocalStorage } from './local-storage';
import { createS3Storage } from './s3-storage';
import type { VideoStorage } from './video-storage';

/** The storage the configuration names; `local` is also returned as such, for the API to serve its files. */
export function storageFromConfig(config: Config): {
  storage: VideoStorage;
  local: LocalStorage | undefined;
} {
  if (config.VIDEO_STORAGE === 'local') {
    const local = createLocalStorage({
      directory: config.VIDEO_STORAGE_DIR,
      secret: config.VIDEO_URL_SECRET,
      ttlSeconds: config.VIDEO_URL_TTL_SECONDS,
    });
    return { storage: local, local };
  }
  return {
    storage: createS3Storage({
      bucket: config.VIDEO_BUCKET,
      region: config.AWS_REGION,
      endpoint: config.S3_ENDPOINT,
      ttlSeconds: config.VIDEO_URL_TTL_SECONDS,
    }),
    local: undefined,
  };
}
