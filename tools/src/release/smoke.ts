#!/usr/bin/env node
import { smokeCheck } from './smoke-checks';

/**
 * make smoke URL=https://<site>: the checks the release workflow runs after each deploy.
 * Prints one line per check and exits 1 when any failed.
 */
async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) {
    process.stderr.write(`usage: smoke.js <https://site> (got '${url ?? ''}')\n`);
    process.exit(2);
  }
  const results = await smokeCheck(url);
  for (const result of results)
    process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.check}: ${result.detail}\n`);
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

void main();
