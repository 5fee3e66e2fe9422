import { spawn } from 'node:child_process';

/** Why a program the pipeline runs did not do its work, in terms a user can act on. */
export class ProgramError extends Error {
  constructor(
    readonly program: string,
    readonly kind: 'missing' | 'failed' | 'disk-full',
    message: string,
  ) {
    super(message);
    this.name = 'ProgramError';
  }
}

export interface RunOptions {
  signal: AbortSignal;
  cwd?: string;
  /** Written to the program's standard input, then closed. */
  input?: string;
  /** Each line the program writes to standard output, as it comes. */
  onLine?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** How much of a failing program's standard error is kept for the log and the reason. */
const stderrTailCharacters = 2_000;

function diskFull(text: string): boolean {
  return /No space left on device|ENOSPC/i.test(text);
}

/**
 * Runs a program to completion: resolves on exit 0; otherwise a ProgramError that says
 * whether it is missing, ran out of disk, or failed (with the end of its standard error).
 * An abort kills it at once and rejects with the abort's reason.
 */
export function runProgram(program: string, args: readonly string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(options.signal.reason as Error);
      return;
    }
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', abort);
      if (error) reject(error as Error);
      else resolve();
    };
    const abort = () => {
      child.kill('SIGKILL');
      settle(options.signal.reason);
    };
    options.signal.addEventListener('abort', abort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrTailCharacters);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        settle(new ProgramError(program, 'missing', `${program} is not installed on the worker`));
      } else settle(new ProgramError(program, 'failed', `${program} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        settle();
        return;
      }
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      if (diskFull(stderr)) {
        settle(new ProgramError(program, 'disk-full', `${program} ran out of disk space: ${tail}`));
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
      settle(new ProgramError(program, 'failed', `${program} ${how}${tail ? `: ${tail}` : ''}`));
    });
  });
}
