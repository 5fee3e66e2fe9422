import type { Profile } from './profile';

/** The chart's name; names and labels follow the Helm chart's helpers so both paths agree. */
export const appName = 'what-if';

/** The prefix of every object name: the instance when it already holds the app name, as Helm's fullname. */
export function namePrefix(profile: Profile): string {
  return profile.instance.includes(appName) ? profile.instance : `${profile.instance}-${appName}`;
}

/** A component's object name, which for a Service is also its DNS name. */
export function componentName(profile: Profile, component: string): string {
  return `${namePrefix(profile)}-${component}`.slice(0, 63).replace(/-+$/, '');
}

/** The labels that select a component's pods. */
export function selectorLabels(profile: Profile, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': appName,
    'app.kubernetes.io/instance': profile.instance,
    'app.kubernetes.io/component': component,
  };
}

/** The labels of every object of the release, whatever its component. */
export function releaseLabels(profile: Profile): Record<string, string> {
  return { 'app.kubernetes.io/name': appName, 'app.kubernetes.io/instance': profile.instance };
}

export function labels(profile: Profile, component: string, version: string): Record<string, string> {
  return {
    ...selectorLabels(profile, component),
    'app.kubernetes.io/part-of': appName,
    'app.kubernetes.io/version': version,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
}

export interface ObjectMetadata {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export function metadata(profile: Profile, component: string, version: string): ObjectMetadata {
  return {
    name: componentName(profile, component),
    namespace: profile.namespace,
    labels: labels(profile, component, version),
  };
}

/** A NetworkPolicy peer that is a component's pods. */
export function podPeer(
  profile: Profile,
  component: string,
): { podSelector: { matchLabels: Record<string, string> } } {
  return { podSelector: { matchLabels: selectorLabels(profile, component) } };
}
