import { type FSWatcher, existsSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { type ProcessExit, Supervisor, describeExit } from './supervisor';

export interface WebRebuildOptions {
  /** The web app's folder (frontend/): `npm run build` runs there and writes its export to out/. */
  folder: string;
  /** What the export is built from, relative to the folder (the same list make web-build checks). */
  inputs: readonly string[];
  debounceMs: number;
  log: { info(message: string): void; warn(message: string): void };
  /** Every line the build writes. */
  onLine(line: string): void;
}

/** The web app's build in the log. */
export const webBuildProcessName = 'web';

/** What make web-build compares with the export (make/web.mk's WEB_INPUTS). */
export const webInputs = ['src', 'scripts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

/**
 * make dev's web app is the static export CloudFront serves, so a change to its sources means
 * a new export: saved changes are gathered for `debounceMs`, then `npm run build` runs once
 * (never two at a time; a change during a build means one more build after it), and the page
 * shows the new export on its next load.
 */
export class WebRebuild {
  private readonly builder: Supervisor;
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private building = false;
  private changedWhileBuilding = false;
  private started = 0;
  private stopping = false;

  constructor(private readonly options: WebRebuildOptions) {
    this.builder = new Supervisor({
      onLine: (_name, line) => {
        if (line.trim() !== '') options.onLine(line);
      },
      onExit: (exit) => this.built(exit),
    });
  }

  start(): void {
    for (const input of this.options.inputs) {
      const target = path.join(this.options.folder, input);
      if (!existsSync(target)) continue;
      const recursive = statSync(target).isDirectory();
      this.watchers.push(watch(target, { recursive }, () => this.changed()));
    }
  }

  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    await this.builder.stop(timeoutMs);
  }

  private changed(): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.build(), this.options.debounceMs);
  }

  private build(): void {
    if (this.stopping) return;
    if (this.building) {
      this.changedWhileBuilding = true;
      return;
    }
    this.building = true;
    this.started = performance.now();
    this.options.log.info(
      'web app: a source changed; rebuilding the export (the page keeps the last one until it is done)',
    );
    this.builder.start({
      name: webBuildProcessName,
      command: 'npm',
      args: ['run', 'build'],
      cwd: this.options.folder,
      env: process.env,
    });
  }

  private built(exit: ProcessExit): void {
    this.building = false;
    if (exit.requested || this.stopping) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    if (exit.code === 0) this.options.log.info(`web app: export rebuilt in ${seconds} s; reload the page`);
    else
      this.options.log.warn(
        `web app: the build ${describeExit(exit)} (its lines above say why); save a fix to build again`,
      );
    if (this.changedWhileBuilding) {
      this.changedWhileBuilding = false;
      this.build();
    }
  }
}
