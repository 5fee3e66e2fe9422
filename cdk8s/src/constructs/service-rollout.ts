import type { ServiceEntry } from '@what-if/catalog';
import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { imageTag } from '../images';
import { componentName, labels, selectorLabels } from '../naming';
import type { Profile } from '../profile';

/** argoproj.io/v1alpha1: the API group of Argo Rollouts' Rollout and AnalysisTemplate. */
export const rolloutsApiVersion = 'argoproj.io/v1alpha1';

export function previewServiceName(profile: Profile, entry: ServiceEntry): string {
  return componentName(profile, `${entry.name}-preview`);
}

function analysisTemplateName(profile: Profile, entry: ServiceEntry): string {
  return componentName(profile, `${entry.name}-pre-promotion`);
}

/**
 * The blueGreen strategy of a service's Rollout: the preview Service fronts the new revision
 * until the analysis passes; public services wait for a promotion (after a smoke check through
 * the preview), internal ones promote themselves; the previous revision keeps running
 * for the scale-down delay, so a rollback is a switch of the active Service's selector.
 */
export function blueGreenStrategy(profile: Profile, entry: ServiceEntry): Record<string, unknown> {
  return {
    blueGreen: {
      activeService: componentName(profile, entry.name),
      previewService: previewServiceName(profile, entry),
      autoPromotionEnabled: !entry.public,
      scaleDownDelaySeconds: profile.rollouts.scaleDownDelaySeconds,
      prePromotionAnalysis: { templates: [{ templateName: analysisTemplateName(profile, entry) }] },
    },
  };
}

export interface ServiceRolloutProps {
  profile: Profile;
  entry: ServiceEntry;
  /** The service the unified health is asked through (the public one). */
  publicEntry: ServiceEntry;
}

/**
 * The preview Service and the pre-promotion AnalysisTemplate of a service's Rollout. The
 * Argo Rollouts controller measures: the preview's own readiness, and the unified health of
 * the public service (through its preview when that is the one rolled out).
 */
export class ServiceRollout extends Construct {
  constructor(scope: Construct, id: string, { profile, entry, publicEntry }: ServiceRolloutProps) {
    super(scope, id);
    const objectLabels = labels(profile, entry.name, imageTag(profile));
    const preview = new kplus.Service(this, 'preview', {
      metadata: {
        name: previewServiceName(profile, entry),
        namespace: profile.namespace,
        labels: objectLabels,
      },
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: 'http', port: entry.port, targetPort: entry.port, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(selectorLabels(profile, entry.name)))
      preview.selectLabel(key, value);

    const { analysis } = profile.rollouts;
    const url = (host: string, port: number, path: string) =>
      `http://${host}.${profile.namespace}.svc:${port}${path}`;
    const unifiedHost =
      publicEntry.name === entry.name
        ? previewServiceName(profile, publicEntry)
        : componentName(profile, publicEntry.name);
    const checks = [
      { name: 'preview-ready', url: url(previewServiceName(profile, entry), entry.port, entry.health.ready) },
      { name: 'unified-health', url: url(unifiedHost, publicEntry.port, analysis.unifiedHealthPath) },
    ];
    new ApiObject(this, 'analysis', {
      apiVersion: rolloutsApiVersion,
      kind: 'AnalysisTemplate',
      metadata: {
        name: analysisTemplateName(profile, entry),
        namespace: profile.namespace,
        labels: objectLabels,
      },
      spec: {
        metrics: checks.map((check) => ({
          name: check.name,
          interval: analysis.interval,
          count: analysis.count,
          failureLimit: 0,
          consecutiveErrorLimit: analysis.consecutiveErrorLimit,
          successCondition: 'result == "ok"',
          provider: {
            web: { url: check.url, timeoutSeconds: analysis.timeoutSeconds, jsonPath: '{$.status}' },
          },
        })),
      },
    });
  }
}
