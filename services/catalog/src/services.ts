import { bedrockModelArns, configured, listIncludes, senderDomain } from './aws-resources';
import { videoEnv } from './video-env';
import type { DynamoTable, FrontendEntry, HealthPaths, PurgeKind, ServiceEntry, ServiceName } from './types';

const health: HealthPaths = { live: '/health/live', ready: '/health/ready' };

/** Every DynamoDB table here uses one generic key shape, so access patterns can grow without a new table. */
function singleTable(name: string, ttlAttribute?: string): DynamoTable {
  return {
    name,
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalIndexes: [
      {
        name: 'gsi1',
        partitionKey: { name: 'gsi1pk', type: 'S' },
        sortKey: { name: 'gsi1sk', type: 'S' },
      },
    ],
    ...(ttlAttribute ? { ttlAttribute } : {}),
  };
}

const declaredServices: readonly ServiceEntry[] = [
  {
    name: 'gateway',
    port: 3000,
    description:
      'The only public entry: routing from the catalog, token verification, rate limits, CORS, security headers, the unified health view',
    public: true,
    routes: [],
    stores: ['redis'],
    dynamoTables: [],
    calls: ['user', 'generation', 'history', 'sharing', 'video', 'social'],
    env: [
      {
        name: 'NODE_OPTIONS',
        default: '--max-semi-space-size=32',
        readByNode: true,
        description:
          "Node's own options: young-generation semi-spaces of up to 32 MB (Node 20 stops at 16), so the gateway's short-lived per-request garbage is collected about half as often, with fewer and shorter pauses of its one thread (services/gateway/README.md, Cost at the edge); its memory request is sized for the larger young generation",
      },
      {
        name: 'UPSTREAM_CONNECT_TIMEOUT_MS',
        default: '2000',
        description: 'How long the gateway waits to open a connection to a service',
      },
      {
        name: 'UPSTREAM_IDLE_TIMEOUT_MS',
        default: '60000',
        description:
          'How long a proxied exchange may stay silent before it is cut (streams send heartbeats well inside this)',
      },
      {
        name: 'HEALTH_CHECK_TIMEOUT_MS',
        default: '2000',
        description: "How long the unified health view waits for each service's readiness",
      },
      {
        name: 'TRUSTED_PROXY_COUNT',
        default: '0',
        description:
          'How many proxies in front of the gateway append to X-Forwarded-For (deploymentPaths in the catalog: 0 locally, 1 behind an ALB or ingress-nginx, 2 behind CloudFront and an ALB); the client IP is read just before them, so a forged header cannot change it',
      },
      {
        name: 'CORS_ALLOWED_ORIGINS',
        default: 'http://localhost:3007',
        description: 'Comma-separated origins a browser may call the API from (the frontend)',
        browserFacing: true,
      },
      {
        name: 'BODY_LIMIT_BYTES',
        default: '262144',
        description: 'The largest request body the gateway forwards; larger ones get 413',
      },
      {
        name: 'RATE_LIMIT_IP_PER_MINUTE',
        default: '600',
        description: 'Requests one client IP may make per minute',
      },
      {
        name: 'RATE_LIMIT_USER_PER_MINUTE',
        default: '1200',
        description: 'Requests one signed-in user may make per minute, whatever their IP',
      },
      {
        name: 'RATE_LIMIT_AUTH_PER_MINUTE',
        default: '10',
        description:
          'Attempts one client IP may make per minute at each endpoint that tries a password or a mailed link (login, register, both password-reset calls, password and email change), each counted on its own',
      },
      {
        name: 'RATE_LIMIT_REFRESH_PER_MINUTE',
        default: '60',
        description:
          'Token refreshes one client IP may make per minute (every open tab refreshes on its own, and many people share an address)',
      },
      {
        name: 'SESSION_CACHE_SECONDS',
        default: '30',
        description:
          'How long the gateway trusts its last answer on whether a session is still alive; bounds how late a logout or a disabled account takes effect',
      },
    ],
    awsApis: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 320, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 10,
      targetCpuPercent: 60,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 130,
    },
    latency: { p99Ms: 300, availability: 0.999 },
    drainSeconds: 30,
  },
  {
    name: 'user',
    port: 3001,
    description: 'Accounts, password and social login, tokens, sessions, roles and profiles',
    public: false,
    routes: [
      { path: '/api/v1/auth', auth: 'public' },
      { path: '/api/v1/auth/sessions', auth: 'required' },
      { path: '/api/v1/auth/logout', exact: true, auth: 'required' },
      { path: '/api/v1/auth/logout-all', exact: true, auth: 'required' },
      { path: '/api/v1/auth/email-verification/resend', exact: true, auth: 'required' },
      { path: '/api/v1/users', auth: 'required' },
      { path: '/api/v1/admin/users', auth: 'required' },
    ],
    stores: ['postgres', 'redis'],
    dynamoTables: [],
    calls: [],
    purges: { owns: ['account'] },
    env: [
      {
        name: 'PG_POOL_MAX',
        default: '10',
        description: 'Most PostgreSQL connections one replica holds',
      },
      {
        name: 'PG_CONNECT_TIMEOUT_MS',
        default: '5000',
        description: 'How long a query waits for a pooled connection before failing',
      },
      {
        name: 'PG_STATEMENT_TIMEOUT_MS',
        default: '10000',
        description: 'The longest a single SQL statement may run',
      },
      {
        name: 'JWT_SIGNING_KEY',
        default: '',
        description:
          'The PKCS#8 PEM EC P-256 private key that signs access tokens (ES256); required unless JWT_ALLOW_EPHEMERAL_KEY=true',
        secret: true,
      },
      {
        name: 'JWT_PREVIOUS_PUBLIC_KEYS',
        default: '',
        description:
          'PEM public keys of retired signing keys, one BEGIN/END block each, still published in the JWKS until the tokens they signed expire',
      },
      {
        name: 'JWT_ALLOW_EPHEMERAL_KEY',
        default: 'false',
        description:
          'Local stacks only: without JWT_SIGNING_KEY, generate an in-memory signing key at start (tokens die with the process; one replica only)',
      },
      {
        name: 'ACCESS_TOKEN_TTL_SECONDS',
        default: '900',
        description: 'Lifetime of an access token (at most 3600)',
      },
      {
        name: 'REFRESH_TOKEN_TTL_SECONDS',
        default: '2592000',
        description:
          'Lifetime of a session: its refresh tokens rotate, but the session ends this long after sign-in',
      },
      {
        name: 'LOGIN_LOCKOUT_THRESHOLD',
        default: '5',
        description:
          'Failed sign-ins on one account from one IP address that lock that address out of the account',
      },
      {
        name: 'LOGIN_ACCOUNT_LOCKOUT_THRESHOLD',
        default: '50',
        description:
          'Failed sign-ins on one account from all addresses that lock it for addresses it has never signed in from',
      },
      {
        name: 'LOGIN_LOCKOUT_SECONDS',
        default: '900',
        description: 'How long a lockout lasts, and the window in which failures are counted',
      },
      {
        name: 'PASSWORD_RESET_TTL_SECONDS',
        default: '3600',
        description: 'How long a password-reset link stays usable',
      },
      {
        name: 'PASSWORD_RESET_MAILS_PER_ADDRESS',
        default: '3',
        description:
          'Password-reset mails one address receives per window, however many clients ask; later requests answer 202 and send nothing',
      },
      {
        name: 'PASSWORD_RESET_MAIL_WINDOW_SECONDS',
        default: '3600',
        description: 'The window PASSWORD_RESET_MAILS_PER_ADDRESS counts in',
      },
      {
        name: 'EMAIL_VERIFICATION_TTL_SECONDS',
        default: '86400',
        description: 'How long an email-verification link stays usable',
      },
      {
        name: 'PUBLIC_APP_URL',
        default: 'http://localhost:3007',
        description: 'Where people reach the web app: links in mails and the page OAuth sign-in returns to',
        browserFacing: true,
      },
      {
        name: 'PUBLIC_API_URL',
        default: 'http://localhost:3000',
        description:
          'Where browsers reach the gateway: the base of the OAuth redirect URIs registered with providers',
        browserFacing: true,
      },
      {
        name: 'MAILER',
        default: 'log',
        description:
          'How mail leaves: log (the service log), outbox (JSON files in MAIL_OUTBOX_DIR) or ses (Amazon SES)',
      },
      {
        name: 'MAIL_FROM',
        default: 'What If <no-reply@whatif.local>',
        description: 'The sender of account mail (an SES-verified identity in AWS)',
      },
      {
        name: 'MAIL_OUTBOX_DIR',
        default: '',
        description: 'The directory MAILER=outbox writes one JSON file per message to',
      },
      {
        name: 'AWS_REGION',
        default: 'us-east-1',
        description: 'AWS region of Amazon SES (MAILER=ses)',
      },
      {
        name: 'OAUTH_GOOGLE_CLIENT_ID',
        default: '',
        description: 'Google sign-in client id; Google sign-in is off while empty',
      },
      {
        name: 'OAUTH_GOOGLE_CLIENT_SECRET',
        default: '',
        description: 'Google sign-in client secret',
        secret: true,
      },
      {
        name: 'OAUTH_GOOGLE_ISSUER',
        default: 'https://accounts.google.com',
        description: "Google's OpenID Connect issuer (discovery is read from it)",
      },
      {
        name: 'OAUTH_FACEBOOK_CLIENT_ID',
        default: '',
        description: 'Facebook Login app id; Facebook sign-in is off while empty',
      },
      {
        name: 'OAUTH_FACEBOOK_CLIENT_SECRET',
        default: '',
        description: 'Facebook Login app secret',
        secret: true,
      },
      {
        name: 'OAUTH_FACEBOOK_DIALOG_URL',
        default: 'https://www.facebook.com/v19.0/dialog/oauth',
        description: "Facebook's authorization dialog",
      },
      {
        name: 'OAUTH_FACEBOOK_GRAPH_URL',
        default: 'https://graph.facebook.com/v19.0',
        description: "Facebook's Graph API (token exchange and /me)",
      },
      {
        name: 'OAUTH_OIDC_PROVIDERS',
        default: '',
        description:
          'More OpenID Connect issuers to sign in with, as a JSON array of {name, issuer, clientId, clientSecret, scopes?}',
        secret: true,
      },
    ],
    awsApis: [
      {
        sid: 'SendMail',
        purpose: 'Send account mail through Amazon SES as the domain of MAIL_FROM (MAILER=ses)',
        actions: ['ses:SendEmail'],
        usedWhen: (env) => env['MAILER'] === 'ses',
        resources: (env, account) => [
          `arn:${account.partition}:ses:${configured(env, 'AWS_REGION')}:${account.accountId}:identity/${senderDomain(configured(env, 'MAIL_FROM'))}`,
        ],
      },
    ],
    outboundHttps: [{ purpose: 'Amazon SES (MAILER=ses)', variable: 'MAILER', listsAnyOf: ['ses'] }],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 150,
    },
    latency: { p99Ms: 500, availability: 0.999 },
    drainSeconds: 15,
    migrations: 'migrations',
  },
  {
    name: 'generation',
    port: 3002,
    description:
      'Turns a question into a structured scenario through a chain of providers, with streaming, caching and quotas',
    public: false,
    routes: [
      { path: '/api/v1/scenarios', exact: true, methods: ['POST'], auth: 'optional' },
      { path: '/api/v1/scenarios/suggestions', exact: true, methods: ['GET'], auth: 'public' },
    ],
    stores: ['redis'],
    dynamoTables: [],
    calls: ['history', 'user'],
    env: [
      {
        name: 'GENERATION_PROVIDERS',
        default: 'local',
        description:
          'Providers to try, in order, comma-separated: local, openai, anthropic, bedrock; local is always tried last even when not listed',
      },
      {
        name: 'PROVIDER_IDLE_TIMEOUT_MS',
        default: '20000',
        description:
          'How long a remote provider stream may stay silent before it is abandoned for the next provider',
      },
      {
        name: 'PROVIDER_TIMEOUT_MS',
        default: '120000',
        description: 'The longest one remote provider attempt may take in all',
      },
      {
        name: 'PROVIDER_MAX_TOKENS',
        default: '4096',
        description: 'The most output tokens a remote model may write for one scenario',
      },
      {
        name: 'PROVIDER_BREAKER_ERROR_PERCENT',
        default: '50',
        description:
          "Failure percentage over the breaker's 60 s window that opens a remote provider's circuit",
      },
      {
        name: 'PROVIDER_BREAKER_VOLUME',
        default: '5',
        description: 'Attempts within the window before the failure percentage can open the circuit',
      },
      {
        name: 'PROVIDER_BREAKER_RESET_MS',
        default: '30000',
        description: 'How long an open circuit skips its provider before letting one trial request through',
      },
      {
        name: 'OPENAI_BASE_URL',
        default: 'https://api.openai.com/v1',
        description:
          'Base URL of an OpenAI-compatible chat-completions API (OpenAI, Azure OpenAI, Ollama http://localhost:11434/v1, vLLM, llama.cpp server)',
      },
      {
        name: 'OPENAI_API_KEY',
        default: '',
        description: 'Bearer key for the OpenAI-compatible API; empty sends none (local servers)',
        secret: true,
      },
      {
        name: 'OPENAI_MODEL',
        default: 'gpt-4o-mini',
        description:
          'Model name sent to the OpenAI-compatible API; empty asks the server (GET /models) and uses the first model it serves, as suits a local model server',
      },
      {
        name: 'ANTHROPIC_BASE_URL',
        default: 'https://api.anthropic.com',
        description: 'Base URL of the Anthropic Messages API',
      },
      {
        name: 'ANTHROPIC_API_KEY',
        default: '',
        description: 'Anthropic API key; required when GENERATION_PROVIDERS lists anthropic',
        secret: true,
      },
      { name: 'ANTHROPIC_MODEL', default: 'claude-sonnet-4-5', description: 'Anthropic model name' },
      {
        name: 'BEDROCK_REGION',
        default: 'us-east-1',
        description: 'AWS region of Amazon Bedrock (credentials come from the task or pod role)',
      },
      {
        name: 'BEDROCK_ENDPOINT',
        default: '',
        description: 'Bedrock runtime endpoint override (a VPC endpoint); empty uses the regional one',
      },
      {
        name: 'BEDROCK_MODEL_ID',
        default: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        description:
          'Bedrock model or cross-region inference profile id for ConverseStream (a current Anthropic or Amazon model, e.g. us.amazon.nova-2-lite-v1:0); its access must be enabled in the Bedrock console',
      },
      {
        name: 'CACHE_TTL_SECONDS',
        default: '86400',
        description: 'How long an identical request is answered from the Redis cache; 0 turns the cache off',
      },
      {
        name: 'QUOTA_ANONYMOUS_PER_DAY',
        default: '5',
        description: 'Scenarios one anonymous client IP may generate per UTC day',
      },
      {
        name: 'QUOTA_USER_PER_DAY',
        default: '50',
        description: 'Scenarios one signed-in user may generate per UTC day',
      },
      {
        name: 'QUOTA_MODERATOR_PER_DAY',
        default: '200',
        description: "Daily scenarios for a moderator (a user's highest role sets the quota)",
      },
      {
        name: 'QUOTA_ADMIN_PER_DAY',
        default: '1000',
        description: 'Daily scenarios for an admin',
      },
      {
        name: 'SSE_HEARTBEAT_MS',
        default: '15000',
        description: 'Interval of the comment lines that keep an event stream alive through proxies',
      },
    ],
    awsApis: [
      {
        sid: 'InvokeBedrockModel',
        purpose:
          'Write scenarios with the Amazon Bedrock model BEDROCK_MODEL_ID (GENERATION_PROVIDERS lists bedrock): Converse and ConverseStream',
        actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        usedWhen: (env) => listIncludes(env['GENERATION_PROVIDERS'], 'bedrock'),
        resources: (env, account) =>
          bedrockModelArns(configured(env, 'BEDROCK_MODEL_ID'), configured(env, 'BEDROCK_REGION'), account),
      },
    ],
    outboundHttps: [
      {
        purpose:
          'The remote AI providers GENERATION_PROVIDERS names (OpenAI-compatible, Anthropic, Amazon Bedrock)',
        variable: 'GENERATION_PROVIDERS',
        listsAnyOf: ['openai', 'anthropic', 'bedrock'],
      },
    ],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 1000 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 10,
      targetCpuPercent: 60,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 120,
    },
    latency: { p99Ms: 30000, availability: 0.995 },
    drainSeconds: 60,
  },
  {
    name: 'history',
    port: 3003,
    description: "Each user's saved scenarios: list, read, delete, favourite, tag",
    public: false,
    routes: [{ path: '/api/v1/scenarios', auth: 'required' }],
    stores: ['dynamodb'],
    dynamoTables: [
      {
        ...singleTable('scenarios'),
        globalIndexes: [
          ...(singleTable('scenarios').globalIndexes ?? []),
          // Sparse: only favourites carry gsi2 keys, so "my favourites" reads favourites alone.
          {
            name: 'gsi2',
            partitionKey: { name: 'gsi2pk', type: 'S' },
            sortKey: { name: 'gsi2sk', type: 'S' },
          },
        ],
      },
    ],
    // social: the activity events that earn experience (a scenario saved).
    calls: ['user', 'social'],
    // A deleted scenario reaches its shares, posts and videos.
    purges: { owns: ['scenario'], receives: ['account'] },
    env: [
      {
        name: 'HISTORY_CURSOR_SECRET',
        default: '',
        description:
          'The HMAC key that signs list cursors (32+ characters, shared by every replica); empty: a random key is generated once per deployment and kept in the scenarios table',
        secret: true,
      },
    ],
    awsApis: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 35,
    },
    latency: { p99Ms: 250, availability: 0.999 },
    drainSeconds: 15,
  },
  {
    name: 'sharing',
    port: 3004,
    description: 'Share links: create, read publicly, expire, revoke, count views; Open Graph preview pages',
    public: false,
    routes: [
      { path: '/api/v1/shares', auth: 'optional' },
      { path: '/s', auth: 'public' },
    ],
    stores: ['dynamodb'],
    dynamoTables: [
      {
        ...singleTable('shares', 'expiresAt'),
        globalIndexes: [
          ...(singleTable('shares').globalIndexes ?? []),
          // A scenario's shares: deleting or moderating a scenario reaches every link to it.
          {
            name: 'gsi2',
            partitionKey: { name: 'gsi2pk', type: 'S' },
            sortKey: { name: 'gsi2sk', type: 'S' },
          },
        ],
      },
    ],
    calls: ['history', 'social', 'user'],
    // A deleted share reaches what social holds about it (its reports and moderation case).
    purges: { owns: ['share'], receives: ['account', 'scenario'] },
    env: [
      {
        name: 'PUBLIC_API_URL',
        default: 'http://localhost:3000',
        description:
          'Where people open share links: the origin that serves /s (the gateway locally, the site behind CloudFront on ECS); share URLs, og:url and og:image start with it',
        browserFacing: true,
      },
      {
        name: 'PUBLIC_APP_URL',
        default: 'http://localhost:3007',
        description: 'Where people reach the web app: the share pages link into it',
        browserFacing: true,
      },
      {
        name: 'SCENARIO_CACHE_SECONDS',
        default: '30',
        description:
          "How long a share page reuses history's answer about its scenario and the user service's about its owner's account (0-30): bounds how late the shares of a deleted scenario or account stop answering",
      },
      {
        name: 'SHARE_PASSWORD_FAILURES_PER_SHARE',
        default: '10',
        description:
          'Wrong passwords one protected share accepts per window before every attempt answers 429',
      },
      {
        name: 'SHARE_PASSWORD_FAILURES_PER_IP',
        default: '30',
        description: 'Wrong share passwords one client address may send per window, across shares',
      },
      {
        name: 'SHARE_PASSWORD_WINDOW_SECONDS',
        default: '900',
        description: 'The window the share-password limits count in',
      },
      {
        name: 'REPORTS_PER_IP_PER_HOUR',
        default: '10',
        description: 'Reports one network (IPv4 /24, IPv6 /48) may file per hour',
      },
      {
        name: 'COUNTRY_HEADER',
        default: 'cloudfront-viewer-country',
        description:
          "The request header in which the edge names the viewer's country (ISO 3166-1 alpha-2) for share analytics; only the edge may set it",
      },
    ],
    awsApis: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 50,
    },
    latency: { p99Ms: 250, availability: 0.999 },
    drainSeconds: 15,
  },
  {
    name: 'video',
    port: 3005,
    description: 'Narrated scenario videos: a job queue, text to speech, ffmpeg rendering and storage',
    public: false,
    routes: [{ path: '/api/v1/videos', auth: 'optional' }],
    stores: ['redis', 'dynamodb'],
    dynamoTables: [
      {
        ...singleTable('videos', 'expiresAt'),
        globalIndexes: [
          ...(singleTable('videos').globalIndexes ?? []),
          // A scenario's videos, so deleting a scenario finds every one of them.
          {
            name: 'gsi2',
            partitionKey: { name: 'gsi2pk', type: 'S' },
            sortKey: { name: 'gsi2sk', type: 'S' },
          },
          // Sparse: only accepted and running jobs carry gsi3 keys, which the sweeper reads.
          {
            name: 'gsi3',
            partitionKey: { name: 'gsi3pk', type: 'S' },
            sortKey: { name: 'gsi3sk', type: 'S' },
          },
        ],
      },
    ],
    // history: the caller's own scenarios; sharing: shared ones (opened, then checked on every read).
    calls: ['history', 'sharing', 'user'],
    purges: { receives: ['account', 'scenario'] },
    env: videoEnv,
    awsApis: [
      {
        sid: 'SynthesizeSpeech',
        purpose: 'Narrate videos with Amazon Polly in the languages it has a voice for (VIDEO_SPEECH=polly)',
        actions: ['polly:SynthesizeSpeech'],
        usedWhen: (env) => env['VIDEO_SPEECH'] === 'polly',
        // Polly's voices are not resources: SynthesizeSpeech is granted on lexicons or on all.
        resources: () => ['*'],
      },
    ],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 4,
      targetCpuPercent: 70,
      targetMemoryPercent: 80,
      targetRequestsPerSecond: 40,
    },
    latency: { p99Ms: 1000, availability: 0.99 },
    // Progress streams stay open while a video renders; a deploy gives them time to end.
    drainSeconds: 60,
    objectStorage: {
      storageVariable: 'VIDEO_STORAGE',
      bucketVariable: 'VIDEO_BUCKET',
      directoryVariable: 'VIDEO_STORAGE_DIR',
    },
    workers: [
      {
        name: 'video-worker',
        description:
          'Renders videos from the queue: script, speech (espeak-ng or Amazon Polly), slides, ffmpeg, upload',
        command: ['node', 'dist/worker.js'],
        port: 3008,
        queue: 'videos',
        health,
        resources: {
          // ffmpeg's encoder takes what it is given; a render of 60 s at 720p needs one core.
          cpu: { requestMillicores: 1000, limitMillicores: 2000 },
          memory: { requestMiB: 768, limitMiB: 1536 },
          // Audio, slides and the encoded video sit in /tmp until they are uploaded.
          scratchMiB: 2048,
        },
        scaling: { minReplicas: 1, maxReplicas: 6, targetCpuPercent: 70, jobsPerReplica: 2 },
        drainSeconds: 110,
        cloudWatch: {
          namespace: 'WhatIf',
          environmentDimension: 'Environment',
          queueDepth: 'VideoQueueDepth',
          jobsFailed: 'VideoJobsFailed',
        },
      },
    ],
    systemPackages: ['ffmpeg', 'espeak-ng', 'fonts-dejavu-core'],
  },
  {
    name: 'social',
    port: 3006,
    description: 'Likes, comments, follows, the public feed, trending, reports and moderation',
    public: false,
    routes: [
      { path: '/api/v1/feed', auth: 'optional' },
      { path: '/api/v1/social', auth: 'optional' },
    ],
    stores: ['dynamodb'],
    dynamoTables: [
      {
        // expiresAt: the per-minute comment allowances remove themselves.
        ...singleTable('social', 'expiresAt'),
        globalIndexes: [
          ...(singleTable('social').globalIndexes ?? []),
          // Overloaded like gsi1: an author's posts, and the accounts a user follows.
          {
            name: 'gsi2',
            partitionKey: { name: 'gsi2pk', type: 'S' },
            sortKey: { name: 'gsi2sk', type: 'S' },
          },
        ],
      },
    ],
    calls: ['history', 'sharing', 'user'],
    // A post's comments, likes and cases are social's own: its relay completes them (no receiver).
    purges: { owns: ['post'], receives: ['account', 'scenario', 'share'] },
    env: [
      {
        name: 'TRENDING_REFRESH_SECONDS',
        default: '60',
        description:
          'How old the saved trending ranking of a window may be before the next reader has it computed again; a cursor keeps paging the ranking it started in (0 recomputes on every first page)',
      },
      {
        name: 'LEADERBOARD_POLL_MS',
        default: '5000',
        description:
          "How often each replica looks for users whose leaderboard entries another replica left stale (it died before refreshing them); a replica refreshes its own awards' boards at once. The LeaderboardsStale alert fires at 5 minutes behind",
      },
      {
        name: 'FANOUT_POLL_MS',
        default: '1000',
        description:
          "How often each replica looks for wide authors' fan-outs to finish (followers past the newest 500 get a post from a background job); followers wait up to this long plus the writing",
      },
      {
        name: 'FANOUT_LEASE_MS',
        default: '60000',
        description:
          'How long a replica holds a fan-out job before another may take it over (each page of 500 followers renews it): how much a replica that dies mid-job delays the rest of its followers. Keep it well above the time a page takes',
      },
    ],
    awsApis: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
      scratchMiB: 256,
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 8,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 28,
    },
    latency: { p99Ms: 300, availability: 0.999 },
    drainSeconds: 15,
  },
];

/** The services that remove derived data of a kind when its owner relays an instruction. */
function purgeReceiversIn(entries: readonly ServiceEntry[], kind: PurgeKind): ServiceName[] {
  return entries.filter((entry) => entry.purges?.receives?.includes(kind)).map((entry) => entry.name);
}

/**
 * Every service as declared, with the receivers of the purge kinds it owns added to its calls:
 * registering a receiver is one catalog entry, and the owner's network access follows.
 */
export const services: readonly ServiceEntry[] = declaredServices.map((entry) => {
  const receivers = (entry.purges?.owns ?? []).flatMap((kind) => purgeReceiversIn(declaredServices, kind));
  const calls = [...new Set([...entry.calls, ...receivers])].filter((callee) => callee !== entry.name);
  return { ...entry, calls };
});

/** The services that receive purge instructions of a kind. */
export function purgeReceivers(kind: PurgeKind): ServiceName[] {
  return purgeReceiversIn(services, kind);
}

/**
 * The services that may send this one purge instructions: the owners of the kinds it receives
 * (its `POST /internal/v1/purges` admits only them).
 */
export function purgeSenders(name: ServiceName): ServiceName[] {
  const received = service(name).purges?.receives ?? [];
  return services
    .filter((entry) => (entry.purges?.owns ?? []).some((kind) => received.includes(kind)))
    .map((entry) => entry.name);
}

/** The services that may call this one: those whose `calls` name it. */
export function callersOf(name: ServiceName): ServiceName[] {
  return services.filter((entry) => entry.calls.includes(name)).map((entry) => entry.name);
}

export const frontend: FrontendEntry = {
  name: 'frontend',
  port: 3007,
  description:
    "The Next.js web app as a static export (frontend/out): served from S3 + CloudFront in production, by the launcher's web server under make dev; it calls the API on its own origin (/api, /s)",
  env: [],
  // Pages carry the rest of their policy, with the hashes of their own inline scripts, in a
  // <meta> (frontend/scripts/content-security-policy.mjs); the browser enforces both.
  contentSecurityPolicy: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  languages: ['en', 'vi'],
  pages: [
    '',
    '/account',
    '/admin',
    '/auth/complete',
    '/feed',
    '/forgot-password',
    '/history',
    '/leaderboard',
    '/moderation',
    '/notifications',
    '/post',
    '/profile',
    '/reset-password',
    '/scenario',
    '/shares',
    '/sign-in',
    '/sign-up',
    '/verify-email',
    '/video',
    '/videos',
  ],
  entryPages: ['/', '/auth/complete', '/reset-password', '/settings/sign-in', '/verify-email'],
};

export function service(name: ServiceName): ServiceEntry {
  const entry = services.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`The catalog has no service named "${name}"`);
  return entry;
}

/** The well-known ports of the stores, for the local stack and the container renderings. */
export const storePorts = { postgres: 5432, redis: 6379, dynamodb: 8000 } as const;
