import { alertDefinitions, alertSubjects, cloudWatchOnlyAlarms, services } from '@what-if/catalog';
import { synthesized, type StackKey } from './support/synthesized';
import { resourcesOfType } from './support/template-queries';

/**
 * The CloudWatch alarms of an ECS deployment and the Prometheus alerts of a Kubernetes one are
 * kept equivalent: each alert names its alarm, or why there is none (services/catalog alerts.ts),
 * and each alarm is an alert's counterpart or listed as CloudWatch-only with its reason.
 */
const { templates } = synthesized('prod');
const prefix = 'whatif-prod-';
const alarmNames = (Object.keys(templates) as StackKey[])
  .flatMap((key) => Object.values(resourcesOfType(templates[key], 'AWS::CloudWatch::Alarm')))
  .map((alarm) => String(alarm.Properties['AlarmName']))
  .filter((name) => name.startsWith(prefix))
  .map((name) => name.slice(prefix.length))
  .sort();

/** Every alarm an alert expects on ECS, for each of its subjects. */
const expected = alertDefinitions.flatMap((definition) => {
  const counterpart = definition.cloudWatch;
  if (!('alarm' in counterpart)) return [];
  return alertSubjects(definition)
    .filter((subject) => !(counterpart.except && subject in counterpart.except))
    .map((subject) => ({
      alert: definition.name,
      subject,
      alarm: counterpart.alarm.replace('{service}', subject),
    }));
});

/** A CloudWatch-only pattern as a regular expression over alarm names without the environment prefix. */
function patternOf(alarm: string): RegExp {
  const escaped = alarm.replace(/[.*+?^${}()|[\]\\-]/g, (character) =>
    ['{', '}'].includes(character) ? character : `\\${character}`,
  );
  const names = services.map((entry) => entry.name).join('|');
  return new RegExp(
    `^${escaped.replace('{service}', `(${names})`).replace('{node}', '\\d{3}').replace('{colour}', '(blue|green)').replace('{kind}', '[a-z0-9-]+')}$`,
  );
}

test.each(expected.map((entry) => [entry.alert, entry.subject, entry.alarm]))(
  'the Prometheus alert %s for %s has its CloudWatch alarm %s on ECS',
  (_alert, _subject, alarm) => {
    expect(alarmNames).toContain(alarm);
  },
);

test('every CloudWatch alarm is a Prometheus alert’s counterpart or a documented CloudWatch-only alarm', () => {
  const counterparts = new Set(expected.map((entry) => entry.alarm));
  const unexplained = alarmNames.filter(
    (name) =>
      !counterparts.has(name) && !cloudWatchOnlyAlarms.some((only) => patternOf(only.alarm).test(name)),
  );
  expect(unexplained).toEqual([]);
});

test('every documented CloudWatch-only alarm exists, and every difference has its reason', () => {
  for (const only of cloudWatchOnlyAlarms) {
    expect({
      alarm: only.alarm,
      exists: alarmNames.some((name) => patternOf(only.alarm).test(name)),
    }).toEqual({
      alarm: only.alarm,
      exists: true,
    });
    expect(only.reason.length).toBeGreaterThan(20);
  }
  for (const definition of alertDefinitions) {
    const counterpart = definition.cloudWatch;
    if ('none' in counterpart) expect(counterpart.none.length).toBeGreaterThan(20);
  }
});
