import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const library = path.join(repositoryRoot, 'tools', 'dev', 'lib', 'debian-packages.sh');

/**
 * Runs `commands` in bash with the library sourced, as a tools/dev script does, and with this
 * machine's apt-get and systemctl replaced by stand-ins that only write down how they were called.
 */
function withLibrary(commands: string, options: { aptGet?: boolean } = {}) {
  const bin = mkdtempSync(path.join(tmpdir(), 'debian-packages-'));
  const calls = path.join(bin, 'calls');
  writeFileSync(calls, '');
  const standIn = (name: string, body = '') => {
    writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> '${calls}'\n${body}`);
    chmodSync(path.join(bin, name), 0o755);
  };
  if (options.aptGet !== false) standIn('apt-get');
  standIn('systemctl', '[ "$1" != is-active ] || [ "$3" = running-unit ]');
  standIn('sudo', 'exec "$@"');
  // The few programs the library runs besides them; no other directory is on PATH.
  for (const tool of ['id', 'env']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
  try {
    const run = spawnSync(
      '/bin/bash',
      [
        '-c',
        `set -euo pipefail
say() { printf 'test: %s\\n' "$*"; }
fail() { printf 'test: %s\\n' "$*" >&2; exit 1; }
source '${library}'
${commands}`,
      ],
      // Only the stand-ins: never this machine's package manager.
      { env: { PATH: bin, HOME: bin }, encoding: 'utf8' },
    );
    const called = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, called };
  } finally {
    rmSync(bin, { recursive: true });
  }
}

describe('ensure_debian_packages (tools/dev/lib/debian-packages.sh)', () => {
  test('updates the package lists once per run, then installs what each call names, without questions', () => {
    const run = withLibrary('ensure_debian_packages nginx\nensure_debian_packages ffmpeg espeak-ng');
    expect(run.status).toBe(0);
    expect(run.called).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends nginx',
      'apt-get install -y -qq --no-install-recommends ffmpeg espeak-ng',
    ]);
    expect(run.stdout).toBe(
      'test: apt-get update\ntest: installing nginx\ntest: installing ffmpeg espeak-ng\n',
    );
  });

  test('without apt-get it changes nothing and says how to provide the packages elsewhere', () => {
    const run = withLibrary(
      'ensure_debian_packages --elsewhere "Install nginx your way (macOS: brew install nginx)." nginx',
      { aptGet: false },
    );
    expect(run.status).toBe(1);
    expect(run.called).toEqual([]);
    expect(run.stderr).toBe(
      "test: cannot install nginx here: this script knows Debian's packages only. Install nginx your way (macOS: brew install nginx).\n",
    );
  });

  test('stop_packaged_service stops and disables a unit the package started, and leaves others alone', () => {
    const run = withLibrary('stop_packaged_service running-unit\nstop_packaged_service stopped-unit');
    expect(run.status).toBe(0);
    expect(run.called).toEqual([
      'systemctl is-active --quiet running-unit',
      'systemctl disable --now running-unit',
      'systemctl is-active --quiet stopped-unit',
    ]);
  });
});

test.each(['nginx.sh', 'media.sh', 'prometheus.sh', 'browser.sh', 'stores.sh'])(
  'tools/dev/%s installs through the shared library, with no apt-get of its own',
  (script) => {
    const text = readFileSync(path.join(repositoryRoot, 'tools', 'dev', script), 'utf8');
    expect(text).toContain('source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"');
    expect(text).not.toMatch(/apt-get (update|install)/);
    expect(text).not.toMatch(/^as_root\(\)/m);
  },
);
