import { ProviderError } from './provider-error';

/**
 * The JSON object a model wrote. Models asked for bare JSON still sometimes wrap it in a
 * code fence or a sentence, so the outermost braces are taken; anything unparsable is
 * invalid output, which the chain retries once.
 */
export function parseScenarioJson(provider: string, text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) {
    throw new ProviderError(provider, 'invalid_output', 'the model wrote no JSON object');
  }
  try {
    return JSON.parse(text.slice(start, end + 1)) as unknown;
  } catch (error) {
    throw new ProviderError(
      provider,
      'invalid_output',
      `the model wrote malformed JSON (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}
