import { alertRuleGroups } from '@what-if/catalog';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { imageTag } from '../images';
import { appName, labels, metadata } from '../naming';
import type { Profile } from '../profile';

const monitoringApiVersion = 'monitoring.coreos.com/v1';

/**
 * The Prometheus Operator objects, as the chart's templates/monitoring.yaml renders them: a
 * PodMonitor scraping every service and worker pod's /metrics with the job named after its
 * component (the deployable the alert rules' `job` label expects), and the catalog's alert rules
 * as a PrometheusRule.
 */
export class Monitoring extends Construct {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id);
    const version = imageTag(profile);
    const base = metadata(profile, 'monitoring', version);
    const { podMonitor, prometheusRule } = profile.monitoring;
    if (podMonitor) {
      new ApiObject(this, 'pod-monitor', {
        apiVersion: monitoringApiVersion,
        kind: 'PodMonitor',
        metadata: { ...base, labels: { ...labels(profile, 'monitoring', version), ...podMonitor.labels } },
        spec: {
          jobLabel: 'app.kubernetes.io/component',
          selector: {
            matchLabels: {
              'app.kubernetes.io/name': appName,
              'app.kubernetes.io/instance': profile.instance,
            },
          },
          podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: podMonitor.interval }],
        },
      });
    }
    if (prometheusRule) {
      new ApiObject(this, 'prometheus-rule', {
        apiVersion: monitoringApiVersion,
        kind: 'PrometheusRule',
        metadata: {
          ...base,
          labels: { ...labels(profile, 'monitoring', version), ...prometheusRule.labels },
        },
        spec: { groups: alertRuleGroups() },
      });
    }
  }
}
