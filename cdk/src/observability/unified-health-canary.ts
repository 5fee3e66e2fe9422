import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Canary, Code, Runtime, Schedule, Test } from 'aws-cdk-lib/aws-synthetics';
import { Construct } from 'constructs';
import { notifyingAlarm } from './alarm-factory';

export interface UnifiedHealthCanaryProps {
  /** At most 21 characters, lowercase: a Synthetics limit. */
  readonly canaryName: string;
  readonly alarmName: string;
  /** The gateway's unified health, e.g. https://api.example.com/health. */
  readonly url: string;
  readonly everyMinutes: number;
  readonly topic: ITopic;
  readonly accessLogs: IBucket;
  readonly removalPolicy: RemovalPolicy;
}

/** Fails the run unless the unified health answers 200 within the timeout. */
const script = `
const synthetics = require('Synthetics');
exports.handler = async () => {
  const url = new URL(process.env.HEALTH_URL);
  await synthetics.executeHttpStep('unified health', {
    hostname: url.hostname,
    path: url.pathname,
    port: 443,
    protocol: 'https:',
    method: 'GET',
    timeout: 10000,
  }, (response) => new Promise((resolve, reject) => {
    response.on('data', () => {});
    response.on('end', () => response.statusCode === 200
      ? resolve()
      : reject(new Error('GET ' + url + ' answered ' + response.statusCode)));
  }));
};
`;

/**
 * The outside-in check on the gateway's unified /health, which is 200 only when every
 * service is ready. It alarms; it never takes a gateway out of the load balancer (target
 * health uses the gateway's own /health/ready), so a partial outage stays partial.
 */
export class UnifiedHealthCanary extends Construct {
  readonly canary: Canary;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: UnifiedHealthCanaryProps) {
    super(scope, id);
    const artifacts = new Bucket(this, 'Artifacts', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'canary-artifacts/',
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: props.removalPolicy,
    });
    this.canary = new Canary(this, 'Canary', {
      canaryName: props.canaryName,
      runtime: Runtime.SYNTHETICS_NODEJS_PUPPETEER_13_0,
      test: Test.custom({ handler: 'index.handler', code: Code.fromInline(script) }),
      schedule: Schedule.rate(Duration.minutes(props.everyMinutes)),
      environmentVariables: { HEALTH_URL: props.url },
      artifactsBucketLocation: { bucket: artifacts },
      provisionedResourceCleanup: true,
    });
    const period = Duration.minutes(Math.max(5, props.everyMinutes));
    this.alarm = notifyingAlarm(this, 'Alarm', props.topic, {
      alarmName: props.alarmName,
      alarmDescription: `${props.url} is not 200: at least one service is not ready (see the response for which)`,
      metric: this.canary.metricSuccessPercent({ period }),
      threshold: 90,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: TreatMissingData.BREACHING,
    });
  }
}
