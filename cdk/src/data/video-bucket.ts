import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  StorageClass,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { siteUrl, videoBucketName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';

export interface VideoBucketProps {
  readonly config: EnvironmentConfig;
  readonly encryptionKey: IKey;
  readonly accessLogs: IBucket;
}

/** Rendered videos, captions and posters: private, encrypted, versioned, cheaper as they age. */
export class VideoBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: VideoBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      // Predictable, so task policies name it instead of importing it from this stack.
      bucketName: videoBucketName(props.config.name),
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // One data key per bucket instead of a KMS call per object.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'video-bucket/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Overwritten or deleted renders are recoverable for a month, then gone.
        { noncurrentVersionExpiration: Duration.days(30) },
        // Videos are watched most in their first weeks; Intelligent-Tiering moves the rest down.
        {
          transitions: [
            { storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) },
          ],
        },
      ],
      // The web app plays files through presigned links, another origin than its own: a caption
      // <track> loads only over CORS, so its <video crossorigin> asks and the bucket answers the
      // site alone: reads only, with Range so the player can seek.
      cors: [
        {
          allowedOrigins: [siteUrl(props.config.domain)],
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
          allowedHeaders: ['Range'],
          exposedHeaders: ['Accept-Ranges', 'Content-Length', 'Content-Range', 'ETag'],
          maxAge: 3600,
        },
      ],
      removalPolicy: dataRemovalPolicy(props.config),
    });
  }
}
