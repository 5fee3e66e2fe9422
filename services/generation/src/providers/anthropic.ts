import type { ScenarioContent } from '@what-if/contracts';
import { failureFromResponse } from './http-failure';
import type { ScenarioProvider } from './provider';
import { ProviderError } from './provider-error';
import { buildPrompt } from './prompt';
import { type RemoteCallLimits, startRemoteCall } from './remote-call';
import { parseScenarioJson } from './scenario-output';
import { readServerSentEvents } from './sse-reader';

export interface AnthropicOptions extends RemoteCallLimits {
  baseUrl: string;
  apiKey: string;
  model: string;
  maxTokens: number;
}

/** The API version this code speaks; Anthropic keeps old versions working. */
const ANTHROPIC_VERSION = '2023-06-01';

interface StreamEvent {
  type?: string;
  delta?: { type?: string; text?: string; stop_reason?: string | null };
  error?: { type?: string; message?: string };
}

/** The Anthropic Messages API, streamed: text deltas are collected into the scenario's JSON. */
export function createAnthropicProvider(options: AnthropicOptions): ScenarioProvider {
  const name = 'anthropic';
  return {
    name,
    model: options.model,
    async generate(request, signal, onEvent) {
      const prompt = buildPrompt(request);
      const call = startRemoteCall(name, signal, options);
      try {
        const response = await fetch(`${options.baseUrl}/v1/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            'x-api-key': options.apiKey,
            'anthropic-version': ANTHROPIC_VERSION,
          },
          body: JSON.stringify({
            model: options.model,
            max_tokens: options.maxTokens,
            stream: true,
            system: prompt.system,
            messages: [{ role: 'user', content: prompt.user }],
          }),
          signal: call.signal,
        });
        if (!response.ok || !response.body) throw await failureFromResponse(name, response);
        let text = '';
        let stopped = false;
        for await (const message of readServerSentEvents(response.body, call.touch)) {
          let event: StreamEvent;
          try {
            event = JSON.parse(message.data) as StreamEvent;
          } catch {
            throw new ProviderError(name, 'invalid_output', `the ${message.event} event is not JSON`);
          }
          if (message.event === 'error' || event.type === 'error') {
            const overloaded =
              event.error?.type === 'overloaded_error' || event.error?.type === 'rate_limit_error';
            throw new ProviderError(
              name,
              overloaded ? 'rate_limited' : 'status',
              `error in stream: ${event.error?.type ?? 'unknown'}: ${event.error?.message ?? ''}`,
            );
          }
          if (
            message.event === 'content_block_delta' &&
            event.delta?.type === 'text_delta' &&
            event.delta.text
          ) {
            text += event.delta.text;
            onEvent({ type: 'delta', text: event.delta.text });
          } else if (message.event === 'message_delta' && event.delta?.stop_reason === 'max_tokens') {
            throw new ProviderError(name, 'invalid_output', 'the model ran out of tokens before finishing');
          } else if (message.event === 'message_stop') {
            stopped = true;
            break;
          }
        }
        if (!stopped) throw new ProviderError(name, 'transport', 'the stream ended without message_stop');
        return parseScenarioJson(name, text) as ScenarioContent;
      } catch (error) {
        throw call.failure(error);
      } finally {
        call.dispose();
      }
    },
  };
}
