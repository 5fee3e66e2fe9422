import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ProcessExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the supervisor asked it to stop; false means it ended on its own. */
  requested: boolean;
  /** Its last lines of output, for saying why it ended. */
  lastLines: readonly string[];
  /** How long it ran, from spawn to exit. */
  upMs: number;
}

export interface SupervisorOptions {
  /** Every line a process writes, stdout and stderr alike. */
  onLine(name: string, line: string): void;
  /** Called once per process, after its output is drained. */
  onExit(exit: ProcessExit): void;
  /** How many lines to keep per process for exit reports. */
  keepLines?: number;
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess;
  state: { lastLines: string[]; stopRequested: boolean; done: boolean };
  exited: Promise<ProcessExit>;
}

/** "exited with code 1", "was killed by SIGKILL": how a process ended, for messages. */
export function describeExit(exit: Pick<ProcessExit, 'code' | 'signal'>): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code ?? 'unknown'}`;
}

/**
 * Runs processes side by side, relays their output line by line, and stops them the way
 * an orchestrator does: SIGTERM, a grace period, then SIGKILL.
 *
 * Each child leads its own process group, so a Ctrl-C in the terminal reaches only the
 * launcher, which then stops every child in order; and a child's own subprocesses
 * (ffmpeg, espeak-ng) can be killed with it.
 */
export class Supervisor {
  private readonly processes = new Map<string, Supervised>();

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts a process, or starts again one of the same name that has ended. */
  start(spec: ProcessSpec): void {
    const existing = this.processes.get(spec.name);
    if (existing && !existing.state.done) throw new Error(`${spec.name} is already running`);
    const startedAt = performance.now();
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = this.options.keepLines ?? 20;
    const state: Supervised['state'] = { lastLines: [], stopRequested: false, done: false };
    const relay = (line: string) => {
      state.lastLines.push(line);
      if (state.lastLines.length > keep) state.lastLines.shift();
      this.options.onLine(spec.name, line);
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', relay);
    }
    const exited = new Promise<ProcessExit>((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (state.done) return;
        state.done = true;
        const exit: ProcessExit = {
          name: spec.name,
          code,
          signal,
          requested: state.stopRequested,
          lastLines: [...state.lastLines],
          upMs: performance.now() - startedAt,
        };
        this.options.onExit(exit);
        resolve(exit);
      };
      // Whatever the process left behind in its group goes with it.
      child.once('exit', () => this.signalGroup(child, 'SIGKILL'));
      // 'close' comes after the output pipes drained, so the last lines are complete.
      child.once('close', finish);
      child.once('error', (error) => {
        relay(`could not start ${spec.command}: ${error.message}`);
        finish(null, null);
      });
    });
    this.processes.set(spec.name, { spec, child, state, exited });
  }

  /** The processes that have not exited yet. */
  running(): string[] {
    return [...this.processes.values()].filter((entry) => !entry.state.done).map((entry) => entry.spec.name);
  }

  /**
   * SIGTERM to every process, then SIGKILL to those still running after `timeoutMs`.
   * Resolves with every exit once all have ended. `onWaiting` names the ones that
   * outlive a short wait, so a person knows what the launcher is waiting for.
   */
  async stop(timeoutMs: number, onWaiting?: (names: string[]) => void): Promise<ProcessExit[]> {
    const entries = [...this.processes.values()];
    for (const entry of entries) {
      entry.state.stopRequested = true;
      if (!entry.state.done) this.signalProcess(entry.child, 'SIGTERM');
    }
    const all = Promise.all(entries.map((entry) => entry.exited));
    const noticeTimer = onWaiting
      ? setTimeout(
          () => {
            const waiting = this.running();
            if (waiting.length > 0) onWaiting(waiting);
          },
          Math.min(2_000, timeoutMs),
        )
      : undefined;
    const killTimer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await all;
    } finally {
      clearTimeout(noticeTimer);
      clearTimeout(killTimer);
    }
  }

  /**
   * SIGTERM to one process, SIGKILL after `timeoutMs`: a reload, while the others keep running.
   * Resolves with its exit, or undefined when it was not running.
   */
  async stopOne(name: string, timeoutMs: number): Promise<ProcessExit | undefined> {
    const entry = this.processes.get(name);
    if (!entry || entry.state.done) return undefined;
    entry.state.stopRequested = true;
    this.signalProcess(entry.child, 'SIGTERM');
    const killTimer = setTimeout(() => this.signalGroup(entry.child, 'SIGKILL'), timeoutMs);
    try {
      return await entry.exited;
    } finally {
      clearTimeout(killTimer);
    }
  }

  /** SIGKILL to every process group at once: the second Ctrl-C, or a stop that took too long. */
  kill(): Promise<ProcessExit[]> {
    const entries = [...this.processes.values()];
    for (const entry of entries) {
      entry.state.stopRequested = true;
      if (!entry.state.done) this.signalGroup(entry.child, 'SIGKILL');
    }
    return Promise.all(entries.map((entry) => entry.exited));
  }

  /**
   * The same, synchronously, for the launcher's 'exit' handler: if the launcher itself
   * fails, its children must not live on holding the ports.
   */
  killNow(): void {
    for (const entry of this.processes.values()) {
      if (!entry.state.done) this.signalGroup(entry.child, 'SIGKILL');
    }
  }

  private signalProcess(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }

  private signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already empty.
    }
  }
}
