import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { parse } from 'yaml';
import { renderCompose } from '../src/generate/compose';

const repositoryRoot = path.resolve(__dirname, '..', '..');

interface Instruction {
  keyword: string;
  /** The arguments as written, continuation lines joined. */
  args: string;
  line: number;
}

interface Stage {
  /** The FROM argument as written, e.g. ${NODE_IMAGE} or an earlier stage's name. */
  from: string;
  name?: string;
  instructions: Instruction[];
}

interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
}

/**
 * Splits a Dockerfile into instructions the way BuildKit does for the default escape
 * character: a trailing backslash continues the instruction, and comment or blank lines
 * inside a continuation are skipped.
 */
function parseInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = /\\[ \t]*$/.test(raw);
    const content = continues ? raw.replace(/\\[ \t]*$/, '') : raw;
    pending = pending
      ? { ...pending, text: pending.text + content }
      : { text: content.trimStart(), line: index + 1 };
    if (continues) return;
    const [keyword = ''] = pending.text.split(/\s+/);
    instructions.push({
      keyword: keyword.toUpperCase(),
      args: pending.text.slice(keyword.length).trim(),
      line: pending.line,
    });
    pending = undefined;
  });
  if (pending) throw new Error(`The instruction on line ${pending.line} ends in a continuation`);
  return instructions;
}

function parseDockerfile(text: string): Dockerfile {
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const [from = '', as, name] = words;
      stages.push({
        from,
        ...(as?.toUpperCase() === 'AS' && name ? { name } : {}),
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage) {
      stage.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      const [name = '', value] = instruction.args.split('=', 2);
      globalArgs.set(name, value);
    }
  }
  return { globalArgs, stages };
}

function substitute(text: string, values: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
    const value = values.get((braced ?? bare) as string);
    if (value === undefined) throw new Error(`${whole} has no value in "${text}"`);
    return value;
  });
}

function of(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword);
}

/** Leading --flag or --flag=value words, and the rest. */
function flagsAndWords(args: string): { flags: string[]; words: string[] } {
  const all = args.split(/\s+/).filter(Boolean);
  const firstWord = all.findIndex((word) => !word.startsWith('--'));
  return firstWord === -1
    ? { flags: all, words: [] }
    : { flags: all.slice(0, firstWord), words: all.slice(firstWord) };
}

function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`Expected the exec (JSON array) form, got ${args}`);
  }
  return parsed as string[];
}

/** .dockerignore rules with Docker's meaning: last match wins, an excluded folder excludes its contents. */
function contextFilter(ignoreFile: string): (relativePath: string) => boolean {
  const rules = ignoreFile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const source = pattern
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) => {
          if (part === '**/') return '(?:.*/)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          if (part === '?') return '[^/]';
          return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negated, pattern: new RegExp(`^${source}$`) };
    });
  return (relativePath) => {
    const parts = relativePath.replace(/\/+$/, '').split('/');
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.pattern.test(prefix))) excluded = !rule.negated;
    }
    return !excluded;
  };
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const dockerfile = parseDockerfile(readFileSync(path.join(repositoryRoot, 'Dockerfile'), 'utf8'));
const dockerignore = readFileSync(path.join(repositoryRoot, '.dockerignore'), 'utf8');
const inContext = contextFilter(dockerignore);
const stageNames = new Set(dockerfile.stages.flatMap((stage) => (stage.name ? [stage.name] : [])));
const finalStage = dockerfile.stages.at(-1) as Stage;
const runs = dockerfile.stages.flatMap((stage) => of(stage, 'RUN'));

describe('the Dockerfile parser', () => {
  it('joins continuation lines, skips comments inside them and keeps line numbers', () => {
    const parsed = parseDockerfile(
      [
        'ARG BASE=node:24-slim',
        '# a comment',
        'FROM ${BASE} AS build',
        'RUN echo one \\',
        '    # dropped, as BuildKit drops it',
        '    && echo two',
        'FROM build',
        'CMD ["node", "x.js"]',
      ].join('\n'),
    );
    expect(parsed.globalArgs.get('BASE')).toBe('node:24-slim');
    expect(parsed.stages.map((stage) => [stage.from, stage.name])).toEqual([
      ['${BASE}', 'build'],
      ['build', undefined],
    ]);
    expect(parsed.stages[0]?.instructions).toEqual([
      { keyword: 'RUN', args: 'echo one     && echo two', line: 4 },
    ]);
    expect(execForm(parsed.stages[1]?.instructions[0]?.args ?? '')).toEqual(['node', 'x.js']);
  });

  it('reads .dockerignore the way Docker does', () => {
    const keep = contextFilter('**/node_modules\n.git\ndocs\n!docs/keep.md\n*.log');
    expect(keep('node_modules/x/index.js')).toBe(false);
    expect(keep('services/kit/node_modules/x')).toBe(false);
    expect(keep('.git/HEAD')).toBe(false);
    expect(keep('docs/a.md')).toBe(false);
    expect(keep('docs/keep.md')).toBe(true);
    expect(keep('debug.log')).toBe(false);
    expect(keep('services/debug.log')).toBe(true);
    expect(keep('services/kit/src/index.ts')).toBe(true);
  });
});

describe('Dockerfile', () => {
  it('builds in stages and ships only the last one', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(3);
    expect(stageNames.has(finalStage.from)).toBe(false);
  });

  it('pins every base image to a tag that is not latest', () => {
    const bases = dockerfile.stages
      .filter((stage) => !stageNames.has(stage.from))
      .map((stage) => substitute(stage.from, dockerfile.globalArgs));
    expect(bases.length).toBeGreaterThan(0);
    for (const image of bases) {
      expect(image).toMatch(/^[\w./-]+(:[\w][\w.-]*)(@sha256:[0-9a-f]{64})?$|^[\w./-]+@sha256:[0-9a-f]{64}$/);
      expect(image).not.toMatch(/:latest(@|$)/);
    }
  });

  it('declares ARG SERVICE in every stage that uses it (an ARG does not cross stages)', () => {
    const users = dockerfile.stages.filter((stage) =>
      stage.instructions.some((instruction) => /\$\{?SERVICE\b/.test(instruction.args)),
    );
    expect(users.length).toBeGreaterThan(0);
    for (const stage of users) {
      const declared = of(stage, 'ARG').findIndex((instruction) => instruction.args === 'SERVICE');
      expect({ stage: stage.name ?? stage.from, declared: declared !== -1 }).toEqual({
        stage: stage.name ?? stage.from,
        declared: true,
      });
      const declaredAt = of(stage, 'ARG')[declared]?.line ?? Infinity;
      const firstUse = stage.instructions.find((instruction) => /\$\{?SERVICE\b/.test(instruction.args));
      expect(firstUse?.line).toBeGreaterThan(declaredAt);
    }
  });

  it('installs with npm ci from the lockfile, never npm install', () => {
    // npm as a command, not a path such as /usr/local/bin/npm.
    const npmCommand = /(?<![\w/.-])npm\s+([a-z-]+)/g;
    const subcommands = runs.flatMap((run) => [...run.args.matchAll(npmCommand)].map((match) => match[1]));
    expect(subcommands.length).toBeGreaterThan(0);
    expect(new Set(subcommands)).toEqual(new Set(['ci']));
  });

  it('gives the runtime production dependencies of the one service only', () => {
    const production = runs.filter((run) => /\bnpm\s+ci\b/.test(run.args) && /--omit=dev\b/.test(run.args));
    expect(production).toHaveLength(1);
    expect(production[0]?.args).toMatch(/--workspace\s+"?services\/\$\{SERVICE\}"?/);
  });

  it.each(services.map((entry) => entry.name))(
    'compiles and ships every workspace library %s links',
    (name) => {
      const linked = new Set<string>();
      const visit = (packageName: string) => {
        const folder = packageName.replace(/^@what-if\//, '');
        const manifest = JSON.parse(
          readFileSync(path.join(repositoryRoot, 'services', folder, 'package.json'), 'utf8'),
        ) as { dependencies?: Record<string, string> };
        for (const dependency of Object.keys(manifest.dependencies ?? {})) {
          if (!dependency.startsWith('@what-if/') || linked.has(dependency)) continue;
          linked.add(dependency);
          visit(dependency);
        }
      };
      visit(`@what-if/${name}`);
      const copied = dockerfile.stages
        .flatMap((stage) => of(stage, 'COPY'))
        .flatMap((copy) => flagsAndWords(copy.args).words.slice(0, -1));
      // The runtime loop ships its fixed list and the optional libraries the build compiled.
      const shipped = runs
        .flatMap((run) => [...run.args.matchAll(/for (?:package|library) in ([^;]+); do/g)])
        .flatMap((match) => (match[1] ?? '').split(/\s+/));
      for (const library of linked) {
        const folder = `services/${library.replace(/^@what-if\//, '')}`;
        expect({ library, compiled: copied.includes(`${folder}/`) }).toEqual({ library, compiled: true });
        expect({ library, shipped: shipped.includes(folder.slice('services/'.length)) }).toEqual({
          library,
          shipped: true,
        });
      }
    },
  );

  it('copies every workspace manifest before npm ci, or npm ci refuses the lockfile', () => {
    const rootManifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const firstNpmCi = runs.find((run) => /\bnpm\s+ci\b/.test(run.args))?.line ?? 0;
    const copiedBeforeInstall = dockerfile.stages
      .flatMap((stage) => of(stage, 'COPY'))
      .filter((copy) => copy.line < firstNpmCi)
      .flatMap((copy) => flagsAndWords(copy.args).words.slice(0, -1));
    expect(firstNpmCi).toBeGreaterThan(0);
    expect(copiedBeforeInstall).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']));
    for (const workspace of rootManifest.workspaces) {
      expect(copiedBeforeInstall).toContain(`${workspace}/package.json`);
    }
  });

  it.each(services.map((entry) => entry.name))(
    'finds every file it copies from the build context when SERVICE=%s',
    (name) => {
      const values = new Map([...dockerfile.globalArgs, ['SERVICE', name], ['PORT', '0']]);
      const sources = dockerfile.stages
        .flatMap((stage) => of(stage, 'COPY').concat(of(stage, 'ADD')))
        .filter((copy) => flagsAndWords(copy.args).flags.every((flag) => !flag.startsWith('--from')))
        .flatMap((copy) => flagsAndWords(substitute(copy.args, values)).words.slice(0, -1));
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const full = path.join(repositoryRoot, source);
        expect({ source, exists: existsSync(full) }).toEqual({ source, exists: true });
        expect({ source, inContext: inContext(source) }).toEqual({ source, inContext: true });
        if (statSync(full).isDirectory() && existsSync(path.join(full, 'src'))) {
          const sourcesUnder = filesUnder(path.join(full, 'src'))
            .map((file) => path.relative(repositoryRoot, file))
            .filter((file) => !inContext(file));
          expect(sourcesUnder).toEqual([]);
        }
      }
    },
  );

  describe('final stage', () => {
    it('runs as a non-root user', () => {
      const user = of(finalStage, 'USER').at(-1)?.args ?? 'root';
      const [account = ''] = user.split(':');
      expect(['', 'root', '0']).not.toContain(account);
    });

    it('uses tini as PID 1 so node gets SIGTERM and zombies are reaped', () => {
      const entrypoint = execForm(of(finalStage, 'ENTRYPOINT').at(-1)?.args ?? '[]');
      expect(entrypoint[0]).toMatch(/(^|\/)tini$/);
      expect(entrypoint).toContain('--');
      expect(of(finalStage, 'RUN').some((run) => /apt-get install[^&]*\btini\b/.test(run.args))).toBe(true);
    });

    it('starts the compiled service in its own folder', () => {
      expect(execForm(of(finalStage, 'CMD').at(-1)?.args ?? '[]')).toEqual(['node', 'dist/main.js']);
      expect(of(finalStage, 'WORKDIR').at(-1)?.args).toBe('/app/services/${SERVICE}');
    });

    it('runs node in production mode', () => {
      expect(of(finalStage, 'ENV').map((env) => env.args)).toContain('NODE_ENV=production');
    });

    it('checks liveness with node itself on the port the service reads', () => {
      const healthcheck = of(finalStage, 'HEALTHCHECK').at(-1)?.args ?? 'NONE';
      const { flags, words } = flagsAndWords(healthcheck);
      expect(words[0]).toBe('CMD');
      const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD') + 3).trim());
      expect(command.slice(0, 2)).toEqual(['node', '-e']);
      expect(command[2]).toContain('process.env.PORT');
      expect(command[2]).toContain('/health/live');
      expect(flags.some((flag) => flag.startsWith('--interval='))).toBe(true);
      expect(of(finalStage, 'ENV').map((env) => env.args)).toContain('PORT=${PORT}');
      expect(of(finalStage, 'EXPOSE').map((expose) => expose.args)).toEqual(['${PORT}']);
    });

    it('leaves every file owned by root, so the service cannot change its own code', () => {
      for (const copy of of(finalStage, 'COPY')) {
        expect(flagsAndWords(copy.args).flags.filter((flag) => /^--(chown|chmod)/.test(flag))).toEqual([]);
      }
      const user = of(finalStage, 'USER').at(-1)?.line ?? 0;
      const copiesAfterUser = of(finalStage, 'COPY').filter((copy) => copy.line > user);
      expect(copiesAfterUser).toEqual([]);
    });

    it('takes its files from build stages, not straight from the context', () => {
      const copies = of(finalStage, 'COPY');
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) {
        expect(flagsAndWords(copy.args).flags.some((flag) => flag.startsWith('--from='))).toBe(true);
      }
    });
  });

  it('declares every build arg that docker-compose.yml passes', () => {
    const compose = parse(renderCompose()) as {
      services: Record<string, { build?: { args: Record<string, string> } }>;
    };
    const declared = new Set(
      dockerfile.stages.flatMap((stage) => of(stage, 'ARG')).map((arg) => arg.args.split('=')[0]),
    );
    for (const entry of Object.values(compose.services)) {
      for (const arg of Object.keys(entry.build?.args ?? {})) expect(declared).toContain(arg);
    }
  });
});

describe('system packages', () => {
  /** What the build stage writes for the runtime stage to install, run as the build runs it. */
  function renderedPackages(service: string): string[] {
    const run = runs.find((candidate) => candidate.args.includes('systemPackages'));
    const script = /node -e "([^"]+)"/.exec(run?.args ?? '')?.[1];
    if (!run || !script) throw new Error('the build stage no longer writes the catalog systemPackages');
    expect(run.args).toMatch(/> \/system-packages$/);
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: repositoryRoot,
      env: { ...process.env, SERVICE: service },
      encoding: 'utf8',
    });
    return output.split(/\s+/).filter(Boolean);
  }

  it.each(services.map((entry) => entry.name))('renders the catalog list of %s for the image', (name) => {
    const entry = services.find((candidate) => candidate.name === name)!;
    expect(renderedPackages(name)).toEqual([...(entry.systemPackages ?? [])]);
  });

  it('gives the video image ffmpeg, espeak-ng and fonts with Vietnamese coverage', () => {
    expect(renderedPackages('video')).toEqual(['ffmpeg', 'espeak-ng', 'fonts-dejavu-core']);
  });

  it('installs that list in the runtime stage, beside tini', () => {
    const install = of(finalStage, 'RUN').find((run) => /apt-get install/.test(run.args));
    expect(install?.args).toMatch(
      /--mount=type=bind,from=build,source=\/system-packages,target=\/tmp\/system-packages/,
    );
    expect(install?.args).toMatch(
      /apt-get install -y --no-install-recommends tini \$\(cat \/tmp\/system-packages\)/,
    );
  });

  it('are what tools/dev/media.sh installs on a developer machine', () => {
    const script = readFileSync(path.join(repositoryRoot, 'tools', 'dev', 'media.sh'), 'utf8');
    const listed = /^readonly packages=\(([^)]*)\)$/m.exec(script)?.[1]?.split(/\s+/).filter(Boolean);
    const needed = [...new Set(services.flatMap((entry) => entry.systemPackages ?? []))];
    expect(listed).toEqual(needed);
  });
});

describe('.dockerignore', () => {
  it.each([
    'node_modules/express/package.json',
    'services/kit/node_modules/x',
    '.git/HEAD',
    '.env',
    '.env.local',
    '.fuzz/venv/bin/python',
  ])('keeps %s out of the build context', (file) => {
    expect(inContext(file)).toBe(false);
  });

  it.each([
    'services/kit/dist/index.js',
    'services/history/tsconfig.tsbuildinfo',
    'services/user/test/x.test.ts',
  ])('keeps local build output and tests (%s) out, so the image compiles from sources', (file) => {
    expect(inContext(file)).toBe(false);
  });
});
