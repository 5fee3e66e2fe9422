import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a stand-in answers, in turn: the last answer repeats. */
export interface Answer {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** Keep running until killed, as kubectl port-forward does. */
  hold?: boolean;
}

export interface Rule {
  tool: string;
  /** Matched against the arguments joined by single spaces. */
  args: RegExp;
  answers: Answer[];
}

export interface Call {
  tool: string;
  args: string[];
  /** Bytes the tool read from stdin (only tools told to read it: --password-stdin, file:///dev/stdin). */
  stdinBytes: number;
  /** What it read, as text (test-made values only: the stand-ins never see a real secret). */
  stdin: string;
}

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: Call[];
}

/**
 * The stand-in every faked tool runs: it records the call, then answers with the first rule
 * whose tool and arguments match (success with no output when none does).
 */
const standIn = `
const fs = require('node:fs');
const path = require('node:path');
const [tool, ...args] = process.argv.slice(2);
const dir = process.env.STAND_IN_DIR;
const readsStdin = args.some((arg) => arg === '--password-stdin' || arg.includes('/dev/stdin'));
const stdin = readsStdin ? fs.readFileSync(0) : Buffer.alloc(0);
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ tool, args, stdinBytes: stdin.length, stdin: stdin.toString('utf8') }) + '\\n');
const rules = JSON.parse(fs.readFileSync(path.join(dir, 'rules.json'), 'utf8'));
const line = args.join(' ');
const index = rules.findIndex((rule) => rule.tool === tool && new RegExp(rule.args).test(line));
if (index < 0) process.exit(0);
const countsFile = path.join(dir, 'counts.json');
let counts = {};
try { counts = JSON.parse(fs.readFileSync(countsFile, 'utf8')); } catch {}
const turn = counts[index] ?? 0;
counts[index] = turn + 1;
fs.writeFileSync(countsFile, JSON.stringify(counts));
const answers = rules[index].answers;
const answer = answers[Math.min(turn, answers.length - 1)];
if (answer.stdout) process.stdout.write(answer.stdout);
if (answer.stderr) process.stderr.write(answer.stderr);
if (answer.hold) setInterval(() => {}, 1000);
else process.exitCode = answer.exitCode ?? 0;
`;

/**
 * Fake aws, helm, kubectl, docker, curl and npx (the cdk CLI) on the PATH of a release script,
 * recording every call, so a test can run the script end to end and assert the calls it made.
 */
export class StandIns {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'what-if-stand-ins-'));
  readonly releaseDir = path.join(this.dir, 'release');
  private readonly bin = path.join(this.dir, 'bin');

  constructor(
    readonly tools: readonly string[],
    rules: readonly Rule[],
  ) {
    mkdirSync(this.bin);
    mkdirSync(this.releaseDir);
    writeFileSync(path.join(this.dir, 'stand-in.js'), standIn);
    writeFileSync(
      path.join(this.dir, 'rules.json'),
      JSON.stringify(rules.map((rule) => ({ ...rule, args: rule.args.source }))),
    );
    for (const tool of tools) {
      const file = path.join(this.bin, tool);
      writeFileSync(file, `#!/bin/sh\nexec node "${path.join(this.dir, 'stand-in.js')}" ${tool} "$@"\n`);
      chmodSync(file, 0o755);
    }
  }

  run(script: string, env: Record<string, string>): ScriptRun {
    const result = spawnSync('bash', [script], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        PATH: `${this.bin}:${process.env.PATH ?? ''}`,
        STAND_IN_DIR: this.dir,
        RELEASE_DIR: this.releaseDir,
        KUBECONFIG: path.join(this.dir, 'kubeconfig'),
      },
      timeout: 120_000,
    });
    let calls: Call[] = [];
    try {
      calls = readFileSync(path.join(this.dir, 'calls.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Call);
    } catch {
      calls = [];
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A call as one line, for readable sequence assertions. */
export function commandLine(call: Call): string {
  return [call.tool, ...call.args].join(' ');
}
