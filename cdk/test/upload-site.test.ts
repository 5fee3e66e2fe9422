import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const script = path.resolve(__dirname, '..', 'scripts', 'upload-site.sh');

/**
 * upload-site.sh against a stand-in `aws` that records each call and answers the stack's
 * outputs: what an operator relies on is the order (assets before the pages naming them), the
 * cache headers and the invalidation.
 */
describe('uploading the web app', () => {
  let scratch: string;
  let calls: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'upload-site-'));
    calls = path.join(scratch, 'calls.log');
    const bin = path.join(scratch, 'bin');
    const site = path.join(scratch, 'out');
    mkdirSync(bin);
    mkdirSync(path.join(site, '_next', 'static'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), '<html></html>');
    writeFileSync(path.join(site, '_next', 'static', 'app-1a2b.js'), '');
    writeFileSync(
      path.join(bin, 'aws'),
      [
        '#!/usr/bin/env bash',
        `echo "$*" >> '${calls}'`,
        'case "$*" in',
        "  *OutputKey==\\'SiteBucketName\\'*) echo whatif-prod-site ;;",
        "  *OutputKey==\\'DistributionId\\'*) echo E2EXAMPLE ;;",
        'esac',
      ].join('\n'),
    );
    chmodSync(path.join(bin, 'aws'), 0o755);
    env = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, SITE_DIR: site };
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('hashed assets go first and stay a year, then the pages, revalidated, then an invalidation', async () => {
    await promisify(execFile)(script, ['WhatIf-prod-Frontend', 'us-east-1'], { env });
    const [bucket, distribution, assets, pages, invalidation, ...rest] = readFileSync(calls, 'utf8')
      .trim()
      .split('\n');
    expect(bucket).toContain('--stack-name WhatIf-prod-Frontend');
    expect(distribution).toContain('--region us-east-1');
    expect(assets).toMatch(/^s3 sync \S+\/_next\/static s3:\/\/whatif-prod-site\/_next\/static /);
    expect(assets).toContain('--cache-control public, max-age=31536000, immutable');
    expect(pages).toMatch(/^s3 sync \S+\/out s3:\/\/whatif-prod-site /);
    expect(pages).toContain('--exclude _next/static/* --delete --cache-control no-cache');
    expect(invalidation).toContain('cloudfront create-invalidation --distribution-id E2EXAMPLE --paths /*');
    expect(rest).toEqual([]);
  });

  test('an export that was never built is refused before anything is uploaded', async () => {
    const unbuilt = { ...env, SITE_DIR: path.join(scratch, 'missing') };
    await expect(
      promisify(execFile)(script, ['WhatIf-prod-Frontend', 'us-east-1'], { env: unbuilt }),
    ).rejects.toThrow(/is not built \(make web-build\)/);
  });
});
