import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { ScenarioContent } from '@what-if/contracts';
import type { ScenarioProvider } from './provider';
import { ProviderError } from './provider-error';
import { buildPrompt } from './prompt';
import { type RemoteCallLimits, startRemoteCall } from './remote-call';
import { parseScenarioJson } from './scenario-output';

export interface BedrockOptions extends RemoteCallLimits {
  region: string;
  /** A VPC endpoint, or a local stand-in in tests; undefined for the regional endpoint. */
  endpoint?: string;
  modelId: string;
  maxTokens: number;
  /** Tests pass fixed keys; in AWS the SDK's default chain finds the task or pod role. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** What the SDK throws, for the request as a whole or from inside the event stream. */
interface SdkFailure {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

function failureFromSdk(name: string, error: SdkFailure): ProviderError {
  const kind = error.name ?? 'Error';
  if (kind === 'ThrottlingException' || kind === 'ServiceQuotaExceededException') {
    const retryAfter = Number(error.$response?.headers?.['retry-after']);
    return new ProviderError(name, 'rate_limited', `${kind}: ${error.message ?? ''}`, {
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
  const status = error.$metadata?.httpStatusCode;
  return new ProviderError(name, 'status', `${kind}${status ? ` (${status})` : ''}: ${error.message ?? ''}`, {
    cause: error,
  });
}

/** Amazon Bedrock's ConverseStream: one API over the models Bedrock hosts. */
export function createBedrockProvider(options: BedrockOptions): ScenarioProvider {
  const name = 'bedrock';
  const client = new BedrockRuntimeClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // The chain decides what happens after a failure (the next provider), not the SDK.
    maxAttempts: 1,
  });
  return {
    name,
    model: options.modelId,
    async generate(request, signal, onEvent) {
      const prompt = buildPrompt(request);
      const call = startRemoteCall(name, signal, options);
      try {
        let response;
        try {
          response = await client.send(
            new ConverseStreamCommand({
              modelId: options.modelId,
              system: [{ text: prompt.system }],
              messages: [{ role: 'user', content: [{ text: prompt.user }] }],
              inferenceConfig: { maxTokens: options.maxTokens },
            }),
            { abortSignal: call.signal },
          );
        } catch (error) {
          if (call.signal.aborted) throw error;
          throw failureFromSdk(name, error as SdkFailure);
        }
        if (!response.stream) throw new ProviderError(name, 'transport', 'the answer had no event stream');
        call.touch();
        let text = '';
        let stopped = false;
        try {
          for await (const event of response.stream) {
            call.touch();
            const piece = event.contentBlockDelta?.delta?.text;
            if (piece) {
              text += piece;
              onEvent({ type: 'delta', text: piece });
            }
            if (event.messageStop) {
              if (event.messageStop.stopReason === 'max_tokens') {
                throw new ProviderError(
                  name,
                  'invalid_output',
                  'the model ran out of tokens before finishing',
                );
              }
              stopped = true;
            }
          }
        } catch (error) {
          if (error instanceof ProviderError || call.signal.aborted) throw error;
          throw failureFromSdk(name, error as SdkFailure);
        }
        if (!stopped) throw new ProviderError(name, 'transport', 'the stream ended without messageStop');
        return parseScenarioJson(name, text) as ScenarioContent;
      } catch (error) {
        throw call.failure(error);
      } finally {
        call.dispose();
      }
    },
  };
}
