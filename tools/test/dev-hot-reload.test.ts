import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../../test/support/eventually';
import { defaultRepoRoot } from '../src/dev/config';
import { HotReload, type ReloadableProcess } from '../src/dev/hot-reload';
import { Supervisor } from '../src/dev/supervisor';
import { freePorts } from '../src/harness/private-stack';

/**
 * make dev's hot reload on a fixture shaped like the monorepo: two services ("alpha", "beta"),
 * each a TypeScript project referencing a shared package, compiled by the real `tsc -b -w`
 * and run under the launcher's supervisor on free ports. Each answers its version and pid.
 */
const tsc = require.resolve('typescript/bin/tsc', { paths: [defaultRepoRoot] });

function writeProject(root: string, name: string, files: Record<string, string>, references: string[] = []) {
  const folder = path.join(root, name);
  mkdirSync(path.join(folder, 'src'), { recursive: true });
  writeFileSync(
    path.join(folder, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      references: references.map((reference) => ({ path: `../${reference}` })),
    }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, 'src', file), text);
}

const serviceSource = (name: string, version: string) => `import { createServer } from 'node:http';
import { greeting } from '../../shared/dist/index';

const version: string = '${version}';
const server = createServer((_request, response) => {
  response.end(JSON.stringify({ service: '${name}', version, greeting, pid: process.pid }));
});
server.listen(Number(process.env['PORT']), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

interface Answer {
  service: string;
  version: string;
  greeting: string;
  pid: number;
}

describe("make dev's hot reload", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'whatif-hot-reload-'));
  const log: string[] = [];
  const lines: string[] = [];
  let supervisor: Supervisor;
  let reload: HotReload;
  let ports: Record<string, number>;

  const ask = async (name: string): Promise<Answer> => {
    const response = await fetch(`http://127.0.0.1:${ports[name]}/`);
    return (await response.json()) as Answer;
  };
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, file);
    writeFileSync(full, change(readFileSync(full, 'utf8')));
  };
  /** Log lines since the mark that name a reload. */
  const reloadsSince = (mark: number) => log.slice(mark).filter((line) => line.startsWith('reloading '));

  beforeAll(async () => {
    writeFileSync(
      path.join(root, 'tsconfig.base.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'Node16',
          moduleResolution: 'Node16',
          strict: true,
          composite: true,
          // The fixture lives outside the repository; Node's types come from the repository's.
          typeRoots: [path.join(defaultRepoRoot, 'node_modules', '@types')],
          types: ['node'],
        },
      }),
    );
    writeProject(root, 'shared', { 'index.ts': "export const greeting: string = 'hello';\n" });
    writeProject(root, 'alpha', { 'main.ts': serviceSource('alpha', 'one') }, ['shared']);
    writeProject(root, 'beta', { 'main.ts': serviceSource('beta', 'one') }, ['shared']);
    // As make build does before make dev starts anything.
    const build = spawnSync(process.execPath, [tsc, '-b', 'alpha', 'beta'], { cwd: root, encoding: 'utf8' });
    expect(build.stdout + build.stderr).toBe('');

    const [alphaPort, betaPort] = await freePorts(2);
    ports = { alpha: alphaPort!, beta: betaPort! };
    supervisor = new Supervisor({ onLine: () => undefined, onExit: () => undefined });
    const processes: ReloadableProcess[] = ['alpha', 'beta'].map((name) => ({
      name,
      project: path.join(root, name),
      spec: () => ({
        name,
        command: process.execPath,
        args: [path.join('dist', 'main.js')],
        cwd: path.join(root, name),
        env: { ...process.env, PORT: String(ports[name]) },
      }),
      readyUrl: `http://127.0.0.1:${ports[name]}/`,
    }));
    reload = new HotReload({
      supervisor,
      processes,
      tscPath: tsc,
      cwd: root,
      debounceMs: 200,
      stopTimeoutMs: 5_000,
      readyTimeoutMs: 20_000,
      log: { info: (message) => log.push(message), warn: (message) => log.push(message) },
      onCompilerLine: (line) => lines.push(line),
    });
    for (const member of processes) supervisor.start(member.spec());
    reload.start();
    await eventually(() => Promise.all([ask('alpha'), ask('beta')]), 20_000, 100);
    // The watch's first compile finds everything built, and says it is watching.
    await eventually(
      async () => expect(log.join('\n')).toMatch(/^watching the sources of 2 services/m),
      60_000,
      100,
    );
  }, 90_000);

  afterAll(async () => {
    await reload?.stop();
    await supervisor?.stop(5_000);
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  test('a changed service is restarted with its new code, and the other one keeps running', async () => {
    const beta = await ask('beta');
    const alpha = await ask('alpha');
    const mark = log.length;
    edit('alpha/src/main.ts', (text) => text.replace("'one'", "'two'"));
    const reloaded = await eventually(
      async () => {
        const answer = await ask('alpha');
        expect(answer.version).toBe('two');
        return answer;
      },
      60_000,
      200,
    );
    expect(reloaded.pid).not.toBe(alpha.pid);
    expect(await ask('beta')).toEqual(beta);
    expect(reloadsSince(mark)).toEqual(['reloading alpha: its compiled output changed']);
    // Said once its readiness answers, which may be a moment after the first answer above.
    await eventually(
      async () =>
        expect(log.slice(mark)).toContainEqual(expect.stringMatching(/^alpha reloaded \(\d+\.\d s\)$/)),
      20_000,
      100,
    );
  }, 90_000);

  test('a change that leaves the compiled output as it was restarts nothing', async () => {
    const before = [await ask('alpha'), await ask('beta')];
    const mark = log.length;
    edit('beta/src/main.ts', (text) => text.replace('const version: string', 'const version'));
    await eventually(
      async () =>
        expect(log.slice(mark)).toContain("compiled: no service's output changed, nothing to reload"),
      60_000,
      100,
    );
    expect(reloadsSince(mark)).toEqual([]);
    expect([await ask('alpha'), await ask('beta')]).toEqual(before);
  }, 90_000);

  test('an edit with a type error reloads nothing until it is fixed', async () => {
    const before = await ask('beta');
    const mark = log.length;
    edit('beta/src/main.ts', (text) =>
      text.replace("const version = 'one'", "const version: number = 'three'"),
    );
    await eventually(
      async () =>
        expect(log.slice(mark)).toContain(
          'the compiler found errors (above): nothing is reloaded until they are fixed',
        ),
      60_000,
      100,
    );
    expect(await ask('beta')).toEqual(before);
    edit('beta/src/main.ts', (text) =>
      text.replace("const version: number = 'three'", "const version = 'three'"),
    );
    await eventually(async () => expect((await ask('beta')).version).toBe('three'), 60_000, 200);
    expect(reloadsSince(mark)).toEqual(['reloading beta: its compiled output changed']);
  }, 120_000);

  test('a change in a package every service builds on restarts them all', async () => {
    const before = [await ask('alpha'), await ask('beta')];
    edit('shared/src/index.ts', (text) => text.replace("'hello'", "'hej'"));
    await eventually(
      async () => {
        const after = [await ask('alpha'), await ask('beta')];
        expect(after.map((answer) => answer.greeting)).toEqual(['hej', 'hej']);
        expect(after[0]!.pid).not.toBe(before[0]!.pid);
        expect(after[1]!.pid).not.toBe(before[1]!.pid);
      },
      60_000,
      200,
    );
  }, 90_000);
});
