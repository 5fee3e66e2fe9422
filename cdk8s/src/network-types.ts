/**
 * NetworkPolicy pieces in their plain Kubernetes JSON shape (ports as numbers), which is how
 * profiles write them and how the chart's values hold them.
 */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

export interface PolicyPeer {
  ipBlock?: { cidr: string; except?: string[] };
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
}

export interface PolicyPort {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface IngressRule {
  from: PolicyPeer[];
  ports: PolicyPort[];
}

export interface EgressRule {
  to: PolicyPeer[];
  ports: PolicyPort[];
}
