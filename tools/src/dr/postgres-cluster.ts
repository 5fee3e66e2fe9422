import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The drill's own PostgreSQL server, standing in for RDS: a cluster of its own (data directory,
 * port, WAL archive), never the shared server on 5432. WAL is archived as RDS ships it to S3, but
 * every second instead of every five minutes, in 1 MB segments so forced switches stay cheap.
 */

/** PostgreSQL's server programs (initdb, pg_ctl) are off PATH on Debian: find them. */
export function postgresBinDir(): string {
  const found = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (found) return path.dirname(found);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'the drill needs PostgreSQL server programs (initdb, pg_ctl, pg_basebackup): sudo apt-get install postgresql',
    );
  }
  return path.join(root, versions[0]!, 'bin');
}

/**
 * PostgreSQL refuses to run as root; as root (CI), the drill acts as the `postgres` account that
 * Debian's package creates, and its working folders belong to that account.
 */
export const actsAsPostgres = process.getuid?.() === 0;

export function databaseAccount(): { uid: number; gid: number } | undefined {
  if (!actsAsPostgres) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export function giveToDatabaseAccount(folder: string): void {
  const account = databaseAccount();
  if (account) chownSync(folder, account.uid, account.gid);
}

function asDatabaseAccount(program: string, args: readonly string[], env: Record<string, string>): string[] {
  return actsAsPostgres
    ? [
        'runuser',
        '-u',
        'postgres',
        '--',
        'env',
        ...Object.entries(env).map(([name, value]) => `${name}=${value}`),
        program,
        ...args,
      ]
    : [program, ...args];
}

/** Runs a program as the database's account, with `env` set; for short steps while nothing else must be served. */
export function runAsDatabaseAccount(
  program: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): { status: number | null; output: string } {
  const command = asDatabaseAccount(program, args, env);
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/**
 * The same without blocking this process, which serves DynamoDB (dynalite) and supervises the
 * stack while a runbook block runs.
 */
export function runAsDatabaseAccountAsync(
  program: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ status: number | null; output: string }> {
  const command = asDatabaseAccount(program, args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

export interface DrillCluster {
  dataDir: string;
  walArchive: string;
  port: number;
  user: string;
}

function mustRun(program: string, args: readonly string[], env: Record<string, string>, cwd: string): string {
  const result = runAsDatabaseAccount(program, args, env, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(program)} ${args.join(' ')} failed (${result.status}):\n${result.output}`,
    );
  }
  return result.output;
}

/** initdb, archiving configured, started and accepting connections. */
export function startDrillCluster(options: {
  binDir: string;
  dataDir: string;
  walArchive: string;
  socketDir: string;
  port: number;
  env: Record<string, string>;
  cwd: string;
}): DrillCluster {
  const user = 'whatif';
  mustRun(
    path.join(options.binDir, 'initdb'),
    [
      '--pgdata',
      options.dataDir,
      '--username',
      user,
      '--auth',
      'trust',
      '--wal-segsize',
      '1',
      '--no-sync',
      '--no-instructions',
    ],
    options.env,
    options.cwd,
  );
  appendFileSync(
    path.join(options.dataDir, 'postgresql.conf'),
    [
      '',
      '# The disaster-recovery drill: loopback only, archiving as production backs up.',
      "listen_addresses = '127.0.0.1'",
      `port = ${options.port}`,
      `unix_socket_directories = '${options.socketDir}'`,
      'wal_level = replica',
      'archive_mode = on',
      `archive_command = 'test ! -f ${options.walArchive}/%f && cp %p ${options.walArchive}/%f'`,
      "archive_timeout = '1s'",
      // A throwaway cluster: durability of its own files is not what the drill rehearses.
      'fsync = off',
      'shared_buffers = 16MB',
      '',
    ].join('\n'),
  );
  mustRun(
    path.join(options.binDir, 'pg_ctl'),
    [
      'start',
      '--pgdata',
      options.dataDir,
      '--log',
      path.join(options.dataDir, '..', 'postgres.log'),
      '--wait',
      '--silent',
    ],
    options.env,
    options.cwd,
  );
  return { dataDir: options.dataDir, walArchive: options.walArchive, port: options.port, user };
}

/** Stops a cluster; `immediate` is a crash (no checkpoint), as a lost server would be. */
export function stopCluster(
  binDir: string,
  dataDir: string,
  mode: 'fast' | 'immediate',
  env: Record<string, string>,
  cwd: string,
) {
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  runAsDatabaseAccount(
    path.join(binDir, 'pg_ctl'),
    ['stop', '--pgdata', dataDir, '--mode', mode, '--wait', '--silent'],
    env,
    cwd,
  );
}
