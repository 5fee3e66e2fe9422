import { parseArgs } from 'node:util';
import { dynamoTableName, service } from '@what-if/catalog';
import { ConfigError, type Logger, createLogger, loadConfig, storeConfig } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { z } from 'zod';
import type { StoreContext } from '../store/store-context';

/** What an operator's command over the social table needs: where it reads, and what it was asked. */
export interface TableCommandRun<Values> {
  table: StoreContext;
  options: Values;
  logger: Logger;
}

/**
 * One maintenance command over the social table (a reconciler, a re-index, a backfill): its
 * name and usage line, its `--options` (node:util parseArgs), and what it does. It answers
 * the report to print and whether the operator (or a cron job) should treat the run as a
 * finding: `exitCode` 1 when something drifted, 0 (the default) when all was well.
 */
export interface TableCommand<Options extends CommandOptions> {
  name: string;
  usage: string;
  options?: Options;
  run(run: TableCommandRun<OptionValues<Options>>): Promise<{ report: unknown; exitCode?: number }>;
}

/** A command's `--options`: single strings or flags. */
export type CommandOptions = Record<string, { type: 'string' | 'boolean' }>;

/** What the operator gave for each option (absent when not given). */
export type OptionValues<Options extends CommandOptions> = {
  [Name in keyof Options]?: Options[Name]['type'] extends 'string' ? string : boolean;
};

/** Where a command runs: the process by default, or a test's own. */
export interface CommandSurroundings {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A command reads only the table's variables (DYNAMODB_*), with the catalog's defaults. */
const tableConfigSchema = z.object({ ...storeConfig.dynamodb });

/** The exit codes of sysexits.h that operators' tools know: a bad invocation, a bad configuration. */
export const exitCodes = { ok: 0, drift: 1, failed: 1, usage: 64, config: 78 } as const;

/**
 * Runs a maintenance command the way every social CLI runs: arguments parsed (a bad one exits
 * 64 with the usage line), the service's DynamoDB configuration read (a bad one exits 78
 * naming every variable), the table opened, the command run, its report printed as JSON on
 * stdout, the table closed; an error exits 1 with its message on stderr. Answers the exit code.
 */
export async function executeTableCommand<Options extends CommandOptions>(
  command: TableCommand<Options>,
  surroundings: CommandSurroundings,
): Promise<number> {
  const complain = (message: string) =>
    surroundings.stderr(`${command.name}: ${message}\nusage: ${command.usage}\n`);
  let options: OptionValues<Options>;
  try {
    options = parseArgs({
      args: [...surroundings.argv],
      options: command.options ?? {},
      strict: true,
      allowPositionals: false,
    }).values as OptionValues<Options>;
  } catch (error) {
    complain((error as Error).message);
    return exitCodes.usage;
  }
  let config;
  try {
    config = loadConfig('social', tableConfigSchema, surroundings.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    complain(error.message);
    return exitCodes.config;
  }
  const logger = createLogger({
    service: `social-cli:${command.name}`,
    level: 'warn',
    destination: process.stderr,
  });
  const tables = service('social').dynamoTables;
  try {
    const dynamo = await dynamoFromConfig(config, tables, logger);
    try {
      const table = {
        documents: dynamo.documents,
        tableName: dynamoTableName(config.DYNAMODB_TABLE_PREFIX, tables[0]!.name),
      };
      const outcome = await command.run({ table, options, logger });
      surroundings.stdout(`${JSON.stringify(outcome.report, null, 2)}\n`);
      return outcome.exitCode ?? exitCodes.ok;
    } finally {
      await dynamo.close();
    }
  } catch (error) {
    surroundings.stderr(`${command.name} failed: ${(error as Error).message}\n`);
    return exitCodes.failed;
  }
}

/** The entry point of a CLI file: runs the command on this process's arguments and environment, and exits. */
export function runTableCommand<Options extends CommandOptions>(command: TableCommand<Options>): void {
  void executeTableCommand(command, {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
