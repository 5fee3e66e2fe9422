/**
 * The web app's end-to-end run (`make web-e2e`, part of `make test`): a whole stack of its own
 * started the way make dev starts one (free ports, its own database, Redis prefix and in-memory
 * dynalite, mail into a scratch outbox, limits that never refuse), the built static export
 * served on one origin with the API as CloudFront serves it, then the browser tests
 * (frontend/e2e, playwright-core driving Debian's Chromium) and Lighthouse against it.
 * Everything it made is removed afterwards; screenshots and reports stay in frontend/reports/.
 */
import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultRepoRoot } from '../dev/config';
import { startPrivateStack } from '../harness/private-stack';

const frontendRoot = path.join(defaultRepoRoot, 'frontend');
const webRoot = path.join(frontendRoot, 'out');
const reportDirectory = path.join(frontendRoot, 'reports');
const chromium = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

function fail(text: string): never {
  process.stderr.write(`web e2e: ${text}\n`);
  process.exit(1);
}

async function register(
  gatewayUrl: string,
  email: string,
  password: string,
  displayName: string,
): Promise<void> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok)
    throw new Error(`registering ${email} answered ${response.status}: ${await response.text()}`);
}

/** Runs a node script in frontend/, its output shown as it comes; resolves with its exit code. */
function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: frontendRoot, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    fail(
      'the web app is not built (frontend/out is missing): make web-build, or npm --prefix frontend run build',
    );
  }
  if (!existsSync(chromium)) {
    fail(`no Chromium at ${chromium}: tools/dev/browser.sh installs Debian's, or set CHROMIUM_PATH to one`);
  }
  mkdirSync(reportDirectory, { recursive: true });
  const outbox = mkdtempSync(path.join(tmpdir(), 'whatif-e2e-outbox-'));
  const videos = mkdtempSync(path.join(tmpdir(), 'whatif-e2e-videos-'));
  const stackLog = path.join(reportDirectory, 'e2e-stack.log');
  process.stdout.write(
    `web e2e: starting a stack of its own (its log: ${path.relative(defaultRepoRoot, stackLog)})\n`,
  );
  const started = performance.now();
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const stack = await startPrivateStack({
    label: 'e2e',
    logFile: stackLog,
    env: process.env,
    webRoot,
    serviceEnvironment: ({ webUrl }) => ({
      MAILER: 'outbox',
      MAIL_OUTBOX_DIR: outbox,
      VIDEO_STORAGE_DIR: videos,
      // One video a day, so the journey meets the quota message on its second request.
      VIDEO_QUOTA_USER_PER_DAY: '1',
      // A share withdrawn during a journey withdraws its videos at once, not up to 30 s later.
      SHARE_CHECK_CACHE_SECONDS: '0',
      // Trending ranks afresh on every first page, so a journey sees a like it just gave.
      TRENDING_REFRESH_SECONDS: '0',
      // The site is where people open everything, share links included, as behind CloudFront.
      ...(webUrl ? { PUBLIC_APP_URL: webUrl, PUBLIC_API_URL: webUrl, CORS_ALLOWED_ORIGINS: webUrl } : {}),
    }),
  });
  let code = 1;
  try {
    const webUrl = stack.webUrl;
    if (!webUrl) throw new Error('the stack serves no web app');
    // An administrator, made as an operator makes one: registered, then promoted with create-admin.
    const admin = {
      email: `e2e-admin-${randomBytes(4).toString('hex')}@example.com`,
      password: `Admin-${randomBytes(6).toString('hex')}-1`,
    };
    await register(stack.urls.gateway, admin.email, admin.password, 'E2E Admin');
    await promisify(execFile)(
      process.execPath,
      [
        path.join(defaultRepoRoot, 'services', 'user', 'dist', 'cli', 'create-admin.js'),
        '--email',
        admin.email,
      ],
      { env: stack.userEnvironment, timeout: 30_000 },
    );
    const env = {
      ...process.env,
      WEB_URL: webUrl,
      OUTBOX_DIR: outbox,
      CHROMIUM_PATH: chromium,
      REPORT_DIR: reportDirectory,
      E2E_ADMIN_EMAIL: admin.email,
      E2E_ADMIN_PASSWORD: admin.password,
    };
    process.stdout.write(
      `web e2e: the stack, the web app (${webUrl}) and an admin were ready in ${seconds(started)}; running the browser tests\n`,
    );
    const browserTests = performance.now();
    // Test files given on the command line (frontend/e2e/sharing.test.mjs) run alone; else all.
    const files = process.argv.slice(2).map((file) => path.relative(frontendRoot, path.resolve(file)));
    code = await runNode(['--test', '--test-concurrency=1', ...(files.length > 0 ? files : ['e2e/'])], env);
    process.stdout.write(`web e2e: the browser tests took ${seconds(browserTests)}\n`);
    if (code === 0 && process.env['WEB_LIGHTHOUSE'] !== '0') {
      const audits = performance.now();
      code = await runNode(['scripts/lighthouse.mjs'], env);
      process.stdout.write(`web e2e: Lighthouse took ${seconds(audits)}\n`);
    }
    const crashes = stack.crashes();
    if (crashes.length > 0) {
      process.stdout.write(`web e2e: a service crashed during the run:\n${crashes.join('\n')}\n`);
      code = 1;
    }
  } finally {
    await stack.stop();
    rmSync(outbox, { recursive: true, force: true });
    rmSync(videos, { recursive: true, force: true });
  }
  process.exitCode = code;
}

main().catch((error: unknown) => {
  process.stderr.write(`web e2e failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
