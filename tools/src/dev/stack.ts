import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DevConfig } from './config';
import { dynamoEndpoint } from './config';
import { ensureDatabase, migrateDatabase } from './database';
import { startFromEmpty } from './fresh-start';
import { type RunningDynalite, createCatalogTables, startDynalite } from './dynamo';
import { HotReload, compilerProcessName } from './hot-reload';
import type { Output } from './output';
import { preflight, storeAddress } from './preflight';

/** The oldest Node line the AWS SDK keeps supporting; production runs the newer LTS. */
const supportedNodeMajor = 22;
import { ReadinessTimeout, readinessPhases, waitUntilReady } from './readiness';
import { CrashHistory, type RestartPolicyOptions, defaultRestartPolicy } from './restart-policy';
import { serviceProcess } from './service-processes';
import { type StackProcess, stackProcesses } from './stack-processes';
import { type ProcessExit, Supervisor } from './supervisor';
import { withoutPassword } from './summary';
import { WebRebuild, webBuildProcessName, webInputs } from './web-rebuild';
import { type RunningWebServer, startWebServer } from './web-server';

/** Quiet time after a compile, or after the web app's last saved change, before acting on it. */
const reloadDebounceMs = 300;

/** Exit statuses of the launcher. */
export const exitCodes = {
  stopped: 0,
  failed: 1,
  /** The developer cut the shutdown short; a script must not take it for a clean stop. */
  forced: 130,
} as const;

/**
 * The local stack from start to stop: pre-flight checks, the stores (database,
 * migrations, dynalite, tables), the seven services, readiness, and an orderly shutdown
 * on request or when a service dies. `run` resolves with the launcher's exit status.
 */
export class DevStack {
  private readonly stopRequest = new AbortController();
  private readonly crash = new AbortController();
  private supervisor: Supervisor | undefined;
  private dynalite: RunningDynalite | undefined;
  private web: RunningWebServer | undefined;
  private hotReload: HotReload | undefined;
  private webRebuild: WebRebuild | undefined;
  private ready = false;
  private forced = false;
  private readonly crashHistories = new Map<string, CrashHistory>();
  /** Crash restarts waiting for their backoff, with the process each one restarts. */
  private readonly pendingRestarts = new Map<NodeJS.Timeout, string>();

  constructor(
    private readonly config: DevConfig,
    private readonly output: Output,
    /** The developer's environment, passed on to the services. */
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly restartPolicy: RestartPolicyOptions = defaultRestartPolicy,
  ) {}

  get stopping(): boolean {
    return this.stopRequest.signal.aborted;
  }

  /** First Ctrl-C or SIGTERM: stop in order. */
  requestStop(reason: string): void {
    if (this.stopping) return;
    this.output.logger.info(`${reason}: stopping (press Ctrl-C again to kill at once)`);
    this.stopRequest.abort(new Error(reason));
  }

  /** Second Ctrl-C: SIGKILL every service now; resolves when they are gone. */
  async forceStop(): Promise<void> {
    this.forced = true;
    this.output.logger.warn('killing every service now');
    await this.supervisor?.kill();
  }

  /** For the launcher's 'exit' handler: never leave a service running behind it. */
  killNow(): void {
    this.supervisor?.killNow();
  }

  async run(): Promise<number> {
    const started = performance.now();
    const problems = await preflight(this.config);
    if (problems.length > 0) {
      for (const problem of problems) this.output.problem(problem);
      this.output.problem(
        `make dev: nothing was started (${problems.length} problem${problems.length === 1 ? '' : 's'} above).`,
      );
      return exitCodes.failed;
    }
    if (this.stopping) return exitCodes.stopped;
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    if (nodeMajor < supportedNodeMajor) {
      // Said once here; the services are told not to repeat the AWS SDK's version of it.
      this.output.logger.warn(
        `Node ${process.versions.node} is past its end of life and newer AWS SDK releases need Node ${supportedNodeMajor}+; production runs Node 24 (see .nvmrc)`,
      );
    }

    try {
      await this.prepareStores();
    } catch (error) {
      if (this.stopping) return this.shutdown(exitCodes.stopped);
      this.output.problem(`make dev: setting up the stores failed: ${(error as Error).message}`);
      return this.shutdown(exitCodes.failed);
    }
    if (this.stopping) return this.shutdown(exitCodes.stopped);

    this.startServices();
    const interrupted = AbortSignal.any([this.stopRequest.signal, this.crash.signal]);
    try {
      const deadline = performance.now() + this.config.readyTimeoutMs;
      for (const phase of readinessPhases(this.config)) {
        await waitUntilReady(phase, {
          timeoutMs: Math.max(0, deadline - performance.now()),
          signal: interrupted,
          onReady: (target) =>
            this.output.logger.info(
              `${target.name} is ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
            ),
        });
      }
    } catch (error) {
      if (this.crash.signal.aborted && !this.stopping) return this.shutdown(exitCodes.failed);
      if (this.stopping) return this.shutdown(exitCodes.stopped);
      if (error instanceof ReadinessTimeout) {
        this.output.problem(
          `make dev: the stack did not become ready within ${Math.round(this.config.readyTimeoutMs / 1000)} s; ${error.message}`,
        );
        return this.shutdown(exitCodes.failed);
      }
      throw error;
    }
    try {
      await this.startWeb();
    } catch (error) {
      this.output.problem(`make dev: the web app's server did not start: ${(error as Error).message}`);
      return this.shutdown(exitCodes.failed);
    }
    this.ready = true;
    this.output.ready(performance.now() - started);
    this.watchSources();

    await new Promise<void>((resolve) => {
      if (interrupted.aborted) resolve();
      else interrupted.addEventListener('abort', () => resolve(), { once: true });
    });
    return this.shutdown(this.stopping ? exitCodes.stopped : exitCodes.failed);
  }

  private async prepareStores(): Promise<void> {
    const { logger } = this.output;
    const { databaseUrl, repoRoot, storeTimeoutMs, dynamodb } = this.config;
    const database = withoutPassword(databaseUrl);
    if (this.config.fresh) await startFromEmpty(this.config, logger);
    if (await ensureDatabase(databaseUrl, storeTimeoutMs))
      logger.info(`postgres: created the database ${database}`);
    else logger.info(`postgres: using ${database}`);
    for (const entry of this.config.services.filter((service) => service.migrations)) {
      const applied = await migrateDatabase(entry, databaseUrl, repoRoot, logger, storeTimeoutMs);
      logger.info(
        applied.length > 0
          ? `postgres: applied ${applied.length} ${entry.name} migration${applied.length === 1 ? '' : 's'}`
          : `postgres: ${entry.name} migrations are up to date`,
      );
    }
    logger.info(`redis: using ${storeAddress(this.config.redisUrl, 6379)}`);
    if (this.stopping) return;

    if (dynamodb.external) {
      logger.info(`dynamodb: using ${dynamoEndpoint(this.config)}`);
    } else {
      this.dynalite = await startDynalite({ port: dynamodb.port, path: dynamodb.path });
      logger.info(
        `dynamodb: dynalite listening on ${dynamoEndpoint(this.config)} (${
          dynamodb.path
            ? `data kept in ${dynamodb.path}; make dev FRESH=1 starts from empty`
            : 'in memory (DEV_DYNAMODB_PATH=:memory:)'
        })`,
      );
    }
    const { created, indexesAdded } = await createCatalogTables(
      dynamoEndpoint(this.config),
      dynamodb.region,
      dynamodb.tablePrefix,
      this.config.services,
    );
    const declared = this.config.services.flatMap((entry) => entry.dynamoTables).length;
    logger.info(
      created.length > 0
        ? `dynamodb: created tables ${created.join(', ')}`
        : `dynamodb: all ${declared} tables already exist`,
    );
    for (const change of indexesAdded) {
      const indexes = change.indexes.join(', ');
      if (change.how === 'updated') logger.info(`dynamodb: added index ${indexes} to ${change.table}`);
      else {
        logger.warn(
          `dynamodb: ${change.table} was kept from an older version without index ${indexes}, which dynalite cannot add to a table: recreated it with the declared indexes and copied its ${change.items ?? 0} items back`,
        );
      }
    }
  }

  /** The web app's static export and the API on one origin, as CloudFront serves them. */
  private async startWeb(): Promise<void> {
    const { web, repoRoot, services } = this.config;
    if (!web) return;
    const folder = path.relative(repoRoot, web.root) || web.root;
    if (!existsSync(path.join(web.root, 'index.html'))) {
      this.output.logger.warn(
        `the web app is not built (${folder} is missing): make dev builds it, or run npm --prefix frontend run build; the API still runs`,
      );
      return;
    }
    const gateway = services.find((entry) => entry.name === 'gateway');
    if (!gateway) return;
    this.web = await startWebServer({
      root: web.root,
      gatewayUrl: `http://127.0.0.1:${gateway.port}`,
      port: web.port,
    });
    this.output.logger.info(`web app on ${this.web.url} (${folder}; /api and /s go to the gateway)`);
  }

  private startServices(): void {
    this.supervisor = new Supervisor({
      onLine: (name, line) => this.output.serviceLine(name, line),
      onExit: (exit) => this.onExit(exit),
    });
    const members = stackProcesses(this.config);
    // Made before the services start: the output they start with is what a change is measured against.
    if (this.config.watch) this.hotReload = this.hotReloadFor(members, this.supervisor);
    for (const member of members) {
      this.supervisor.start(serviceProcess(this.config, member, this.baseEnv));
    }
    this.output.logger.info(
      `started ${members.map((member) => member.name).join(', ')}; waiting until ready`,
    );
  }

  private hotReloadFor(members: readonly StackProcess[], supervisor: Supervisor): HotReload {
    const { repoRoot, stopTimeoutMs, readyTimeoutMs } = this.config;
    return new HotReload({
      supervisor,
      processes: members.map((member) => ({
        name: member.name,
        project: path.join(repoRoot, 'services', member.service.name),
        spec: () => serviceProcess(this.config, member, this.baseEnv),
        readyUrl: `http://127.0.0.1:${member.port}${member.health.ready}`,
      })),
      tscPath: require.resolve('typescript/bin/tsc', { paths: [repoRoot] }),
      cwd: repoRoot,
      debounceMs: reloadDebounceMs,
      stopTimeoutMs,
      readyTimeoutMs,
      log: this.output.logger,
      onCompilerLine: (line) => this.output.serviceLine(compilerProcessName, line),
      // A reload is a fresh start: earlier crashes no longer count, and no crash restart is due.
      beforeRestart: (name) => {
        this.crashHistories.delete(name);
        for (const [timer, pending] of this.pendingRestarts) {
          if (pending !== name) continue;
          clearTimeout(timer);
          this.pendingRestarts.delete(timer);
        }
      },
    });
  }

  /** Once the stack is ready: the compiler's watch, and the web app's rebuilds when it is served. */
  private watchSources(): void {
    if (!this.hotReload) return;
    this.hotReload.start();
    const { web, repoRoot } = this.config;
    const folder = path.join(repoRoot, 'frontend');
    if (!this.web || !web || path.resolve(web.root) !== path.join(folder, 'out')) return;
    if (!existsSync(path.join(folder, 'node_modules'))) return;
    this.webRebuild = new WebRebuild({
      folder,
      inputs: webInputs,
      debounceMs: reloadDebounceMs,
      log: this.output.logger,
      onLine: (line) => this.output.serviceLine(webBuildProcessName, line),
    });
    this.webRebuild.start();
  }

  private onExit(exit: ProcessExit): void {
    if (exit.requested || this.stopping || this.crash.signal.aborted) return;
    this.output.unexpectedExit(exit, !this.ready);
    // A service that cannot start at all is a problem to fix before anything runs.
    if (!this.ready) {
      this.crash.abort(new Error(`${exit.name} exited`));
      return;
    }
    this.restartAfterCrash(exit);
  }

  /** After the stack was ready: restart the crashed service with backoff; the others keep running. */
  private restartAfterCrash(exit: ProcessExit): void {
    const { logger } = this.output;
    let history = this.crashHistories.get(exit.name);
    if (!history) {
      history = new CrashHistory(this.restartPolicy);
      this.crashHistories.set(exit.name, history);
    }
    const decision = history.decide({ code: exit.code, upMs: exit.upMs });
    if (decision.action === 'give-up') {
      logger.error(
        `${exit.name} is left stopped: ${decision.reason}. The other services keep running; fix it, then restart make dev`,
      );
      return;
    }
    logger.warn(
      `restarting ${exit.name} in ${(decision.delayMs / 1000).toFixed(1)} s (crash ${decision.crash} of ${decision.of} in a row before the launcher gives up)`,
    );
    const member = stackProcesses(this.config).find((candidate) => candidate.name === exit.name);
    if (!member) return;
    const timer = setTimeout(() => {
      this.pendingRestarts.delete(timer);
      if (this.stopping || !this.supervisor) return;
      this.supervisor.start(serviceProcess(this.config, member, this.baseEnv));
      logger.info(`${exit.name} restarted`);
      void waitUntilReady(
        [{ name: member.name, url: `http://127.0.0.1:${member.port}${member.health.ready}` }],
        {
          timeoutMs: this.config.readyTimeoutMs,
          signal: this.stopRequest.signal,
          onReady: () => logger.info(`${exit.name} is ready again`),
        },
      ).catch(() => undefined);
    }, decision.delayMs);
    this.pendingRestarts.set(timer, exit.name);
  }

  private async shutdown(code: number): Promise<number> {
    const { logger } = this.output;
    // Nothing may reload or rebuild while the stack stops.
    await Promise.all([this.hotReload?.stop(), this.webRebuild?.stop(this.config.stopTimeoutMs)]);
    if (this.web) await this.web.close();
    for (const timer of this.pendingRestarts.keys()) clearTimeout(timer);
    this.pendingRestarts.clear();
    if (this.supervisor) {
      const running = this.supervisor.running();
      if (running.length > 0) logger.info(`stopping ${running.join(', ')}`);
      const exits = await this.supervisor.stop(this.config.stopTimeoutMs, (waiting) => {
        if (!this.forced)
          logger.info(`waiting for ${waiting.join(', ')} to finish (Ctrl-C again kills at once)`);
      });
      for (const exit of exits) {
        if (exit.requested && exit.signal === 'SIGKILL' && !this.forced) {
          logger.warn(
            `${exit.name} was killed: it had not exited ${this.config.stopTimeoutMs} ms after SIGTERM`,
          );
        }
      }
    }
    if (this.dynalite) await this.dynalite.close();
    logger.info('stopped; nothing is left running');
    return code;
  }
}
