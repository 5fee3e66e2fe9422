import path from 'node:path';
import { OutputFingerprints, projectClosure } from './compiled-output';
import { waitUntilReady } from './readiness';
import { type ProcessExit, type ProcessSpec, Supervisor, describeExit } from './supervisor';

/** A process the reloader may restart: what to run, and where it says it is ready. */
export interface ReloadableProcess {
  name: string;
  /** The folder of the TypeScript project whose compiled output it runs (services/<name>). */
  project: string;
  spec(): ProcessSpec;
  readyUrl: string;
}

export interface HotReloadOptions {
  /** The supervisor the processes run under; the reloader stops and starts them there. */
  supervisor: Supervisor;
  processes: readonly ReloadableProcess[];
  /** The TypeScript compiler's command-line script (typescript/bin/tsc). */
  tscPath: string;
  cwd: string;
  /** Quiet time after a compile ends before the output is compared, so one save is one reload. */
  debounceMs: number;
  stopTimeoutMs: number;
  readyTimeoutMs: number;
  log: { info(message: string): void; warn(message: string): void };
  /** Every line the compiler writes, to show the developer. */
  onCompilerLine(line: string): void;
  /** Called before a process is started again, so the launcher forgets its crashes. */
  beforeRestart?(name: string): void;
}

/** The compiler's name in the log. */
export const compilerProcessName = 'tsc';

/** tsc's line at the end of each watch-mode compile (with --pretty false): "… Found 2 errors. Watching for file changes." */
const compileFinished = /Found (\d+) errors?\. Watching for file changes\./;

/**
 * make dev's hot reload: one `tsc -b -w` over every service's project (references included)
 * and, after each compile, a restart of exactly the processes whose compiled output changed:
 * a service's own, or that of a package it builds on (an edit in the kit restarts every
 * service; a comment that leaves the JavaScript as it was restarts none). A compile with
 * errors reloads nothing, so a half-typed edit never replaces a running service.
 */
export class HotReload {
  private readonly closures: Map<string, string[]>;
  private fingerprints: Map<string, string>;
  private readonly compiler: Supervisor;
  private readonly stopped = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private errorsInLastCompile = false;
  /** After the first compile of the watch: from then on, a compile that changes nothing says so. */
  private watching = false;
  private work: Promise<void> = Promise.resolve();

  /** Call before the processes start: the output they start with is what a change is measured against. */
  constructor(private readonly options: HotReloadOptions) {
    const projects = [...new Set(options.processes.map((member) => member.project))];
    this.closures = new Map(projects.map((project) => [project, projectClosure(project)]));
    this.fingerprints = this.readFingerprints();
    this.compiler = new Supervisor({
      onLine: (_name, line) => {
        // Watch mode frames each message with blank lines; the prefixed log needs none of them.
        if (line.trim() === '') return;
        options.onCompilerLine(line);
        this.compilerLine(line);
      },
      onExit: (exit) => this.compilerExited(exit),
    });
  }

  /** The projects the compiler watches, relative to `cwd`. */
  get projects(): string[] {
    return [...this.closures.keys()].map((project) => path.relative(this.options.cwd, project) || '.');
  }

  start(): void {
    this.compiler.start({
      name: compilerProcessName,
      command: process.execPath,
      args: [
        this.options.tscPath,
        '-b',
        '-w',
        '--preserveWatchOutput',
        '--pretty',
        'false',
        ...this.projects,
      ],
      cwd: this.options.cwd,
      env: process.env,
    });
  }

  /** Stops the compiler and waits for a reload under way to finish. */
  async stop(): Promise<void> {
    this.stopped.abort();
    clearTimeout(this.timer);
    await this.compiler.stop(this.options.stopTimeoutMs);
    await this.work;
  }

  private compilerLine(line: string): void {
    const finished = compileFinished.exec(line);
    if (!finished) return;
    this.errorsInLastCompile = Number(finished[1]) > 0;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.work = this.work.then(() => this.reloadChanged());
    }, this.options.debounceMs);
  }

  private compilerExited(exit: ProcessExit): void {
    if (exit.requested || this.stopped.signal.aborted) return;
    this.options.log.warn(
      `the compiler's watch ${describeExit(exit)}: services are no longer reloaded when their sources change; restart make dev to watch again`,
    );
  }

  private readFingerprints(): Map<string, string> {
    const reading = new OutputFingerprints();
    return new Map([...this.closures].map(([project, closure]) => [project, reading.closure(closure)]));
  }

  private async reloadChanged(): Promise<void> {
    if (this.stopped.signal.aborted) return;
    if (this.errorsInLastCompile) {
      this.options.log.warn('the compiler found errors (above): nothing is reloaded until they are fixed');
      return;
    }
    const now = this.readFingerprints();
    const changed = [...now].filter(([project, print]) => this.fingerprints.get(project) !== print);
    this.fingerprints = now;
    const members = this.options.processes.filter((member) =>
      changed.some(([project]) => project === member.project),
    );
    if (members.length === 0) {
      this.options.log.info(
        this.watching
          ? "compiled: no service's output changed, nothing to reload"
          : `watching the sources of ${this.closures.size} services (tsc -b -w): a service whose compiled output changes is restarted alone`,
      );
    }
    this.watching = true;
    await Promise.all(members.map((member) => this.restart(member)));
  }

  private async restart(member: ReloadableProcess): Promise<void> {
    const { supervisor, log } = this.options;
    const started = performance.now();
    log.info(`reloading ${member.name}: its compiled output changed`);
    await supervisor.stopOne(member.name, this.options.stopTimeoutMs);
    if (this.stopped.signal.aborted) return;
    this.options.beforeRestart?.(member.name);
    try {
      supervisor.start(member.spec());
    } catch (error) {
      // Started by someone else meanwhile (a crash restart): it runs the new output too.
      log.warn(`${member.name}: ${(error as Error).message}`);
      return;
    }
    try {
      await waitUntilReady([{ name: member.name, url: member.readyUrl }], {
        timeoutMs: this.options.readyTimeoutMs,
        signal: this.stopped.signal,
      });
      log.info(`${member.name} reloaded (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch {
      if (!this.stopped.signal.aborted)
        log.warn(`${member.name} did not become ready after the reload: its lines above say why`);
    }
  }
}
