import type { AwsAccount, ConfiguredEnv } from './types';

/** A variable that names an AWS resource the service calls; empty would grant on a malformed ARN. */
export function configured(env: ConfiguredEnv, variable: string): string {
  const value = env[variable];
  if (!value) throw new Error(`${variable} is empty, but it names the AWS resource the service calls`);
  return value;
}

/** The domain of a sender such as `What If <no-reply@example.com>`: the SES identity it sends as. */
export function senderDomain(sender: string): string {
  const address = /<([^>]+)>\s*$/.exec(sender)?.[1] ?? sender.trim();
  const domain = address.split('@')[1];
  if (!domain || address.split('@').length !== 2) {
    throw new Error(`"${sender}" is not an address (name@domain, optionally as Name <name@domain>)`);
  }
  return domain.toLowerCase();
}

/** Prefixes of Bedrock's cross-region inference profiles, which route to the model in several regions. */
const inferenceProfilePrefix = /^(us|eu|apac|us-gov|jp|au|ca|global)\./;

/**
 * The ARNs a Bedrock model id is invoked through: the foundation model in BEDROCK_REGION; for a
 * cross-region inference profile, the profile and the model in whichever region the profile
 * routes to; a full ARN as it is.
 */
export function bedrockModelArns(modelId: string, region: string, account: AwsAccount): string[] {
  if (modelId.startsWith('arn:')) return [modelId];
  const profile = inferenceProfilePrefix.exec(modelId);
  if (profile) {
    const modelOnly = modelId.slice(profile[0].length);
    return [
      `arn:${account.partition}:bedrock:${region}:${account.accountId}:inference-profile/${modelId}`,
      `arn:${account.partition}:bedrock:*::foundation-model/${modelOnly}`,
    ];
  }
  return [`arn:${account.partition}:bedrock:${region}::foundation-model/${modelId}`];
}

/** A comma-separated list variable holds the value (GENERATION_PROVIDERS=openai,bedrock). */
export function listIncludes(value: string | undefined, item: string): boolean {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .includes(item);
}
