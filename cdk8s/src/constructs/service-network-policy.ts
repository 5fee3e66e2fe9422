import { type ServiceEntry, needsOutboundHttps, service, services, storePorts } from '@what-if/catalog';
import { configData } from '../environment';
import { Construct } from 'constructs';
import { dnsPeers } from '../kubernetes-defaults';
import { imageTag } from '../images';
import { metadata, podPeer, selectorLabels } from '../naming';
import type { EgressRule, IngressRule } from '../network-types';
import type { Profile } from '../profile';
import { isolatingNetworkPolicy } from './network-policy';

export interface ServiceNetworkPolicyProps {
  profile: Profile;
  entry: ServiceEntry;
}

/** Where the EKS Pod Identity agent answers on every node. */
const podIdentityAgent = { ipBlock: { cidr: '169.254.170.23/32' } };

export const dnsEgress: EgressRule = {
  to: dnsPeers,
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

function ingressRules(profile: Profile, entry: ServiceEntry): IngressRule[] {
  const ports = [{ port: entry.port, protocol: 'TCP' as const }];
  const rules: IngressRule[] = [];
  if (entry.public) rules.push({ from: profile.ingressControllerPeers, ports });
  const callers = services
    .filter((caller) => caller.calls.includes(entry.name))
    .map((caller) => caller.name)
    .sort();
  if (callers.length > 0) rules.push({ from: callers.map((caller) => podPeer(profile, caller)), ports });
  // The Argo Rollouts controller measures the analyses on the service's port.
  if (profile.rollouts.enabled) rules.push({ from: profile.rollouts.controllerPeers, ports });
  if (profile.metricsScrapers.length > 0) rules.push({ from: profile.metricsScrapers, ports });
  return rules;
}

function egressRules(profile: Profile, entry: ServiceEntry): EgressRule[] {
  const rules: EgressRule[] = [dnsEgress];
  for (const callee of entry.calls) {
    rules.push({ to: [podPeer(profile, callee)], ports: [{ port: service(callee).port, protocol: 'TCP' }] });
  }
  return [...rules, ...backingEgress(profile, entry, entry.name), ...(profile.extraEgress[entry.name] ?? [])];
}

/**
 * What a service's pods, and its workers' pods, reach besides DNS and other services: the
 * service's stores, the Pod Identity agent when `component` assumes a role that way, and HTTPS
 * outside when the service's configuration calls a remote provider or SES.
 */
export function backingEgress(profile: Profile, entry: ServiceEntry, component: string): EgressRule[] {
  const rules: EgressRule[] = [];
  for (const store of entry.stores) {
    rules.push(
      profile.stores.kind === 'in-cluster'
        ? { to: [podPeer(profile, store)], ports: [{ port: storePorts[store], protocol: 'TCP' }] }
        : {
            to: profile.stores.managed[store].peers,
            ports: [{ port: profile.stores.managed[store].port, protocol: 'TCP' }],
          },
    );
  }
  if (profile.aws.identity === 'pod-identity' && profile.aws.roleArns[component]) {
    rules.push({ to: [podIdentityAgent], ports: [{ port: 80, protocol: 'TCP' }] });
  }
  if (needsOutboundHttps(entry.name, configData(profile, entry))) {
    rules.push({ to: profile.outboundHttpsPeers, ports: [{ port: 443, protocol: 'TCP' }] });
  }
  return rules;
}

/**
 * The service's NetworkPolicy: reachable from the ingress controller if it is public, from
 * the callers the catalog declares, the Argo Rollouts controller (with rollouts) and metrics
 * scrapers; reaching DNS, the services it calls, its stores, the Pod Identity agent, HTTPS
 * outside when its configuration calls a remote provider or SES, and what the profile adds.
 */
export class ServiceNetworkPolicy extends Construct {
  constructor(scope: Construct, id: string, { profile, entry }: ServiceNetworkPolicyProps) {
    super(scope, id);
    isolatingNetworkPolicy(this, 'policy', {
      metadata: metadata(profile, entry.name, imageTag(profile)),
      podSelector: { matchLabels: selectorLabels(profile, entry.name) },
      ingress: ingressRules(profile, entry),
      egress: egressRules(profile, entry),
    });
  }
}
