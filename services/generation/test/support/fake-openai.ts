import { type Answer, pieces } from './scripted-server';

function chunk(content: string | null, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finishReason }],
  })}\n\n`;
}

/** An OpenAI chat-completions stream writing `text`, as the API does: role chunk, content chunks, stop, [DONE]. */
export function openAiStream(
  text: string,
  options: { stallAfter?: number; omitDone?: boolean } = {},
): Answer {
  return (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] })}\n\n`,
    );
    const parts = pieces(text);
    for (const [index, part] of parts.entries()) {
      // A stalled stream: the connection stays open and nothing more comes.
      if (options.stallAfter !== undefined && index >= options.stallAfter) return;
      res.write(chunk(part));
    }
    res.write(chunk(null, 'stop'));
    if (!options.omitDone) res.write('data: [DONE]\n\n');
    res.end();
  };
}

/** A stream whose data lines are not JSON. */
export function openAiGarbledStream(): Answer {
  return (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"choices":[{"delta":{"content":"{\\"ti"}}]}\n\n');
    res.write('data: {not json at all\n\n');
    res.end();
  };
}
