import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeleteTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamo } from '@what-if/kit/dynamodb';
import { Client } from 'pg';
import { removeScratchKeys } from '../bench/scratch-keys';
import { catalogDefault, defaultRepoRoot } from '../dev/config';
import { startDynalite } from '../dev/dynamo';
import { type PrivateStack, freePorts, newRunId, startPrivateStack } from '../harness/private-stack';
import { DataSet } from './data-set';
import {
  postgresBinDir,
  giveToDatabaseAccount,
  runAsDatabaseAccountAsync,
  startDrillCluster,
  stopCluster,
} from './postgres-cluster';
import { disasterRecoveryRunbook, drillBlock, readRunbook, recoveryTargets } from './runbook';
import { type DrillStep, drillSteps } from './steps';

const liveTablePrefix = 'live-';
const restoredTablePrefix = 'restored-';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (text: string) => process.stdout.write(`dr-drill: ${text}\n`);

async function main(): Promise<void> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const repoRoot = defaultRepoRoot;
  const runbookText = readFileSync(disasterRecoveryRunbook, 'utf8');
  const blocks = readRunbook();
  for (const step of drillSteps) drillBlock(blocks, step);
  const targets = recoveryTargets(runbookText, 'drill-targets');
  const binDir = postgresBinDir();

  const work = mkdtempSync(path.join(os.tmpdir(), 'whatif-dr-'));
  const layout = {
    socketDir: path.join(work, 'sockets'),
    dataDir: path.join(work, 'postgres'),
    walArchive: path.join(work, 'wal-archive'),
    backupDir: path.join(work, 'backup'),
    restoreDataDir: path.join(work, 'postgres-restored'),
    exportDir: path.join(work, 'dynamodb-exports'),
  };
  giveToDatabaseAccount(work);
  for (const folder of [layout.socketDir, layout.walArchive, layout.backupDir, layout.exportDir]) {
    mkdirSync(folder, { recursive: true });
    giveToDatabaseAccount(folder);
  }
  const logDir = path.join(repoRoot, '.dr');
  mkdirSync(logDir, { recursive: true });
  say(`working in ${work}; stack logs in ${path.relative(repoRoot, logDir)}/`);

  const [livePort, restoredPort, dynamoPort] = await freePorts(3);
  const baseEnv: Record<string, string> = {
    PATH: `${binDir}:${process.env['PATH'] ?? ''}`,
    HOME: work,
    PGHOST: '127.0.0.1',
    PGUSER: 'whatif',
    // Said once by the drill, not by every command (the launcher does the same for the services).
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const cleanUps: (() => Promise<unknown> | unknown)[] = [];
  let succeeded = false;
  const executed = new Set<DrillStep>();
  const runStep = async (step: DrillStep, vars: Record<string, string>) => {
    const started = performance.now();
    const result = await runAsDatabaseAccountAsync(
      'bash',
      ['-euo', 'pipefail', '-c', drillBlock(blocks, step)],
      { ...baseEnv, ...vars },
      repoRoot,
    );
    for (const line of result.output.trimEnd().split('\n').filter(Boolean)) say(`  ${step} | ${line}`);
    if (result.status !== 0) throw new Error(`the runbook's ${step} block failed (exit ${result.status})`);
    executed.add(step);
    say(`${step}: done in ${seconds(performance.now() - started)}`);
  };

  try {
    // The stand-ins: PostgreSQL archiving its WAL (RDS), a DynamoDB endpoint (the tables), Redis as it is.
    const cluster = startDrillCluster({
      binDir,
      dataDir: layout.dataDir,
      walArchive: layout.walArchive,
      socketDir: layout.socketDir,
      port: livePort!,
      env: baseEnv,
      cwd: repoRoot,
    });
    cleanUps.push(() => stopCluster(binDir, layout.dataDir, 'immediate', baseEnv, repoRoot));
    const dynamo = await startDynalite({ port: dynamoPort! });
    cleanUps.push(() => dynamo.close());
    const dynamoClient = createDynamo({
      endpoint: dynamo.endpoint,
      region: catalogDefault('AWS_REGION'),
      tables: [],
    });
    cleanUps.push(() => dynamoClient.close());
    say(
      `PostgreSQL on 127.0.0.1:${cluster.port} archiving WAL to ${layout.walArchive}; DynamoDB (dynalite) on ${dynamo.endpoint}`,
    );

    // Secrets outlive a data restore (Secrets Manager is not the database): both stacks share them.
    const jwtSigningKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const runId = newRunId();
    const redisUrl = process.env['REDIS_URL'] || catalogDefault('REDIS_URL');
    const startStack = (port: number, tablePrefix: string, logName: string): Promise<PrivateStack> =>
      startPrivateStack({
        label: 'dr',
        runId,
        logFile: path.join(logDir, logName),
        env: {
          ...process.env,
          DATABASE_URL: `postgres://whatif@127.0.0.1:${port}/postgres`,
          REDIS_URL: redisUrl,
        },
        dynamodb: { port: dynamoPort!, tablePrefix },
        serviceEnvironment: () => ({ JWT_SIGNING_KEY: jwtSigningKey }),
        repoRoot,
      });

    let started = performance.now();
    const live = await startStack(cluster.port, liveTablePrefix, 'stack-live.log');
    cleanUps.push(() => live.stop());
    say(`the stack is up on ${live.urls.gateway} (${seconds(performance.now() - started)})`);
    const stepVars = {
      PGPORT: String(cluster.port),
      BACKUP_DIR: layout.backupDir,
      WAL_ARCHIVE: layout.walArchive,
      RESTORE_DATA_DIR: layout.restoreDataDir,
      RESTORE_PGPORT: String(restoredPort),
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: liveTablePrefix,
      RESTORED_TABLE_PREFIX: restoredTablePrefix,
      EXPORT_DIR: layout.exportDir,
      AWS_REGION: catalogDefault('AWS_REGION'),
    };

    const data = new DataSet(live.urls.gateway, runId);
    const first = await data.write('before-backup');
    say(
      `wrote wave 1 (2 accounts, 2 scenarios, shares, posts, a follow, a like) by ${first.finishedAt.toISOString()}`,
    );
    await runStep('pg-base-backup', stepVars);
    await runStep('dynamodb-export', stepVars);

    const second = await data.write('before-target');
    say(
      `wrote wave 2 (an account, 2 scenarios, shares, posts, a like) by ${second.finishedAt.toISOString()}`,
    );
    // DynamoDB's continuous backup, locally: another export after the second wave.
    await runStep('dynamodb-export', stepVars);
    await sleep(250);
    const targetTime = new Date();
    say(`restore target: ${targetTime.toISOString()}`);
    await sleep(250);

    const third = await data.write('after-target');
    say(
      `wrote wave 3 (an account, 2 scenarios, shares, posts, a like, a follow) by ${third.finishedAt.toISOString()}`,
    );
    await runStep('dynamodb-export', stepVars);
    // The archive must reach past the target for a point-in-time restore to stop at it: wait
    // until the segment holding the third wave's last write is archived (archive_timeout, 1 s).
    const archiveWatch = new Client({
      connectionString: `postgres://whatif@127.0.0.1:${cluster.port}/postgres`,
    });
    await archiveWatch.connect();
    const archived = async () =>
      (
        await archiveWatch.query<{ wal: string | null; at: Date | null }>(
          'select last_archived_wal as wal, last_archived_time as at from pg_stat_archiver',
        )
      ).rows[0]!;
    const needed = (
      await archiveWatch.query<{ wal: string }>('select pg_walfile_name(pg_current_wal_lsn() - 1) as wal')
    ).rows[0]!.wal;
    const archiveDeadline = Date.now() + 15_000;
    while (((await archived()).wal ?? '') < needed) {
      if (Date.now() > archiveDeadline) throw new Error(`PostgreSQL did not archive ${needed} within 15 s`);
      await sleep(100);
    }

    // The disaster: the database server and its disk are lost, every table is deleted, Redis is emptied.
    const disasterAt = new Date();
    const recoveryPoints = {
      PostgreSQL: (await archived()).at!,
      DynamoDB: new Date(
        readdirSync(layout.exportDir)
          .map(
            (name) =>
              JSON.parse(readFileSync(path.join(layout.exportDir, name, 'manifest.json'), 'utf8')) as {
                finishedAt: string;
              },
          )
          .map((manifest) => manifest.finishedAt)
          .sort()
          .at(-1)!,
      ),
    };
    await archiveWatch.end();
    stopCluster(binDir, layout.dataDir, 'immediate', baseEnv, repoRoot);
    rmSync(layout.dataDir, { recursive: true, force: true });
    const tables = (await dynamoClient.client.send(new ListTablesCommand({}))).TableNames ?? [];
    for (const table of tables) await dynamoClient.client.send(new DeleteTableCommand({ TableName: table }));
    await removeScratchKeys(redisUrl, `dr:${runId}:`);
    say(
      `disaster at ${disasterAt.toISOString()}: PostgreSQL's data directory removed, ${tables.length} tables deleted, the run's Redis keys removed`,
    );
    started = performance.now();
    await live.stop();
    say(`the broken stack is stopped (${seconds(performance.now() - started)})`);

    // The recovery, as the runbook has it.
    // PostgreSQL takes a numeric offset, not "Z" (which it reads as a time zone abbreviation).
    const restoreVars = {
      ...stepVars,
      TARGET_TIME: targetTime.toISOString().replace('Z', '+00:00'),
      PGPORT: String(restoredPort),
    };
    await runStep('pg-restore', restoreVars);
    cleanUps.push(() => stopCluster(binDir, layout.restoreDataDir, 'fast', baseEnv, repoRoot));
    await runStep('dynamodb-restore', restoreVars);
    started = performance.now();
    const restored = await startStack(restoredPort!, restoredTablePrefix, 'stack-restored.log');
    cleanUps.push(() => restored.stop());
    say(`the stack is up again on the restored data (${seconds(performance.now() - started)})`);
    await runStep('verify-health', { ...restoreVars, API_URL: restored.urls.gateway });
    const healthyAt = new Date();

    const verdict = await data.verify(restored.urls.gateway, new Set(['before-backup', 'before-target']));
    for (const problem of verdict.wrong) say(`WRONG: ${problem}`);
    say(
      `verified ${verdict.checked} facts through the API: ${verdict.checked - verdict.wrong.length} as expected`,
    );

    const unrun = blocks.filter((block) => block.kind === 'drill' && !executed.has(block.step as DrillStep));
    const rto = (healthyAt.getTime() - disasterAt.getTime()) / 1000;
    const problems = [...verdict.wrong.map((problem) => `the restore is not exact: ${problem}`)];
    for (const block of unrun)
      problems.push(
        `the runbook's ${block.kind === 'drill' ? block.step : ''} block (line ${block.line}) was not run`,
      );
    say('measured:');
    for (const [store, point] of Object.entries(recoveryPoints)) {
      const rpo = (disasterAt.getTime() - point.getTime()) / 1000;
      const target = targets.find((entry) => entry.store === store);
      if (!target) {
        problems.push(`the runbook's drill-targets table has no row for ${store}`);
        continue;
      }
      say(
        `  ${store}: RPO ${rpo.toFixed(1)} s (newest recovery point ${point.toISOString()}; target ${target.rpoSeconds} s), RTO ${rto.toFixed(1)} s (disaster to healthy on restored data; target ${target.rtoSeconds} s)`,
      );
      if (rpo > target.rpoSeconds)
        problems.push(`${store}'s RPO ${rpo.toFixed(1)} s is over the target of ${target.rpoSeconds} s`);
      if (rto > target.rtoSeconds)
        problems.push(`${store}'s RTO ${rto.toFixed(1)} s is over the target of ${target.rtoSeconds} s`);
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
    succeeded = true;
    say('passed: exactly the writes before the target time are back');
  } finally {
    for (const cleanUp of cleanUps.reverse())
      await Promise.resolve()
        .then(cleanUp)
        .catch(() => undefined);
    if (succeeded) rmSync(work, { recursive: true, force: true });
    else say(`left ${work} for a look (PostgreSQL's logs, the WAL archive, the exports)`);
  }
}

const started = performance.now();
main().then(
  () => say(`finished in ${seconds(performance.now() - started)}`),
  (error: unknown) => {
    process.stderr.write(`dr-drill: FAILED: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
