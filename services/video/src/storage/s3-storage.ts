import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type VideoStorage, contentTypes, fileKey } from './video-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (a test server, MinIO), addressed path-style; empty for AWS. */
  endpoint: string;
  ttlSeconds: number;
  /** For an S3-compatible endpoint that checks signatures against keys of its own. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Files in an S3 bucket: the task's role writes and deletes, browsers fetch through presigned
 * GET URLs (S3 answers range requests itself, so players can seek).
 */
export function createS3Storage(
  options: S3StorageOptions,
  client?: S3Client,
): VideoStorage & { client: S3Client } {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      // S3-compatible servers (MinIO, test servers) may not read the aws-chunked uploads the SDK
      // sends to carry a checksum; they get plain uploads, with checksums only where S3 requires them.
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          }
        : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  const prefix = (videoId: string) => `videos/${videoId}/`;
  return {
    kind: 's3',
    client: s3,
    async put(videoId, name, localFile) {
      const { size } = await stat(localFile);
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: fileKey(videoId, name),
          Body: createReadStream(localFile),
          ContentLength: size,
          ContentType: contentTypes[name],
        }),
      );
      return size;
    },
    async link(videoId, name, downloadName) {
      const url = await getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: options.bucket,
          Key: fileKey(videoId, name),
          ResponseContentDisposition: `inline; filename="${downloadName.replace(/[^\w.-]/g, '_')}"`,
        }),
        { expiresIn: options.ttlSeconds },
      );
      return { url, expiresAt: new Date(Date.now() + options.ttlSeconds * 1000).toISOString() };
    },
    async remove(videoId) {
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: options.bucket,
            Prefix: prefix(videoId),
            ContinuationToken: token,
          }),
        );
        const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
        if (keys.length > 0) {
          await s3.send(
            new DeleteObjectsCommand({ Bucket: options.bucket, Delete: { Objects: keys, Quiet: true } }),
          );
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
