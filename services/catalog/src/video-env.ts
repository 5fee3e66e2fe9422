import type { EnvVar } from './types';

/** The video service's own variables; its API and its worker read the same ones. */
export const videoEnv: readonly EnvVar[] = [
  {
    name: 'VIDEO_STORAGE',
    // A deployment that provides a bucket chooses s3 with it (ECS always; EKS from its prerequisites stack).
    default: 'local',
    description:
      'Where finished videos, captions and posters are kept: local (a directory, VIDEO_STORAGE_DIR) or s3 (VIDEO_BUCKET)',
  },
  {
    name: 'VIDEO_STORAGE_DIR',
    default: '/tmp/what-if-videos',
    description: 'The directory VIDEO_STORAGE=local keeps files in; the API and the worker must share it',
  },
  {
    name: 'VIDEO_BUCKET',
    default: '',
    description: 'The S3 bucket VIDEO_STORAGE=s3 keeps files in',
  },
  {
    name: 'S3_ENDPOINT',
    default: '',
    description:
      'An S3-compatible endpoint instead of the regional one (MinIO, a test server); addressed path-style',
  },
  {
    name: 'VIDEO_URL_TTL_SECONDS',
    default: '900',
    description: 'How long a download link (a signed S3 URL, or a signed local path) stays valid',
  },
  {
    name: 'VIDEO_URL_SECRET',
    default: '',
    description:
      'The HMAC key that signs local download links (VIDEO_STORAGE=local; 32+ characters); empty: a random key per process, so links die with it',
    secret: true,
  },
  {
    name: 'VIDEO_SPEECH',
    default: 'espeak',
    description:
      'Who speaks the narration: espeak (espeak-ng, every language) or polly (Amazon Polly where it has a voice for the language, espeak-ng for the rest, such as Vietnamese)',
  },
  {
    name: 'POLLY_ENGINE',
    default: 'neural',
    description: 'The Amazon Polly engine for VIDEO_SPEECH=polly: standard or neural',
  },
  {
    name: 'VIDEO_FONT_DIR',
    default: '/usr/share/fonts/truetype/dejavu',
    description:
      'Where the slide font is read from (DejaVu Sans, which covers Vietnamese; Debian package fonts-dejavu-core)',
  },
  {
    name: 'VIDEO_WORK_DIR',
    default: '/tmp',
    description: 'Where a render keeps its audio, slides and encoded files until they are uploaded',
  },
  {
    name: 'VIDEO_CONCURRENCY',
    default: '1',
    description: 'Videos one worker renders at once (ffmpeg uses a core each)',
  },
  {
    name: 'VIDEO_JOB_TIMEOUT_SECONDS',
    default: '900',
    description: 'The longest one render may take before it fails as timed out',
  },
  {
    name: 'VIDEO_JOB_ATTEMPTS',
    default: '3',
    description:
      'Attempts at a render that fails for a reason that may pass (a full disk, a crashed encoder)',
  },
  {
    name: 'VIDEO_RETRY_BACKOFF_SECONDS',
    default: '10',
    description: 'The wait before the second attempt; it doubles for each attempt after',
  },
  {
    name: 'VIDEO_LOCK_SECONDS',
    default: '30',
    description:
      'How long a job stays with a worker that stopped renewing its lock (crashed, killed) before another worker takes it over',
  },
  {
    name: 'VIDEO_SWEEP_INTERVAL_SECONDS',
    default: '60',
    description:
      'How often the worker re-queues accepted jobs that have no queue entry (lost in a Redis failover)',
  },
  {
    name: 'VIDEO_QUOTA_USER_PER_DAY',
    default: '10',
    description: 'Videos one signed-in user may request per UTC day (anonymous callers may request none)',
  },
  {
    name: 'VIDEO_QUOTA_MODERATOR_PER_DAY',
    default: '30',
    description: "Daily videos for a moderator (a user's highest role sets the quota)",
  },
  {
    name: 'VIDEO_QUOTA_ADMIN_PER_DAY',
    default: '100',
    description: 'Daily videos for an admin',
  },
  {
    name: 'VIDEO_METRICS_NAMESPACE',
    default: '',
    description:
      'The CloudWatch namespace the worker publishes queue depth (VideoQueueDepth) and failed jobs (VideoJobsFailed) to; empty publishes nothing (off the AWS path)',
  },
  {
    name: 'VIDEO_METRICS_ENVIRONMENT',
    default: '',
    description: 'The Environment dimension of the published CloudWatch metrics (the deployment name)',
  },
  {
    name: 'SHARE_CHECK_CACHE_SECONDS',
    default: '30',
    description:
      "How long the API reuses sharing's answer on whether a video's share still shows its scenario (0-30): bounds how late a hidden, removed, revoked, expired or deleted share stops its videos being served",
  },
  {
    name: 'PUBLIC_APP_URL',
    default: 'http://localhost:3007',
    description: "Where people reach the web app: the address and QR code on a video's end card",
    browserFacing: true,
  },
  {
    name: 'SSE_HEARTBEAT_MS',
    default: '15000',
    description: 'Interval of the comment lines that keep a progress stream alive through proxies',
  },
];
