import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { environmentNames } from '../src/config/environment-config';
import { synthesized } from './support/synthesized';

/** Asset hashes and the CDK version stamp change without any change to what is deployed. */
function masked(template: unknown): unknown {
  const text = JSON.stringify(template).replace(/[0-9a-f]{64}/g, '[ASSET HASH]');
  const json = JSON.parse(text) as { Resources?: Record<string, { Type: string }> };
  for (const [id, resource] of Object.entries(json.Resources ?? {})) {
    if (resource.Type === 'AWS::CDK::Metadata') delete json.Resources![id];
  }
  return json;
}

describe.each(environmentNames)('%s', (environment) => {
  const { app, templates } = synthesized(environment);

  test('passes every AwsSolutions check, or acknowledges the finding with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
    expect(findings).toEqual([]);
  });

  test('gives every acknowledged finding a reason a reviewer can check', () => {
    const reasons = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.length).toBeGreaterThanOrEqual(40);
  });

  test.each(Object.keys(templates))('%s template matches its snapshot', (stack) => {
    expect(masked(templates[stack as keyof typeof templates].toJSON())).toMatchSnapshot();
  });
});
