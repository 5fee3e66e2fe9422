import type { ServiceName } from '@what-if/catalog';

/**
 * The services that keep objects in S3. The catalog has no store kind for object storage
 * yet; until the video service declares one, this list is the single place that says so,
 * and the only reason a service is granted the video bucket.
 */
export const objectStorageUsers: readonly ServiceName[] = ['video'];
