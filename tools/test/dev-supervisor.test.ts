import { eventually } from '../../test/support/eventually';
import { type ProcessExit, Supervisor, describeExit } from '../src/dev/supervisor';

interface Recorded {
  supervisor: Supervisor;
  lines: Array<[string, string]>;
  exits: ProcessExit[];
}

function recordingSupervisor(keepLines?: number): Recorded {
  const lines: Array<[string, string]> = [];
  const exits: ProcessExit[] = [];
  const supervisor = new Supervisor({
    onLine: (name, line) => lines.push([name, line]),
    onExit: (exit) => exits.push(exit),
    ...(keepLines ? { keepLines } : {}),
  });
  return { supervisor, lines, exits };
}

/** A Node child running `script`; it prints "ready" once its signal handlers are in place. */
function nodeChild(name: string, script: string) {
  return { name, command: process.execPath, args: ['-e', script], cwd: process.cwd(), env: process.env };
}

const waitsForSigterm = `
  process.on('SIGTERM', () => { console.log('draining'); console.error('bye'); process.exit(0); });
  console.log('ready');
  setInterval(() => {}, 1000);
`;

const ignoresSigterm = `
  process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
  console.log('ready');
  setInterval(() => {}, 1000);
`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilReady(lines: Array<[string, string]>, name: string): Promise<void> {
  await eventually(async () => expect(lines).toContainEqual([name, 'ready']), 10_000, 20);
}

describe('the supervisor', () => {
  it('relays stdout and stderr line by line, and stops a process with SIGTERM', async () => {
    const { supervisor, lines, exits } = recordingSupervisor();
    supervisor.start(nodeChild('polite', waitsForSigterm));
    await untilReady(lines, 'polite');

    const stopped = await supervisor.stop(5_000);
    expect(stopped).toEqual([
      expect.objectContaining({ name: 'polite', code: 0, signal: null, requested: true }),
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['polite', 'draining'],
        ['polite', 'bye'],
      ]),
    );
    expect(exits).toHaveLength(1);
    expect(supervisor.running()).toEqual([]);
  });

  it('kills a process that outlives the grace period after SIGTERM', async () => {
    const { supervisor, lines } = recordingSupervisor();
    supervisor.start(nodeChild('stubborn', ignoresSigterm));
    await untilReady(lines, 'stubborn');

    const waitedFor: string[][] = [];
    const [exit] = await supervisor.stop(500, (names) => waitedFor.push(names));
    expect(exit).toMatchObject({ name: 'stubborn', signal: 'SIGKILL', requested: true });
    expect(lines).toContainEqual(['stubborn', 'ignoring SIGTERM']);
    expect(waitedFor).toEqual([['stubborn']]);
    expect(describeExit(exit as ProcessExit)).toBe('was killed by SIGKILL');
  });

  it('stops one process for a reload while the others keep running', async () => {
    const { supervisor, lines } = recordingSupervisor();
    supervisor.start(nodeChild('reloaded', waitsForSigterm));
    supervisor.start(nodeChild('stubborn', ignoresSigterm));
    supervisor.start(nodeChild('bystander', waitsForSigterm));
    for (const name of ['reloaded', 'stubborn', 'bystander']) await untilReady(lines, name);

    expect(await supervisor.stopOne('reloaded', 5_000)).toMatchObject({ code: 0, requested: true });
    expect(await supervisor.stopOne('stubborn', 500)).toMatchObject({ signal: 'SIGKILL', requested: true });
    expect(await supervisor.stopOne('reloaded', 5_000)).toBeUndefined();
    expect(supervisor.running()).toEqual(['bystander']);
    await supervisor.stop(5_000);
  });

  it('kills at once on kill(), the second Ctrl-C', async () => {
    const { supervisor, lines } = recordingSupervisor();
    supervisor.start(nodeChild('stubborn', ignoresSigterm));
    await untilReady(lines, 'stubborn');
    const started = Date.now();
    const [exit] = await supervisor.kill();
    expect(exit).toMatchObject({ signal: 'SIGKILL', requested: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a process that ends on its own, with its exit code and its last lines', async () => {
    const { supervisor, exits } = recordingSupervisor(3);
    supervisor.start(
      nodeChild('crashing', `for (let i = 1; i <= 5; i++) console.log('line ' + i); process.exit(3);`),
    );

    await eventually(async () => expect(exits).toHaveLength(1), 10_000, 20);
    expect(exits[0]).toEqual({
      name: 'crashing',
      code: 3,
      signal: null,
      requested: false,
      lastLines: ['line 3', 'line 4', 'line 5'],
      upMs: expect.any(Number),
    });
    expect(describeExit(exits[0] as ProcessExit)).toBe('exited with code 3');
  });

  it('starts a process again under the same name once it has ended, and refuses while it runs', async () => {
    const { supervisor, lines, exits } = recordingSupervisor();
    supervisor.start(nodeChild('flaky', `console.log('ready'); process.exit(1);`));
    await eventually(async () => expect(exits).toHaveLength(1), 10_000, 20);

    supervisor.start(nodeChild('flaky', waitsForSigterm));
    await eventually(
      async () => expect(lines.filter(([, line]) => line === 'ready')).toHaveLength(2),
      10_000,
      20,
    );
    expect(supervisor.running()).toEqual(['flaky']);
    expect(() => supervisor.start(nodeChild('flaky', waitsForSigterm))).toThrow('flaky is already running');

    const [exit] = await supervisor.stop(5_000);
    expect(exit).toMatchObject({ name: 'flaky', code: 0, requested: true });
  });

  it("leaves none of a service's own subprocesses behind", async () => {
    const { supervisor, lines } = recordingSupervisor();
    // The child starts a grandchild that ignores SIGTERM, as an encoder might, then exits on SIGTERM itself.
    const parent = `
      const { spawn } = require('node:child_process');
      const grandchild = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
      console.log('grandchild ' + grandchild.pid);
      ${waitsForSigterm}
    `;
    supervisor.start(nodeChild('parent', parent));
    await untilReady(lines, 'parent');
    const grandchildPid = Number(lines.find(([, line]) => line.startsWith('grandchild '))?.[1].split(' ')[1]);
    expect(isAlive(grandchildPid)).toBe(true);
    try {
      await supervisor.stop(5_000);
      await eventually(async () => expect(isAlive(grandchildPid)).toBe(false), 5_000, 20);
    } finally {
      // A failed run must not leave the grandchild behind either.
      if (isAlive(grandchildPid)) process.kill(grandchildPid, 'SIGKILL');
    }
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const { supervisor, exits } = recordingSupervisor();
    supervisor.start({
      name: 'missing',
      command: '/nonexistent/node',
      args: [],
      cwd: process.cwd(),
      env: process.env,
    });
    await eventually(async () => expect(exits).toHaveLength(1), 5_000, 20);
    expect(exits[0]?.lastLines[0]).toContain('could not start /nonexistent/node');
    expect(exits[0]?.requested).toBe(false);
  });
});
