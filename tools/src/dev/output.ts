import { Writable } from 'node:stream';
import { type Logger, createLogger } from '@what-if/kit';
import type { DevConfig } from './config';
import { type LinePrefix, launcherColorIndex, linePrinter } from './log-format';
import { compilerProcessName } from './hot-reload';
import { type ProcessExit, describeExit } from './supervisor';
import { webBuildProcessName } from './web-rebuild';
import { readyHeadline, readyTable, serviceUrls } from './summary';

/** Where everything the launcher shows goes: its own log, the services' lines, and problems. */
export interface Output {
  /** The launcher's own log: a kit logger, so it reads like the services' lines (or is JSON like them). */
  logger: Logger;
  serviceLine(name: string, line: string): void;
  /** A reason not to start: plain text on stderr, whatever the log format. */
  problem(text: string): void;
  ready(elapsedMs: number): void;
  unexpectedExit(exit: ProcessExit, beforeReady: boolean): void;
}

export const launcherName = 'dev';

export interface OutputStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Processes besides the services whose lines the launcher shows: the compiler's watch, the web app's build. */
const toolNames = [compilerProcessName, webBuildProcessName];

export function createOutput(config: DevConfig, streams: OutputStreams): Output {
  const width = Math.max(launcherName.length, ...config.services.map((entry) => entry.name.length));
  const prefix = (name: string, colorIndex: number): LinePrefix => ({
    name,
    width,
    colorIndex,
    color: config.color,
  });
  const printers = new Map<string, (line: string) => void>(
    [...config.services.map((entry) => entry.name), ...toolNames].map((name, index) => [
      name,
      config.logFormat === 'json' && toolNames.includes(name)
        ? // The tools write plain text; as JSON lines they stay one record each, like the services'.
          (line: string) => streams.stdout(`${JSON.stringify({ process: name, msg: line })}\n`)
        : linePrinter(config.logFormat, prefix(name, index), streams.stdout),
    ]),
  );
  const launcherPrinter = linePrinter(
    config.logFormat,
    prefix(launcherName, launcherColorIndex),
    streams.stdout,
  );
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) launcherPrinter(line);
      callback();
    },
  });
  const logger = createLogger({ service: launcherName, level: 'info', destination });
  const serviceLine = (name: string, line: string) => (printers.get(name) ?? launcherPrinter)(line);

  return {
    logger,
    serviceLine,
    problem: (text) => streams.stderr(`${text}\n`),
    ready(elapsedMs) {
      if (config.logFormat === 'json') {
        logger.info(
          { readyInMs: Math.round(elapsedMs), services: serviceUrls(config) },
          readyHeadline(elapsedMs, config),
        );
        return;
      }
      logger.info(readyHeadline(elapsedMs, config));
      streams.stdout(`${readyTable(config)}\n`);
    },
    unexpectedExit(exit, beforeReady) {
      const what = `${exit.name} ${describeExit(exit)} ${beforeReady ? 'before it was ready' : 'unexpectedly'}`;
      if (config.logFormat === 'json') {
        logger.error(
          { process: exit.name, code: exit.code, signal: exit.signal, lastLines: exit.lastLines },
          what,
        );
        return;
      }
      // Its lines are interleaved with six other services' above; repeat them together.
      logger.error(`${what}; its last lines were:`);
      for (const line of exit.lastLines) serviceLine(exit.name, line);
    },
  };
}
