import { metricSample } from '../../../../test/support/metrics-text';

/** The value of the series `name` whose labels include `labels`, or 0 when it has not been written. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  return metricSample(text, name, labels) ?? 0;
}
