import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RenderResult, repositoryRoot, runRenderer } from '../../cdk8s/test/support/helm-renderer';
import { find, parseManifests } from '../../cdk8s/test/support/manifests';

/** A chart whose templates call each engine function the renderer reproduces. */
const engineChart = path.join(repositoryRoot, 'tools', 'helm-render', 'testdata', 'engine');

function template(...args: string[]): RenderResult {
  return runRenderer(['template', 'demo', engineChart, '--namespace', 'space', ...args]);
}

function configData(...args: string[]): Record<string, string> {
  const result = template(...args);
  if (result.status !== 0) throw new Error(result.stderr);
  return find(parseManifests(result.stdout), 'ConfigMap', 'engine-demo').data;
}

describe('helm-render template, as helm template', () => {
  it('gives templates .Chart from Chart.yaml, .Release, .Capabilities and .Template', () => {
    const data = configData('--kube-version', 'v1.29.4', '--api-versions', 'example.com/v1');
    expect(data.chart).toBe('engine 1.2.3 4.5.6');
    expect(data.release).toBe('demo space true 1 Helm');
    expect(data.kube).toBe('v1.29.4 1 29');
    expect(data.hasApps).toBe('true');
    expect(data.hasExtra).toBe('true');
    expect(configData().hasExtra).toBe('false');
    expect(data.template).toBe('engine/templates/configmap.yaml');
  });

  it('reproduces include, tpl, required, toYaml, fromYaml, toJson and an empty lookup', () => {
    const data = configData();
    expect(data.tpl).toBe('hello from demo');
    expect(data.required).toBe('present');
    expect(data.roundTrip).toBe('kept');
    expect(data.yaml).toBe('drop: dropped\nkeep: kept\n');
    expect(data.nested).toBe('{"drop":"dropped","keep":"kept"}');
    expect(data.badYaml).toMatch(/^error converting YAML to JSON/);
    expect(data.lookup).toBe('{}');
    // A missing value renders empty, never as "<no value>".
    expect(data.missing).toBeNull();
  });

  it('lays -f files over values.yaml and --set over both, where null deletes a default', () => {
    const data = configData(
      '-f',
      path.join(engineChart, 'values.yaml'),
      '--set',
      'replicas=5,nested.drop=null,list={a,b},extra.items[1].name=second',
      '--set-string',
      'greeting=007',
    );
    expect(data.replicas).toBe('5');
    expect(JSON.parse(data.nested!)).toEqual({ keep: 'kept' });
    expect(JSON.parse(data.list!)).toEqual(['a', 'b']);
    expect(JSON.parse(data.extra!)).toEqual({ items: [null, { name: 'second' }] });
    expect(data.tpl).toBe('007 from demo');
  });

  it('keeps numbers from values files as Helm does (float64: 0.5 stays 0.5, 3 prints 3)', () => {
    const data = configData();
    expect(data.ratio).toBe('0.5');
    expect(data.replicas).toBe('3');
  });

  it('fails with the schema message, naming each field, when values break values.schema.json', () => {
    const result = template('--set', 'replicas=0,greeting=null,unknown=1');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nengine:\n",
    );
    expect(result.stderr).toContain('- replicas: Must be greater than or equal to 1');
    expect(result.stderr).toContain('- (root): greeting is required');
    expect(result.stderr).toContain('- (root): Additional property unknown is not allowed');
  });

  it("reports required and fail with the chart author's message and where it happened", () => {
    const missing = template('--set', 'required=');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /^Error: execution error at \(engine\/templates\/configmap\.yaml:\d+:\d+\): required is required$/m,
    );
    const failed = template('--set', 'shouldFail=true');
    expect(failed.stderr).toMatch(
      /execution error at \(engine\/templates\/service\.yaml:\d+:\d+\): shouldFail is set/,
    );
  });

  it('prints manifests in Helm install order with their # Source, test hooks last', () => {
    const result = template();
    const order = [...result.stdout.matchAll(/^kind: (\w+)$/gm)].map((match) => match[1]);
    expect(order).toEqual(['Namespace', 'ConfigMap', 'Service', 'Pod']);
    expect(
      result.stdout.startsWith(
        '---\n# Source: engine/templates/service.yaml\napiVersion: v1\nkind: Namespace',
      ),
    ).toBe(true);
    expect(result.stdout).toContain('---\n# Source: engine/templates/tests/check.yaml\n');
    expect(template('--skip-tests').stdout).not.toContain('kind: Pod');
  });

  it('renders NOTES.txt only when asked, as helm install prints it', () => {
    expect(template().stdout).not.toContain('Installed');
    const notes = runRenderer(['notes', 'demo', engineChart, '--set', 'replicas=2']);
    expect(notes.stdout).toBe('Installed demo with 2 replicas.\n');
  });

  it('refuses an unknown flag or a missing chart plainly', () => {
    expect(runRenderer(['template', 'demo', engineChart, '--bogus']).stderr).toContain(
      'unknown flag --bogus',
    );
    const missing = runRenderer(['template', 'demo', path.join(engineChart, 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('is not a chart');
  });
});

describe('helm-render lint, as helm lint', () => {
  it('passes a chart that renders, and under --strict fails on a value a template reads but nobody set', () => {
    const lenient = runRenderer(['lint', engineChart]);
    expect(lenient.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lenient.status).toBe(0);
    const strict = runRenderer(['lint', engineChart, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/\[ERROR\] templates\/: .*map has no entry for key "notThere"/);
    expect(strict.stderr).toContain('1 chart(s) linted, 1 chart(s) failed');
  });

  it('fails a chart whose directory and name disagree', () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'helm-render-')), 'renamed');
    cpSync(engineChart, copy, { recursive: true });
    const result = runRenderer(['lint', copy]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('[ERROR] Chart.yaml: chart name "engine" must match the directory name');
  });
});
