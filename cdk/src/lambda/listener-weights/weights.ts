/** A rule's forward action as the load balancer reports it: target group ARN to weight. */
export type ForwardWeights = ReadonlyMap<string, number>;

/** What one rule of ours forwards to each colour. */
export interface ColourWeights {
  readonly blue: number;
  readonly green: number;
}

/** The two target groups ECS alternates between, and the weights a rule starts with. */
export interface WeightedRule {
  readonly blueTargetGroupArn: string;
  readonly greenTargetGroupArn: string;
  readonly initial: ColourWeights;
}

interface ActionLike {
  Type?: string | undefined;
  TargetGroupArn?: string | undefined;
  ForwardConfig?:
    { TargetGroups?: Array<{ TargetGroupArn?: string; Weight?: number }> | undefined } | undefined;
}

/** The target groups a rule's forward action sends to, with their weights (a lone target group takes all). */
export function forwardWeights(actions: readonly ActionLike[] | undefined): ForwardWeights {
  const weights = new Map<string, number>();
  for (const action of actions ?? []) {
    if (action.Type !== 'forward') continue;
    const groups = action.ForwardConfig?.TargetGroups ?? [];
    if (groups.length > 0) {
      for (const group of groups)
        if (group.TargetGroupArn) weights.set(group.TargetGroupArn, group.Weight ?? 1);
    } else if (action.TargetGroupArn) {
      weights.set(action.TargetGroupArn, 1);
    }
  }
  return weights;
}

/**
 * The weights a stack update must write to a rule: the ones it has now, which ECS set at its last
 * traffic shift, so CloudFormation never moves traffic itself; the initial ones only while no such
 * rule exists. A rule that forwards anywhere else is not one this deployment knows: refuse.
 */
export function weightsToKeep(rule: WeightedRule, live: readonly ForwardWeights[]): ColourWeights {
  const ours = live.filter(
    (weights) => weights.has(rule.blueTargetGroupArn) || weights.has(rule.greenTargetGroupArn),
  );
  if (ours.length === 0) return rule.initial;
  if (ours.length > 1) {
    throw new Error(
      `${ours.length} rules on the listener forward to the gateway's target groups; expected one`,
    );
  }
  const [weights] = ours as [ForwardWeights];
  const strangers = [...weights.keys()].filter(
    (arn) => arn !== rule.blueTargetGroupArn && arn !== rule.greenTargetGroupArn,
  );
  if (strangers.length > 0) {
    throw new Error(
      `The gateway's rule also forwards to ${strangers.join(', ')}; fix the listener by hand first`,
    );
  }
  const blue = weights.get(rule.blueTargetGroupArn) ?? 0;
  const green = weights.get(rule.greenTargetGroupArn) ?? 0;
  if (blue + green === 0)
    throw new Error("The gateway's rule forwards nothing to either colour; fix it by hand first");
  return { blue, green };
}

/** What ECS reports of a service's deployments. */
export interface DeploymentLike {
  status?: string | undefined;
  rolloutState?: string | undefined;
}

/**
 * Whether ECS is moving the gateway between colours now (a deployment or its bake): its weights
 * may change between reading and writing them, so the stack update must wait.
 */
export function deploymentInProgress(deployments: readonly DeploymentLike[] | undefined): boolean {
  const all = deployments ?? [];
  return all.length > 1 || all.some((deployment) => deployment.rolloutState === 'IN_PROGRESS');
}
