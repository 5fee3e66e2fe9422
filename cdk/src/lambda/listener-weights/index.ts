import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
  type Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { type CustomResourceEvent, respond } from './cloudformation-response';
import {
  type ColourWeights,
  type WeightedRule,
  deploymentInProgress,
  forwardWeights,
  weightsToKeep,
} from './weights';

/**
 * Keeps CloudFormation from moving the gateway's traffic (aws/aws-cdk#36649). ECS native blue-green
 * shifts the weights of the production and test listener rules, but the template still holds the
 * weights of the first deploy, and any later update of a rule would write them back, sending
 * production to the idle, possibly empty, colour. The rules take their weights from this custom
 * resource instead, which reads them from the load balancer whenever a rule is about to change.
 */

/** The custom resource's properties (CloudFormation passes every value as a string). */
interface Properties {
  ProductionListenerArn: string;
  TestListenerArn: string;
  BlueTargetGroupArn: string;
  GreenTargetGroupArn: string;
  ClusterName: string;
  ServiceName: string;
}

export interface Clients {
  elbv2: ElasticLoadBalancingV2Client;
  ecs: ECSClient;
}

export const physicalResourceId = 'gateway-listener-weights';

/** One JSON line in the function's log group. */
function logLine(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

async function liveForwards(clients: Clients, listenerArn: string) {
  const rules: Rule[] = [];
  let marker: string | undefined;
  do {
    const page = await clients.elbv2.send(
      new DescribeRulesCommand({ ListenerArn: listenerArn, Marker: marker }),
    );
    rules.push(...(page.Rules ?? []));
    marker = page.NextMarker;
  } while (marker);
  return rules.filter((rule) => !rule.IsDefault).map((rule) => forwardWeights(rule.Actions));
}

async function refuseDuringDeployment(clients: Clients, properties: Properties): Promise<void> {
  const answer = await clients.ecs.send(
    new DescribeServicesCommand({ cluster: properties.ClusterName, services: [properties.ServiceName] }),
  );
  const service = answer.services?.find((candidate) => candidate.status === 'ACTIVE');
  if (service && deploymentInProgress(service.deployments)) {
    throw new Error(
      `A ${properties.ServiceName} deployment is moving traffic between blue and green; deploy again once it has finished`,
    );
  }
}

async function weightsNow(clients: Clients, properties: Properties): Promise<Record<string, number>> {
  await refuseDuringDeployment(clients, properties);
  const colours = {
    blueTargetGroupArn: properties.BlueTargetGroupArn,
    greenTargetGroupArn: properties.GreenTargetGroupArn,
  };
  const production: WeightedRule = { ...colours, initial: { blue: 100, green: 0 } };
  const test: WeightedRule = { ...colours, initial: { blue: 0, green: 100 } };
  const keep = async (rule: WeightedRule, listenerArn: string): Promise<ColourWeights> =>
    weightsToKeep(rule, await liveForwards(clients, listenerArn));
  const [productionWeights, testWeights] = await Promise.all([
    keep(production, properties.ProductionListenerArn),
    keep(test, properties.TestListenerArn),
  ]);
  return {
    ProductionBlueWeight: productionWeights.blue,
    ProductionGreenWeight: productionWeights.green,
    TestBlueWeight: testWeights.blue,
    TestGreenWeight: testWeights.green,
  };
}

export function createHandler(clients: Clients, log: (fields: Record<string, unknown>) => void = logLine) {
  return async (event: CustomResourceEvent): Promise<void> => {
    try {
      const data =
        event.RequestType === 'Delete'
          ? undefined
          : await weightsNow(clients, event.ResourceProperties as unknown as Properties);
      log({ requestType: event.RequestType, weights: data });
      await respond(event, { status: 'SUCCESS', physicalResourceId, ...(data ? { data } : {}) });
    } catch (error) {
      log({ requestType: event.RequestType, error: (error as Error).message });
      await respond(event, { status: 'FAILED', reason: (error as Error).message, physicalResourceId });
    }
  };
}

/** The Lambda entry point: the SDK comes with the Node.js runtime, credentials with the function's role. */
export const handler = createHandler({ elbv2: new ElasticLoadBalancingV2Client({}), ecs: new ECSClient({}) });
