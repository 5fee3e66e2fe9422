import type { ScenarioContent } from '@what-if/contracts';
import { failureFromResponse } from './http-failure';
import type { ScenarioProvider } from './provider';
import { ProviderError } from './provider-error';
import { buildPrompt, scenarioJsonSchema } from './prompt';
import { type RemoteCallLimits, startRemoteCall } from './remote-call';
import { parseScenarioJson } from './scenario-output';
import { readServerSentEvents } from './sse-reader';

export interface OpenAiOptions extends RemoteCallLimits {
  /** Up to and including /v1: https://api.openai.com/v1, http://localhost:11434/v1 (Ollama). */
  baseUrl: string;
  /** Empty for servers that take no key. */
  apiKey: string;
  /** Empty: ask the server (GET /models) and use the first model it serves, as a local server serving one model wants. */
  model: string;
  maxTokens: number;
}

interface ChatCompletionChunk {
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  error?: { message?: string };
}

interface ModelList {
  data?: Array<{ id?: unknown }>;
}

/**
 * Any OpenAI-compatible chat-completions endpoint, streamed, with the scenario's JSON
 * Schema as structured output (servers without json_schema support still get the schema
 * in the instructions, and the answer is validated either way): OpenAI, Azure OpenAI, and
 * the model servers people run themselves (Ollama, llama.cpp's server, vLLM). Without a
 * model name it asks the server which model it serves, once, and remembers the answer.
 */
export function createOpenAiProvider(options: OpenAiOptions): ScenarioProvider {
  const name = 'openai';
  const authorization: Record<string, string> = options.apiKey
    ? { authorization: `Bearer ${options.apiKey}` }
    : {};
  let served: string | undefined = options.model || undefined;

  async function modelToUse(signal: AbortSignal): Promise<string> {
    if (served) return served;
    const response = await fetch(`${options.baseUrl}/models`, { headers: authorization, signal });
    if (!response.ok) throw await failureFromResponse(name, response);
    const list = (await response.json().catch(() => ({}))) as ModelList;
    const first = list.data?.find((model) => typeof model.id === 'string' && model.id.length > 0)?.id;
    if (typeof first !== 'string') {
      throw new ProviderError(name, 'status', `${options.baseUrl}/models lists no model; set OPENAI_MODEL`);
    }
    served = first;
    return first;
  }

  return {
    name,
    get model() {
      return served ?? '(the server’s first model)';
    },
    async generate(request, signal, onEvent) {
      const prompt = buildPrompt(request);
      const call = startRemoteCall(name, signal, options);
      try {
        const model = await modelToUse(call.signal);
        const response = await fetch(`${options.baseUrl}/chat/completions`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            ...authorization,
          },
          body: JSON.stringify({
            model,
            stream: true,
            max_tokens: options.maxTokens,
            messages: [
              { role: 'system', content: prompt.system },
              { role: 'user', content: prompt.user },
            ],
            response_format: {
              type: 'json_schema',
              // Not strict: strict mode forbids optional properties, and byDomain is optional.
              json_schema: { name: 'scenario', strict: false, schema: scenarioJsonSchema },
            },
          }),
          signal: call.signal,
        });
        if (!response.ok || !response.body) throw await failureFromResponse(name, response);
        let text = '';
        let finished = false;
        for await (const message of readServerSentEvents(response.body, call.touch)) {
          if (message.data === '[DONE]') {
            finished = true;
            break;
          }
          let chunk: ChatCompletionChunk;
          try {
            chunk = JSON.parse(message.data) as ChatCompletionChunk;
          } catch {
            throw new ProviderError(name, 'invalid_output', 'the stream carried a chunk that is not JSON');
          }
          if (chunk.error) throw new ProviderError(name, 'status', chunk.error.message ?? 'error in stream');
          const piece = chunk.choices?.[0]?.delta?.content;
          if (piece) {
            text += piece;
            onEvent({ type: 'delta', text: piece });
          }
          if (chunk.choices?.[0]?.finish_reason === 'length') {
            throw new ProviderError(name, 'invalid_output', 'the model ran out of tokens before finishing');
          }
        }
        // Servers end with [DONE]; a body that just stops was cut off.
        if (!finished) throw new ProviderError(name, 'transport', 'the stream ended without [DONE]');
        return parseScenarioJson(name, text) as ScenarioContent;
      } catch (error) {
        throw call.failure(error);
      } finally {
        call.dispose();
      }
    },
  };
}
