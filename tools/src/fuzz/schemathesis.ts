import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { FuzzTokens } from './accounts';
import type { FuzzTarget } from './targets';

export interface SchemathesisOptions {
  /** The schemathesis executable in the virtual environment make fuzz creates. */
  executable: string;
  configFile: string;
  /** Each run's log and reports go into a folder of its own under this one. */
  reportDirectory: string;
  maxExamples: number;
  /** The longest one run may take before it is stopped and counted as a hang. */
  runTimeoutSeconds: number;
  seed: number;
  workers: number;
}

export interface SchemathesisResult {
  target: FuzzTarget;
  /** Schemathesis's exit status: 0 when every check passed. */
  exitCode: number | null;
  seconds: number;
  logFile: string;
  /** The closing lines of its output: the summary and, on failure, each finding. */
  summary: string;
}

/** A folder name for a run: "user via gateway (admin)" → "user-via-gateway-admin". */
export function reportFolderName(target: FuzzTarget): string {
  return target.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
}

/** The command line of one run; the tokens travel in the environment the config file reads. */
export function schemathesisArguments(target: FuzzTarget, options: SchemathesisOptions): string[] {
  const reports = path.join(options.reportDirectory, reportFolderName(target));
  return [
    '--config-file',
    options.configFile,
    'run',
    target.schema,
    '--url',
    target.baseUrl,
    '--max-examples',
    String(options.maxExamples),
    '--seed',
    String(options.seed),
    '--workers',
    String(options.workers),
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'junit,ndjson',
    '--report-dir',
    reports,
    ...target.filters,
  ];
}

/** Keeps everything after Schemathesis's own summary heading (its findings and totals). */
function closingLines(output: string): string {
  const lines = output.trimEnd().split('\n');
  const failures = lines.findIndex((line) => /^=+ (FAILURES|ERRORS|SUMMARY) =+$/.test(line.trim()));
  return lines.slice(failures >= 0 ? failures : Math.max(0, lines.length - 15)).join('\n');
}

export function runSchemathesis(
  target: FuzzTarget,
  tokens: FuzzTokens,
  options: SchemathesisOptions,
): Promise<SchemathesisResult> {
  const logFile = path.join(options.reportDirectory, `${reportFolderName(target)}.log`);
  const log = createWriteStream(logFile);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(options.executable, schemathesisArguments(target, options), {
      env: {
        ...process.env,
        FUZZ_USER_TOKEN: tokens.user,
        // The config names it in every run; only the admin runs reach the operations it is for.
        FUZZ_ADMIN_TOKEN: tokens.admin ?? tokens.user,
        // Plain lines for a log file, whatever terminal make runs in.
        NO_COLOR: '1',
        COLUMNS: '120',
      },
      // Hypothesis and Schemathesis leave their own folders in the working directory.
      cwd: path.dirname(options.reportDirectory),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.runTimeoutSeconds * 1000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) =>
      reject(new Error(`could not run ${options.executable}: ${error.message}`, { cause: error })),
    );
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      if (timedOut) output += `\nmake fuzz: stopped after ${options.runTimeoutSeconds} s: a hang\n`;
      log.end(() =>
        resolve({
          target,
          exitCode: timedOut ? null : exitCode,
          seconds: (performance.now() - started) / 1000,
          logFile,
          summary: closingLines(output),
        }),
      );
    });
  });
}
